package io.tocsin.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tocsin.ledger.ChannelCounters;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults at the engine's own edge: the journal's disk nearly full (a real, small tmpfs) and a flood of clients
 * that trickle bytes (slowloris). New alerts are refused cleanly (503 + Retry-After) rather than risking the
 * journal, slow clients are timed out, good clients keep getting their 202 promptly, and the engine takes
 * alerts again by itself once the disk has room.
 */
@Timeout(120)
class IngressFaultCampaignTest {
    static final String OPERATOR_KEY = "demo-operator-duty";
    private static final long MIN_FREE = 16L << 20;

    @TempDir
    Path data;
    private FaultRig rig;
    private Path mount;

    @AfterEach
    void stop() throws Exception {
        if (rig != null) {
            rig.close();
        }
        if (mount != null) {
            unmount(mount);
        }
    }

    /**
     * Unmounts the small disk. The engine's mapped journal files can keep it busy for a moment after the engine has
     * closed (a CI run once failed here with "Device or resource busy"), so it retries for a few seconds and then
     * detaches it lazily: the directory is empty at once and the kernel frees the tmpfs when the last user lets go.
     */
    private static void unmount(Path dir) throws Exception {
        try {
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).until(() -> {
                Process p = new ProcessBuilder("umount", dir.toString()).redirectErrorStream(true).start();
                return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
            });
        } catch (ConditionTimeoutException stillBusy) {
            new ProcessBuilder("umount", "-l", dir.toString()).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Mounts a small tmpfs (root only); false when that is not possible here. */
    private boolean mountSmallDisk(String size) throws Exception {
        Path dir = Files.createDirectories(data.resolve("small-disk"));
        Process p;
        try {
            p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            return false;
        }
        boolean ok = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        if (ok) {
            mount = dir;
        }
        return ok;
    }

    @Test
    void aNearlyFullJournalDiskRefusesNewAlerts503ButServesTheAcceptedOnesAndRecoversWhenSpaceIsFreed()
            throws Exception {
        assumeTrue(mountSmallDisk("96m"), "cannot mount a tmpfs here (needs root): the pluggable-probe test"
                + " io.tocsin.pipeline.DiskNearlyFullTest covers the guard instead");
        Path journalDir = mount.resolve("journal");
        rig = FaultRig.start(data, Set.of("SMS"), c -> c.withJournal(
                new io.tocsin.config.JournalConfig(journalDir.toString(), false, MIN_FREE)));
        await().atMost(Duration.ofSeconds(20)).until(() -> rig.health().path("status").asText().equals("UP"));
        List<String> accepted = new ArrayList<>();
        accepted.add(rig.submit());

        // fill the disk until less than the reserve is left
        FileStore store = Files.getFileStore(mount);
        Path filler = mount.resolve("filler.bin");
        long fill = store.getUsableSpace() - MIN_FREE / 2;
        try (RandomAccessFile f = new RandomAccessFile(filler.toFile(), "rw")) {
            byte[] block = new byte[1 << 20];
            for (long done = 0; done < fill; done += block.length) {
                f.write(block, 0, (int) Math.min(block.length, fill - done));
            }
        }
        HttpResponse<String>[] refused = new HttpResponse[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            HttpResponse<String> r = rig.post(rig.alert(Duration.ofHours(1)));
            if (r.statusCode() == 202) {
                accepted.add(FaultRig.id(r)); // taken before the next probe saw the disk full
                return false;
            }
            refused[0] = r;
            return true;
        });
        assertThat(refused[0].statusCode()).as(refused[0].body()).isEqualTo(503);
        assertThat(refused[0].headers().firstValue("Retry-After")).isPresent();
        assertThat(refused[0].body()).contains("disk nearly full");
        JsonNode health = rig.health();
        assertThat(health.path("httpStatus").asInt()).isEqualTo(503);
        assertThat(health.path("status").asText()).isEqualTo("REFUSING");
        assertThat(health.path("journal").path("acceptingAlerts").asBoolean()).isFalse();

        // what was accepted is still served from the reserve, and an operator can still cancel
        String first = accepted.get(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> rig.settled(first, "SMS", false));
        String cancelMe = accepted.get(accepted.size() - 1);
        HttpResponse<String> cancel = rig.http.send(HttpRequest.newBuilder(
                        URI.create(rig.base() + "/api/v1/alerts/" + cancelMe + "/cancel"))
                .header("Authorization", "Bearer " + OPERATOR_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"fault drill\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(cancel.statusCode()).as(cancel.body()).isIn(200, 202);

        long freed = System.nanoTime();
        Files.delete(filler);
        String[] after = new String[1];
        await().pollInterval(Duration.ofMillis(20)).atMost(Duration.ofSeconds(5)).until(() -> {
            HttpResponse<String> r = rig.post(rig.alert(Duration.ofHours(1)));
            if (r.statusCode() == 202) {
                after[0] = FaultRig.id(r);
                return true;
            }
            assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
            return false;
        });
        long recoveredMs = (System.nanoTime() - freed) / 1_000_000;
        accepted.add(after[0]);
        assertThat(rig.health().path("status").asText()).isEqualTo("UP");

        rig.restart(); // the journal on the once-full disk replays whole
        for (String id : accepted) {
            assertThat(rig.view(id)).as("accepted alert %s after restart", id).isNotNull();
        }
        ChannelCounters sms = rig.counters(first, "SMS");
        assertThat(sms.delivered()).isEqualTo(sms.planned());
        System.out.printf("FAULT disk-nearly-full: tmpfs 96 MiB, reserve %d MiB; new alerts 503 + Retry-After"
                + " while full (%d accepted before the probe saw it), cancel still taken, accepted alerts served;"
                + " alerts taken again %d ms after space was freed; %d accepted alerts all replayed after restart%n",
                MIN_FREE >> 20, accepted.size() - 2, recoveredMs, accepted.size());
    }

    @Test
    void aSlowClientFloodIsTimedOutWhileAGoodClientGetsItsAcceptedPromptly() throws Exception {
        rig = FaultRig.start(data, Set.of(), c -> c.withServer(c.server().withTimeouts(Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(10))));
        long baselineMs = 0;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            assertThat(rig.submit()).isNotBlank();
            baselineMs = Math.max(baselineMs, (System.nanoTime() - t0) / 1_000_000);
        }
        int slow = 300;
        int silent = 100;
        List<Socket> sockets = new ArrayList<>();
        ScheduledExecutorService trickler = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < slow + silent; i++) {
                Socket s = new Socket();
                s.connect(new InetSocketAddress("127.0.0.1", rig.host.port()), 2_000);
                s.setSoTimeout(1);
                sockets.add(s);
                if (i < slow) {
                    s.getOutputStream().write(("POST /api/v1/alerts HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n"
                            + "X-Slow: ").getBytes(StandardCharsets.US_ASCII));
                }
            }
            long floodStart = System.nanoTime();
            trickler.scheduleAtFixedRate(() -> {
                for (int i = 0; i < slow; i++) {
                    try {
                        sockets.get(i).getOutputStream().write('a');
                    } catch (IOException closedByServer) {
                        // the guard hung up on it: the point of the test
                    }
                }
            }, 100, 100, TimeUnit.MILLISECONDS);

            long worstMs = 0;
            for (int i = 0; i < 5; i++) {
                long t0 = System.nanoTime();
                assertThat(rig.submit()).isNotBlank();
                worstMs = Math.max(worstMs, (System.nanoTime() - t0) / 1_000_000);
            }
            // FaultRig.submit() already failed any 202 slower than 5 s; the figures are printed for RESULTS.md

            await().atMost(Duration.ofSeconds(10)).until(() -> sockets.stream().allMatch(IngressFaultCampaignTest::hungUp));
            long cutMs = (System.nanoTime() - floodStart) / 1_000_000;
            trickler.shutdownNow();
            long t0 = System.nanoTime();
            assertThat(rig.submit()).isNotBlank();
            System.out.printf("FAULT slow-client-flood: %d trickling + %d silent connections all cut within %d ms"
                    + " (request timeout 1 s, idle 2 s); good client's worst 202 before %d ms, during the flood %d ms, after %d ms%n",
                    slow, silent, cutMs, baselineMs, worstMs, (System.nanoTime() - t0) / 1_000_000);
        } finally {
            trickler.shutdownNow();
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    /** The server has answered (408) and/or closed this connection. */
    private static boolean hungUp(Socket s) {
        try {
            InputStream in = s.getInputStream();
            byte[] buf = new byte[512];
            while (true) {
                int n = in.read(buf);
                if (n < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
