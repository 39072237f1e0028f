package io.tocsin.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of {@code ./tocsin}: engine commands live here; the distribution adds demo and bench. */
@Command(name = "tocsin",
        mixinStandardHelpOptions = true,
        version = "tocsin 0.1.0",
        description = "Early-warning broadcast dispatch engine.",
        subcommands = {CommandLine.HelpCommand.class, AuditCommand.class, ValidateCommand.class,
                RunCommand.class, StatusCommand.class, HashKeyCommand.class, SendCommand.class, ReportCommand.class})
public final class TocsinCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The command line with every engine subcommand registered. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new TocsinCommand());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }
}
