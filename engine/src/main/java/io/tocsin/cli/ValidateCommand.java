package io.tocsin.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tocsin.cap.Alert;
import io.tocsin.cap.CapDecoder;
import io.tocsin.cap.CapProfile;
import io.tocsin.cap.CapProfiles;
import io.tocsin.cap.CapValidator;
import io.tocsin.cap.Decoded;
import io.tocsin.cap.Reason;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tocsin validate FILE... [--profile NAME] [--json]}: decodes each file (CAP XML, EDXL-DE/Atom/RSS
 * wrappers, or the JSON form), validates every alert in it and prints a verdict with located reasons.
 * Exit status: 0 when every file is valid, 1 when any is invalid, 2 on usage errors (unknown profile,
 * unreadable file). One instance per invocation (picocli fills its fields); not shared between threads.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validate CAP files (CAP 1.0/1.1/1.2, EDXL-DE, Atom, RSS, JSON) and print located reasons.")
public final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "CAP documents to validate")
    List<Path> files = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "NAME",
            description = "also apply a profile: ipaws, cap-cp, china (repeatable)")
    List<String> profileNames = new ArrayList<>();

    @Option(names = "--json", description = "print machine-readable JSON instead of text")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    record FileResult(Path file, Decoded decoded, List<List<Reason>> perAlert) {
        boolean valid() {
            return decoded.ok() && perAlert.stream().flatMap(List::stream).noneMatch(Reason::isError);
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<CapProfile> profiles = new ArrayList<>();
        for (String name : profileNames) {
            var p = CapProfiles.byName(name);
            if (p.isEmpty()) {
                err.println("validate: unknown profile '" + name + "' (known: ipaws, cap-cp, china)");
                return 2;
            }
            profiles.add(p.get());
        }
        CapDecoder decoder = new CapDecoder();
        CapValidator validator = new CapValidator(profiles);
        List<FileResult> results = new ArrayList<>();
        for (Path file : files) {
            byte[] body;
            try {
                body = Files.readAllBytes(file);
            } catch (IOException e) {
                err.println("validate: cannot read " + file + ": " + e.getMessage());
                return 2;
            }
            Decoded d = decoder.decode(body);
            List<List<Reason>> per = new ArrayList<>();
            for (Alert a : d.alerts()) {
                per.add(validator.validate(a));
            }
            results.add(new FileResult(file, d, per));
        }
        if (json) {
            printJson(out, results);
        } else {
            results.forEach(r -> printText(out, r));
        }
        out.flush();
        return results.stream().allMatch(FileResult::valid) ? 0 : 1;
    }

    private static void printText(PrintWriter out, FileResult r) {
        int n = r.decoded().alerts().size();
        out.println(r.file() + ": " + (r.valid() ? "VALID" : "INVALID") + " (" + n + (n == 1 ? " alert" : " alerts") + ")");
        for (Reason reason : r.decoded().reasons()) {
            out.println("  " + reason);
        }
        for (int i = 0; i < r.perAlert().size(); i++) {
            Alert a = r.decoded().alerts().get(i);
            String prefix = n > 1 ? "  [" + i + " " + a.identifier() + "] " : "  ";
            for (Reason reason : r.perAlert().get(i)) {
                out.println(prefix + reason);
            }
        }
    }

    private static void printJson(PrintWriter out, List<FileResult> results) {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeBooleanField("valid", results.stream().allMatch(FileResult::valid));
            g.writeArrayFieldStart("files");
            for (FileResult r : results) {
                g.writeStartObject();
                g.writeStringField("file", r.file().toString());
                g.writeBooleanField("valid", r.valid());
                g.writeArrayFieldStart("alerts");
                for (Alert a : r.decoded().alerts()) {
                    g.writeStartObject();
                    g.writeStringField("identifier", a.identifier());
                    g.writeStringField("sender", a.sender());
                    g.writeStringField("sent", a.sent());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeArrayFieldStart("reasons");
                for (Reason reason : r.decoded().reasons()) {
                    writeReason(g, null, reason);
                }
                for (int i = 0; i < r.perAlert().size(); i++) {
                    for (Reason reason : r.perAlert().get(i)) {
                        writeReason(g, i, reason);
                    }
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    private static void writeReason(JsonGenerator g, Integer alert, Reason r) throws IOException {
        g.writeStartObject();
        if (alert != null) {
            g.writeNumberField("alert", alert);
        }
        g.writeStringField("path", r.path());
        g.writeStringField("level", r.level().name().toLowerCase(java.util.Locale.ROOT));
        g.writeStringField("code", r.code());
        g.writeStringField("message", r.message());
        g.writeEndObject();
    }
}
