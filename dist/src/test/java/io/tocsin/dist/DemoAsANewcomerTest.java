package io.tocsin.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code ./tocsin demo} the way a newcomer would: a fresh clone with nothing built, the one command,
 * then checks that the console answers and the sample alert reaches every target, and stops it with a
 * signal (what Ctrl-C sends). Uses the committed HEAD of this repository.
 */
class DemoAsANewcomerTest {

    @TempDir
    Path temp;

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void freshCloneDemoServesTheConsoleAndDeliversTheSampleAlert() throws Exception {
        Path root = Path.of(System.getProperty("tocsin.root", "..")).toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isDirectory(root.resolve(".git")) || Files.isRegularFile(root.resolve(".git")),
                "not a git checkout: " + root);
        Path clone = temp.resolve("tocsin");
        run(temp, "git", "clone", "--quiet", "--no-hardlinks", root.toString(), clone.toString());
        assertThat(clone.resolve("dist/target")).doesNotExist();

        int port = freePort();
        ProcessBuilder pb = new ProcessBuilder("./tocsin", "demo", "--port", Integer.toString(port),
                "--subscribers", "50000", "--cells", "600").directory(clone.toFile()).redirectErrorStream(true);
        pb.environment().put("TOCSIN_JAVA_OPTS", "-Xmx1g");
        Process demo = pb.start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(demo.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(reader: " + e + ")");
            }
        }, "demo-output");
        reader.setDaemon(true);
        reader.start();
        try {
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> !demo.isAlive() || lines.stream().anyMatch(l -> l.contains("press Ctrl-C to stop")));
            assertThat(demo.isAlive()).as(String.join("\n", lines)).isTrue();

            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
            HttpResponse<String> console = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(console.statusCode()).isEqualTo(200);
            assertThat(console.body()).containsIgnoringCase("<html");

            String all = String.join("\n", lines);
            assertThat(all).contains("HTTP 202").contains("after-action summary");
            String summary = all.substring(all.lastIndexOf("after-action summary"));
            assertThat(summary).contains("state DONE");
            assertThat(lines.stream().filter(l -> l.trim().startsWith("SMS") && l.contains("planned")
                    && l.contains("delivered")).reduce((a, b) -> b).orElseThrow())
                    .as("every planned SMS delivered").matches(l -> sameCounts(l, "planned", "delivered"));
            for (String ch : List.of("CELL_BROADCAST", "RADIO", "TV")) {
                String line = summary.lines().filter(l -> l.trim().startsWith(ch)).findFirst().orElseThrow();
                assertThat(sameCounts(line, "planned", "delivered")).as(line).isTrue();
            }
        } finally {
            demo.destroy(); // SIGTERM: the demo's shutdown hook closes the engine cleanly
            boolean exited = demo.waitFor(60, TimeUnit.SECONDS);
            if (!exited) {
                demo.destroyForcibly();
            }
            assertThat(exited).as("demo stops on a signal").isTrue();
        }
    }

    private static boolean sameCounts(String line, String a, String b) {
        return number(line, a) > 0 && number(line, a) == number(line, b);
    }

    private static long number(String line, String label) {
        int i = line.indexOf(label + " ");
        if (i < 0) {
            return -1;
        }
        String rest = line.substring(i + label.length()).trim();
        String digits = rest.split("\\s+")[0].replace(",", "");
        return Long.parseLong(digits);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command)).isZero();
    }
}
