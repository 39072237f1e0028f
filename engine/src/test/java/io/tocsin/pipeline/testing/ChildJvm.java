package io.tocsin.pipeline.testing;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The start of a command line for a separate engine JVM in crash tests: small heap, this JVM's Chronicle flags. */
public final class ChildJvm {
    private ChildJvm() {
    }

    /** {@code java -Xmx256m -XX:TieredStopAtLevel=1 <this JVM's --add-*, -Dchronicle*, ... flags>}; append the rest. */
    public static List<String> command() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.add("-XX:TieredStopAtLevel=1");
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-") || arg.startsWith("-Dchronicle") || arg.startsWith("--enable-native")
                    || arg.startsWith("--sun-misc")) {
                cmd.add(arg);
            }
        }
        return cmd;
    }
}
