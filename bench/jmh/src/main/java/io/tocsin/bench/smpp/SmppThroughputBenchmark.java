package io.tocsin.bench.smpp;

import io.tocsin.cap.Alert;
import io.tocsin.cap.AlertInfo;
import io.tocsin.cap.CapVersion;
import io.tocsin.connector.DeliveryReceipt;
import io.tocsin.connector.Dispatch;
import io.tocsin.connector.DispatchAction;
import io.tocsin.connector.DispatchState;
import io.tocsin.connector.SendResult;
import io.tocsin.connector.Target;
import io.tocsin.connector.smpp.NoDelayConnectionFactory;
import io.tocsin.connector.smpp.SmppConnector;
import io.tocsin.connector.smpp.SmppSettingsReader;
import io.tocsin.sim.smpp.SmscConfig;
import io.tocsin.sim.smpp.SmscSimulator;
import io.tocsin.cap.Area;
import io.tocsin.cap.NamedValue;
import io.tocsin.pipeline.ConnectorBinding;
import io.tocsin.pipeline.DispatchLimits;
import io.tocsin.pipeline.Engine;
import io.tocsin.pipeline.EngineConfig;
import io.tocsin.pipeline.IntakeOutcome;
import io.tocsin.pipeline.Submission;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SMS throughput against the same in-process SMSC simulator (no limits, no latency, receipts on), in one run:
 * {@code rawJsmpp} — the library's ceiling: {@code window} threads each blocking on {@code submit_sm} over one
 * TCP_NODELAY transceiver bind, counting the receipts — against {@code connector} — {@link SmppConnector} with
 * one bind of the same window, fed by a non-blocking offer loop, each dispatch rendered, segmented, submitted,
 * receipt-correlated and reported to a receipt sink — and {@code engine}: the whole pipeline, one CAP alert of
 * {@value #BATCH} recipients submitted to a real {@link Engine} (intake ring → Chronicle journal on disk → planner →
 * dispatcher → a second connector instance on the same simulator → receipts ring → ledger), finished when the
 * ledger counts every dispatch final. Each invocation is a batch of {@value #BATCH} messages, finished when every
 * receipt is back. Ops/s = messages/s. Targets: connector and engine ≥ 80% of raw.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class SmppThroughputBenchmark {

    static {
        // Before any logger exists in the fork: jSMPP's per-PDU DEBUG logging must not be what is measured.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-smpp-bench.xml");
        }
    }

    static final int BATCH = 5_000;
    private static final String TEXT = "Typhoon red warning: stay indoors, away from windows. 12379";

    @Param({"32"})
    public int window;

    private SmscSimulator smsc;
    private SMPPSession raw;
    private SmppConnector connector;
    private final LongAdder rawReceipts = new LongAdder();
    private final LongAdder connectorDone = new LongAdder();
    private Alert alert;
    private long nextId;
    private java.util.concurrent.ExecutorService rawThreads;
    private Path engineDir;
    private Engine engine;
    private SmppConnector engineConnector;
    private AlertInfo info;
    private long nextAlert;

    @Setup(Level.Trial)
    public void start() throws Exception {
        smsc = new SmscSimulator(SmscConfig.defaults("bench")).start();
        raw = new SMPPSession(new NoDelayConnectionFactory(5000));
        raw.setPduProcessorDegree(2);
        raw.setQueueCapacity(65_536);
        raw.setMessageReceiverListener(new RawReceipts(rawReceipts));
        raw.connectAndBind("127.0.0.1", smsc.port(), new BindParameter(org.jsmpp.bean.BindType.BIND_TRX, "raw", "",
                "", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 5000);
        rawThreads = java.util.concurrent.Executors.newFixedThreadPool(window);
        String json = "{\"carriers\":[{\"name\":\"bench\",\"binds\":[{\"host\":\"127.0.0.1\",\"port\":" + smsc.port()
                + ",\"system_id\":\"tocsin\",\"window\":" + window + "}]}],\"queue_capacity\":8192}";
        connector = new SmppConnector("sms", SmppSettingsReader.read(
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(json), "sms"), this::onReceipt,
                Clock.systemUTC());
        connector.start();
        while (!connector.health().status().name().equals("UP")) {
            LockSupport.parkNanos(10_000_000L);
        }
        AlertInfo info = new AlertInfo("en-US", List.of("Met"), "Typhoon", List.of(), "Immediate", "Extreme",
                "Observed", null, List.of(), null, null, null, null, TEXT, null, null, null, null, List.of(),
                List.of(), List.of());
        alert = new Alert(CapVersion.V1_2, "bench", "bench", "2026-11-29T09:00:00+08:00", "Actual", "Alert", null,
                "Public", null, null, List.of(), null, null, null, List.of(info));
        startEngine(json);
    }

    private void startEngine(String json) throws Exception {
        engineDir = Files.createTempDirectory("tocsin-sms-bench");
        EngineConfig config = EngineConfig.defaults(engineDir)
                .withDefaults(new DispatchLimits(0, 1000, 4096, 200_000))
                .withBindings(Map.of("sms", ConnectorBinding.of(null)));
        engine = new Engine(config, new SyntheticRecipients(861370_000_000L, BATCH, "bench"), Clock.systemUTC());
        engineConnector = new SmppConnector("sms", SmppSettingsReader.read(
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(json), "sms"), engine.receipts(),
                Clock.systemUTC());
        engine.start(List.of(engineConnector));
        while (!engineConnector.health().status().name().equals("UP")) {
            LockSupport.parkNanos(10_000_000L);
        }
        Area area = new Area("Tianhe", List.of(), List.of(),
                List.of(new NamedValue("CPEAS Geographic Code", "440106000000")), null, null);
        info = new AlertInfo("en-US", List.of("Met"), "Typhoon", List.of(), "Immediate", "Extreme", "Observed", null,
                List.of(), null, null, "2099-01-01T00:00:00+08:00", null, TEXT, null, null, null, null, List.of(),
                List.of(), List.of(area));
    }

    private boolean onReceipt(DeliveryReceipt r) {
        if (r.state() == DispatchState.DELIVERED || r.state() == DispatchState.FAILED
                || r.state() == DispatchState.UNKNOWN) {
            connectorDone.increment();
        }
        return true;
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        engine.close();
        try (var files = Files.walk(engineDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        connector.close();
        raw.unbindAndClose();
        rawThreads.shutdownNow();
        smsc.close();
    }

    /** The ceiling: window threads blocking on submit_sm, one bind, receipts requested and awaited. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long rawJsmpp() throws Exception {
        long target = rawReceipts.sum() + BATCH;
        AtomicInteger left = new AtomicInteger(BATCH);
        CountDownLatch done = new CountDownLatch(window);
        byte[] body = TEXT.getBytes(StandardCharsets.ISO_8859_1);
        RegisteredDelivery receipts = new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE);
        for (int t = 0; t < window; t++) {
            rawThreads.execute(() -> {
                try {
                    int i;
                    while ((i = left.decrementAndGet()) >= 0) {
                        raw.submitShortMessage("", TypeOfNumber.NETWORK_SPECIFIC, NumberingPlanIndicator.UNKNOWN,
                                "12379", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
                                "861380" + (1_000_000 + i), new ESMClass(), (byte) 0, (byte) 0, null, null, receipts,
                                (byte) 0, DataCodings.ZERO, (byte) 0, body);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        while (rawReceipts.sum() < target) {
            LockSupport.parkNanos(50_000L);
        }
        return rawReceipts.sum();
    }

    /** The connector: offer loop honouring back-pressure, batch done when every dispatch has its final receipt. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long connector() {
        long target = connectorDone.sum() + BATCH;
        for (int i = 0; i < BATCH; i++) {
            long id = nextId++;
            Dispatch d = new Dispatch(id, "bench", DispatchAction.SEND, alert,
                    Target.subscriber("861390" + (1_000_000 + i), "bench", "en"), null, 0, null);
            while (connector.offer(d) != SendResult.ACCEPTED) {
                LockSupport.parkNanos(50_000L);
            }
        }
        while (connectorDone.sum() < target) {
            LockSupport.parkNanos(50_000L);
        }
        return connectorDone.sum();
    }

    /** The whole pipeline: one alert of BATCH recipients in, done when the ledger has every dispatch final. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long engine() throws Exception {
        Alert a = new Alert(CapVersion.V1_2, "bench-" + nextAlert++, "bench@example.cn", "2026-11-29T09:00:00+08:00",
                "Actual", "Alert", null, "Public", null, null, List.of(), null, null, null, List.of(info));
        IntakeOutcome outcome = engine.intake().submit(new Submission(a,
                a.identifier().getBytes(StandardCharsets.UTF_8), "application/cap+xml", "bench", false, null))
                .get(10, TimeUnit.SECONDS);
        if (outcome.kind() != IntakeOutcome.Kind.ACCEPTED) {
            throw new IllegalStateException("not accepted: " + outcome);
        }
        long finished;
        while ((finished = finished(outcome.alertId())) < BATCH) {
            LockSupport.parkNanos(50_000L);
        }
        return finished;
    }

    private long finished(String alertId) {
        return engine.ledger().alert(alertId).map(v -> v.channels().get("SMS"))
                .map(c -> c.delivered() + c.failed() + c.unknown() + c.expired()).orElse(0L);
    }

    private static final class RawReceipts implements org.jsmpp.session.MessageReceiverListener {
        private final LongAdder count;

        RawReceipts(LongAdder count) {
            this.count = count;
        }

        @Override
        public void onAcceptDeliverSm(org.jsmpp.bean.DeliverSm deliverSm) {
            count.increment();
        }

        @Override
        public void onAcceptAlertNotification(org.jsmpp.bean.AlertNotification alertNotification) {
        }

        @Override
        public org.jsmpp.session.DataSmResult onAcceptDataSm(org.jsmpp.bean.DataSm dataSm,
                org.jsmpp.session.Session source) {
            return null;
        }
    }
}
