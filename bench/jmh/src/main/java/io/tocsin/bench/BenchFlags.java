package io.tocsin.bench;

/**
 * JVM flags every JMH fork needs (Chronicle's exports/opens, analytics off); {@link RunJmh} appends them
 * to every fork.
 */
public final class BenchFlags {
    public static final String[] ALL = {
        "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
        "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
        "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
        "--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
        "--add-opens=java.base/java.lang=ALL-UNNAMED",
        "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
        "--add-opens=java.base/java.io=ALL-UNNAMED",
        "--add-opens=java.base/java.util=ALL-UNNAMED",
        "-Dchronicle.analytics.disable=true",
        "-Dchronicle.announcer.disable=true",
    };

    private BenchFlags() {
    }

    /** {@link #ALL}, plus the JDK 24+ only flag when this JVM is 24 or newer. */
    public static String[] forThisJvm() {
        if (Runtime.version().feature() < 24) {
            return ALL.clone();
        }
        String[] out = java.util.Arrays.copyOf(ALL, ALL.length + 2);
        out[ALL.length] = "--sun-misc-unsafe-memory-access=allow";
        out[ALL.length + 1] = "--enable-native-access=ALL-UNNAMED";
        return out;
    }
}
