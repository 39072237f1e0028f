package io.tocsin.cli;

import io.tocsin.security.KeyHash;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./tocsin hash-key KEY}: the SHA-256 to put in {@code keySha256} for a publisher or operator. */
@Command(name = "hash-key", mixinStandardHelpOptions = true,
        description = "Print the SHA-256 (keySha256) of a bearer key; '-' reads the key from standard input.")
public final class HashKeyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "KEY", description = "the plain key, or - to read one line from stdin")
    String key;

    @Override
    public Integer call() throws Exception {
        String k = key;
        if ("-".equals(k)) {
            k = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        if (k == null || k.isEmpty()) {
            System.err.println("hash-key: empty key");
            return 2;
        }
        System.out.println(KeyHash.hexOf(k));
        return 0;
    }
}
