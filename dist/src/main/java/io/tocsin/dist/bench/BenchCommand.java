package io.tocsin.dist.bench;

import picocli.CommandLine.Command;

/** {@code ./tocsin bench}: end-to-end scenarios and the crash campaign against a real engine process. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "End-to-end scenarios and campaigns against a real engine process and the simulators.",
        subcommands = {E2eCommand.class, CrashCommand.class, StartTraining.class})
public final class BenchCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }
}
