package io.tocsin.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tocsin.connector.ChannelKind;
import io.tocsin.connector.Connector;
import io.tocsin.ledger.AlertState;
import io.tocsin.ledger.AlertView;
import io.tocsin.ledger.LedgerSnapshot;
import io.tocsin.pipeline.testing.FakeResolver;
import io.tocsin.pipeline.testing.RecordingConnector;
import io.tocsin.pipeline.testing.TestAlerts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The engine process {@link CrashRecoveryTest} kills with {@code kill -9}: an engine on a real journal with
 * recording connectors that log every dispatch they take ({@code sends-RUN.log}), a load generator that
 * logs every ACCEPTED alert ({@code acks-RUN.log}), and a ledger snapshot written every 50 ms.
 *
 * <p>Usage: {@code CrashChild DATA_DIR OUT_DIR RUN crash|finish}. In {@code finish} mode it submits nothing,
 * waits until all work is done, writes {@code finished-RUN} and exits.
 */
public final class CrashChild {
    static final int WINDOW = 16;
    static final int RECIPIENTS = 300;
    static final int ALERTS_PER_RUN = 5;
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private CrashChild() {
    }

    static FakeResolver resolver() {
        return new FakeResolver(13900000000L, RECIPIENTS, List.of("cmcc", "cucc"), List.of("zh-CN", "en"),
                Map.of("cmcc", List.of("c1", "c2")), List.of(), List.of(), 100);
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int run = Integer.parseInt(args[2]);
        boolean finish = "finish".equals(args[3]);
        DispatchLimits limits = new DispatchLimits(50_000, 200, WINDOW, 500);
        EngineConfig config = EngineConfig.defaults(data).withBindings(Map.of(
                "sms-cmcc", new ConnectorBinding("cmcc", limits),
                "sms-cucc", new ConnectorBinding("cucc", limits),
                "cbc-cmcc", new ConnectorBinding("cmcc", limits)));
        Engine engine = new Engine(config, resolver(), Clock.systemUTC());
        LineLog sends = new LineLog(out.resolve("sends-" + run + ".log"));
        LineLog acks = new LineLog(out.resolve("acks-" + run + ".log"));
        List<Connector> connectors = List.of(
                connector("sms-cmcc", ChannelKind.SMS, engine, sends),
                connector("sms-cucc", ChannelKind.SMS, engine, sends),
                connector("cbc-cmcc", ChannelKind.CELL_BROADCAST, engine, sends));
        engine.start(connectors);
        Files.writeString(out.resolve("ready-" + run), engine.recovery().toString());
        Thread snapshots = new Thread(() -> {
            while (true) {
                writeSnapshot(engine.ledger().snapshot(), out.resolve("snapshot-" + run + ".json"));
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        }, "snapshots");
        snapshots.setDaemon(true);
        snapshots.start();
        if (finish) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!quiet(engine) && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            engine.close();
            writeSnapshot(engine.ledger().snapshot(), out.resolve("snapshot-" + run + ".json"));
            Files.writeString(out.resolve("finished-" + run), String.valueOf(quiet(engine)));
            System.exit(0);
        }
        String first = null;
        for (int i = 0; i < ALERTS_PER_RUN; i++) {
            var a = TestAlerts.alert("R" + run + "-" + i, i % 2 == 0 ? "Extreme" : "Moderate", "Immediate",
                    "2099-01-01T00:00:00+08:00");
            IntakeOutcome o = engine.intake().submit(TestAlerts.submission(a)).get(30, TimeUnit.SECONDS);
            if (o.kind() == IntakeOutcome.Kind.ACCEPTED) {
                acks.line("A " + o.alertId() + " " + a.identifier());
                first = first == null ? o.alertId() : first;
            }
            if (i == 2 && first != null) {
                IntakeOutcome c = engine.intake().cancel(first, "duty", "crash test").get(30, TimeUnit.SECONDS);
                acks.line("C " + first + " " + c.kind());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(30)); // pacing of the load generator
        }
        Thread.currentThread().join(); // keep dispatching until killed
    }

    private static boolean quiet(Engine engine) {
        EngineMetrics m = engine.metrics();
        if (m.queued() != 0 || m.inFlight() != 0 || m.planningJobs() != 0) {
            return false;
        }
        EnumSet<AlertState> open = EnumSet.of(AlertState.ACTIVE, AlertState.DISPATCHING);
        for (AlertView v : engine.ledger().alerts()) {
            if (open.contains(v.state())) {
                return false;
            }
        }
        return true;
    }

    private static RecordingConnector connector(String name, ChannelKind kind, Engine engine, LineLog sends) {
        return new RecordingConnector(name, kind, engine.receipts(), Clock.systemUTC())
                .onOffer(d -> sends.line("S " + d.id() + " " + d.alertId() + " " + d.target().address() + " "
                        + d.action()));
    }

    // Synchronized: the snapshot thread and the final write share one temporary file name.
    static synchronized void writeSnapshot(LedgerSnapshot s, Path target) {
        try {
            Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
            Files.write(tmp, JSON.writeValueAsBytes(s));
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends lines with one write each, so a kill loses at most the line being written. Thread-safe. */
    static final class LineLog {
        private final FileChannel channel;

        LineLog(Path file) throws IOException {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        }

        synchronized void line(String s) {
            try {
                channel.write(ByteBuffer.wrap((s + "\n").getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
