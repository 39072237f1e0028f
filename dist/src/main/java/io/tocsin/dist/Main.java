package io.tocsin.dist;

import io.tocsin.cli.TocsinCommand;
import picocli.CommandLine;

/** {@code ./tocsin}: the engine's commands plus those that need the simulators (demo, bench). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        CommandLine cli = TocsinCommand.commandLine();
        cli.addSubcommand("demo", new DemoCommand());
        cli.addSubcommand("bench", new io.tocsin.dist.bench.BenchCommand());
        System.exit(cli.execute(args));
    }
}
