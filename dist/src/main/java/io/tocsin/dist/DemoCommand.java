package io.tocsin.dist;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./tocsin demo}: the embedded default. Grows with the engine; see README for what runs today. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the engine on the embedded default (config/demo.yaml) and push a sample typhoon alert.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--alert", description = "CAP file to push (default: config/demo/typhoon-red.xml)")
    Path alert;

    @Override
    public Integer call() throws Exception {
        Path root = Path.of(System.getProperty("tocsin.root", "."));
        Path file = alert != null ? alert : root.resolve("config/demo/typhoon-red.xml");
        System.out.println("Sample alert: " + file + " (" + Files.size(file) + " bytes)");
        return 0;
    }
}
