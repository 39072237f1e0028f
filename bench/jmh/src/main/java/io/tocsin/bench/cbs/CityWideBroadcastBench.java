package io.tocsin.bench.cbs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tocsin.cap.Alert;
import io.tocsin.cap.AlertInfo;
import io.tocsin.cap.CapVersion;
import io.tocsin.cap.NamedValue;
import io.tocsin.cbs.CbsEncoder;
import io.tocsin.cbs.GeoScope;
import io.tocsin.cbs.SerialNumber;
import io.tocsin.cbs.connector.CbsBroadcast;
import io.tocsin.cbs.connector.CellBroadcastConnector;
import io.tocsin.cbs.connector.CellBroadcastConnectorFactory;
import io.tocsin.cbs.ecbe.EcbeBodies;
import io.tocsin.connector.ChannelKind;
import io.tocsin.connector.Dispatch;
import io.tocsin.connector.DispatchAction;
import io.tocsin.connector.SendResult;
import io.tocsin.connector.Target;
import io.tocsin.sim.cbc.CbcSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A city-wide alert over cell broadcast: 3 carriers × 10,000 cells, Chinese + English (two CBS messages per
 * carrier, each body listing 10,000 cells), through three connectors to three simulated CBCs.
 *
 * <ul>
 *   <li>{@code sendCityWide}: offer to all three connectors → all three DELIVERED receipts (every CBC
 *       acknowledged, per-cell results read back);</li>
 *   <li>{@code baselineRawPost}: the same six bodies, pre-built, POSTed straight with HttpClient (no
 *       planning, encoding, retries or receipts) — the floor set by HTTP + the simulator;</li>
 *   <li>{@code cancelCityWide}: offer the Cancel → all three DELIVERED (every message deleted everywhere).</li>
 * </ul>
 *
 * <pre>java -jar bench/jmh/target/benchmarks.jar CityWideBroadcastBench -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CityWideBroadcastBench {

    static final List<String> CARRIERS = List.of("cmcc", "cucc", "ctcc");
    static final int CELLS_PER_CARRIER = 10_000;

    private final List<CbcSimulator> sims = new ArrayList<>();
    private final List<CellBroadcastConnector> connectors = new ArrayList<>();
    private final List<List<String>> cells = new ArrayList<>();
    private final List<List<byte[]>> rawBodies = new ArrayList<>();
    private HttpClient http;
    private long dispatchId;
    private int round;
    private String lastAlertId;

    @Setup(Level.Trial)
    public void start() {
        ObjectMapper json = new ObjectMapper();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (String carrier : CARRIERS) {
            List<String> ids = new ArrayList<>(CELLS_PER_CARRIER);
            for (int i = 0; i < CELLS_PER_CARRIER; i++) {
                ids.add("460-" + carrier + "-" + (9400 + i / 100) + "-" + (i % 100));
            }
            cells.add(ids);
            CbcSimulator sim = new CbcSimulator(carrier, ids).start(2);
            sims.add(sim);
            ObjectNode s = json.createObjectNode().put("carrier", carrier).put("request_timeout_ms", 20_000)
                    .put("connect_timeout_ms", 5000);
            s.putArray("endpoints").add(sim.url(0)).add(sim.url(1));
            s.putObject("health").put("interval_ms", 60_000);
            CellBroadcastConnector c = (CellBroadcastConnector) new CellBroadcastConnectorFactory()
                    .create(new BenchContext(carrier + "-cbs", s));
            c.start();
            connectors.add(c);
            CbsEncoder enc = CbsEncoder.standard();
            SerialNumber serial = new SerialNumber(GeoScope.CELL_WIDE, 1, 0);
            rawBodies.add(List.of(
                    EcbeBodies.create("tocsin", new CbsBroadcast(4371, serial, "zh", enc.encode(CbsEncodeBench.ZH, "zh").pages(),
                            "high_priority", 60, 720, ids)),
                    EcbeBodies.create("tocsin", new CbsBroadcast(4384, serial, "en", enc.encode(CbsEncodeBench.EN, "en").pages(),
                            "high_priority", 60, 720, ids))));
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        connectors.forEach(CellBroadcastConnector::close);
        sims.forEach(CbcSimulator::close);
    }

    static Alert alert(String id, String msgType, String references) {
        String expires = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusHours(12).withNano(0).toString();
        return new Alert(CapVersion.V1_2, id, "Guangzhou_Meteorological_Observatory", "2026-11-29T09:30:00+08:00",
                "Actual", msgType, null, "Public", null, null, List.of(), null, references, null,
                List.of(info("zh-CN", CbsEncodeBench.ZH, expires), info("en-US", CbsEncodeBench.EN, expires)));
    }

    private static AlertInfo info(String language, String text, String expires) {
        return new AlertInfo(language, List.of("Met"), "Typhoon", List.of("Shelter"), "Immediate", "Extreme", "Observed",
                null, List.of(), null, null, expires, null, text, null, null, null, null,
                List.of(new NamedValue("color", "red")), List.of(), List.of());
    }

    private void clearCbcs() {
        sims.forEach(s -> s.store().clear());
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        if (!latch.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("CBCs did not all answer within 60 s");
        }
        if (BenchContext.LAST_PROBLEM.get() != null) {
            throw new IllegalStateException("a connector reported " + BenchContext.LAST_PROBLEM.get());
        }
    }

    private void offerAll(DispatchAction action, Alert alert, String alertId, int sequence, String replaces) {
        for (int i = 0; i < CARRIERS.size(); i++) {
            Target t = new Target(ChannelKind.CELL_BROADCAST, null, CARRIERS.get(i), null, cells.get(i), List.of());
            SendResult r = connectors.get(i).offer(new Dispatch(++dispatchId, alertId, action, alert, t, null, sequence, replaces));
            if (r != SendResult.ACCEPTED) {
                throw new IllegalStateException(CARRIERS.get(i) + " answered " + r + ": " + connectors.get(i).lastRejection());
            }
        }
    }

    @Setup(Level.Invocation)
    public void prepare() throws InterruptedException {
        clearCbcs();
        round++;
        lastAlertId = "city-" + round;
        BenchContext.LAST_PROBLEM.set(null);
    }

    @Benchmark
    public void sendCityWide() throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(CARRIERS.size());
        BenchContext.FINALS.set(latch);
        offerAll(DispatchAction.SEND, alert(lastAlertId, "Alert", null), lastAlertId, 0, null);
        await(latch);
    }

    @Benchmark
    public void baselineRawPost() {
        List<CompletableFuture<HttpResponse<Void>>> calls = new ArrayList<>();
        for (int i = 0; i < sims.size(); i++) {
            for (byte[] body : rawBodies.get(i)) {
                calls.add(http.sendAsync(HttpRequest.newBuilder(URI.create(sims.get(i).url(0) + "/api/ecbe/v1/message"))
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding()));
            }
        }
        for (CompletableFuture<HttpResponse<Void>> c : calls) {
            int status = c.join().statusCode();
            if (status != 201) {
                throw new IllegalStateException("raw POST answered " + status);
            }
        }
    }

    /** State for the cancel benchmark: each invocation first installs the city-wide alert (not timed). */
    @State(Scope.Benchmark)
    public static class Installed {
        @Setup(Level.Invocation)
        public void install(CityWideBroadcastBench b) throws InterruptedException {
            CountDownLatch latch = new CountDownLatch(CARRIERS.size());
            BenchContext.FINALS.set(latch);
            b.offerAll(DispatchAction.SEND, alert(b.lastAlertId, "Alert", null), b.lastAlertId, 0, null);
            await(latch);
        }
    }

    @Benchmark
    public void cancelCityWide(Installed installed) throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(CARRIERS.size());
        BenchContext.FINALS.set(latch);
        String cancelId = lastAlertId + "-cancel";
        offerAll(DispatchAction.CANCEL, alert(cancelId, "Cancel", "x," + lastAlertId + ",y"), cancelId, 1, lastAlertId);
        await(latch);
        for (CbcSimulator s : sims) {
            if (!s.store().messages().isEmpty()) {
                throw new IllegalStateException(s.name() + " still holds " + s.store().messages().size() + " messages");
            }
        }
    }
}
