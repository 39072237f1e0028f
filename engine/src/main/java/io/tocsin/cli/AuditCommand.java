package io.tocsin.cli;

import io.tocsin.audit.AuditLog;
import io.tocsin.audit.AuditVerdict;
import io.tocsin.audit.AuditVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./tocsin audit verify [PATH]}: checks the audit hash chain; exit 0 intact, 1 broken, 2 usage. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Audit trail commands.",
        subcommands = AuditCommand.Verify.class)
public final class AuditCommand implements Runnable {

    @Override
    public void run() {
        System.out.println("usage: tocsin audit verify [PATH]");
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Verify the audit hash chain; says where it breaks. Exit 0 intact, 1 broken, 2 usage.")
    static final class Verify implements Callable<Integer> {

        @Parameters(arity = "0..1", paramLabel = "PATH",
                description = "audit.log, or a data directory holding audit/audit.log (default: ./data)")
        Path path = Path.of("data");

        @Option(names = "--key-file", description = "File holding the HMAC key, when the chain was written with one")
        Path keyFile;

        @Override
        public Integer call() throws Exception {
            Path file = path;
            if (Files.isDirectory(file)) {
                Path nested = file.resolve("audit").resolve(AuditLog.FILE_NAME);
                file = Files.exists(nested) ? nested : file.resolve(AuditLog.FILE_NAME);
            }
            if (!Files.isRegularFile(file)) {
                System.err.println("audit verify: no audit log at " + file);
                return 2;
            }
            byte[] key = keyFile == null ? null : Files.readString(keyFile, StandardCharsets.UTF_8).trim()
                    .getBytes(StandardCharsets.UTF_8);
            AuditVerdict verdict = AuditVerifier.verify(file, key);
            if (verdict.intact()) {
                System.out.println("INTACT " + file + ": " + verdict.records() + " records, head " + verdict.head());
                return 0;
            }
            System.out.println("BROKEN " + file + ": " + verdict.problem() + " (" + verdict.records()
                    + " records before it are intact)");
            return 1;
        }
    }
}
