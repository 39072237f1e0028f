package io.tocsin.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Entry point of {@code benchmarks.jar}: JMH's own command line, with the forks given the JVM flags that
 * Chronicle needs and its analytics switched off ({@link BenchFlags}). Example:
 * {@code java -jar bench/jmh/target/benchmarks.jar CapParse -f 1 -wi 3 -i 5}.
 */
public final class RunJmh {
    private RunJmh() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        CommandLineOptions cli = new CommandLineOptions(args);
        OptionsBuilder options = new OptionsBuilder();
        options.parent(cli);
        options.jvmArgsAppend(BenchFlags.forThisJvm());
        new Runner(options.build()).run();
    }
}
