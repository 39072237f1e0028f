package io.tocsin.dist.bench;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The JVM flags an engine process needs (Chronicle Queue's exports/opens, its phone-home switches, the JDK 24+
 * memory-access flag, the launcher's garbage-collector tuning) and the launcher's class-data archive ({@code -XX:SharedArchiveFile}, see {@code ./tocsin}), taken from the JVM running the harness — which the {@code ./tocsin} launcher (or the
 * surefire argLine in tests) started with exactly those flags — so they are written down in one place only.
 * Stateless.
 */
final class LaunchFlags {
    static final String REQUIRED = "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED";

    private LaunchFlags() {
    }

    /** This JVM's module and Chronicle flags, to hand to a child JVM. */
    static List<String> inherited() {
        return select(ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    static List<String> select(List<String> args) {
        List<String> out = args.stream().filter(LaunchFlags::isLaunchFlag).toList();
        if (!out.contains(REQUIRED)) {
            throw new IllegalStateException("this JVM was not started with Chronicle Queue's flags (" + REQUIRED
                    + " ...): run the harness through ./tocsin bench");
        }
        return out;
    }

    private static boolean isLaunchFlag(String a) {
        return a.startsWith("--add-exports") || a.startsWith("--add-opens") || a.startsWith("--enable-native-access")
                || a.startsWith("--sun-misc-unsafe-memory-access") || a.startsWith("-Dchronicle.")
                || a.startsWith("-XX:SharedArchiveFile=") || a.startsWith("-Xlog:cds")
                || a.startsWith("-XX:MaxTenuringThreshold=") || a.startsWith("-XX:MaxGCPauseMillis=");
    }
}
