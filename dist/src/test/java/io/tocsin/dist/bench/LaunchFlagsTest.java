package io.tocsin.dist.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LaunchFlagsTest {

    @Test
    void handsTheChronicleFlagsGcTuningAndClassDataArchiveOnToTheEngineButNotTheHarnessHeapOrAgents() {
        List<String> harness = List.of("-Xmx4g", LaunchFlags.REQUIRED, "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-Dchronicle.analytics.disable=true", "-XX:MaxTenuringThreshold=0", "-XX:MaxGCPauseMillis=20",
                "-XX:SharedArchiveFile=/opt/tocsin/dist/target/tocsin.jsa",
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-Dtocsin.launched=1", "-XX:StartFlightRecording=x",
                "-XX:ArchiveClassesAtExit=/tmp/other.jsa");

        assertThat(LaunchFlags.select(harness)).containsExactly(LaunchFlags.REQUIRED,
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "-Dchronicle.analytics.disable=true",
                "-XX:MaxTenuringThreshold=0", "-XX:MaxGCPauseMillis=20",
                "-XX:SharedArchiveFile=/opt/tocsin/dist/target/tocsin.jsa", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    @Test
    void refusesAHarnessStartedWithoutChronicleFlags() {
        assertThatThrownBy(() -> LaunchFlags.select(List.of("-XX:SharedArchiveFile=/x.jsa")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("./tocsin bench");
    }
}
