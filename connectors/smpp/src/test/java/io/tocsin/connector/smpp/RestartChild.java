package io.tocsin.connector.smpp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tocsin.connector.Connector;
import io.tocsin.connector.ConnectorContext;
import io.tocsin.ledger.ChannelCounters;
import io.tocsin.pipeline.ConnectorBinding;
import io.tocsin.pipeline.DispatchLimits;
import io.tocsin.pipeline.Engine;
import io.tocsin.pipeline.EngineConfig;
import io.tocsin.pipeline.IntakeOutcome;
import io.tocsin.pipeline.testing.FakeResolver;
import io.tocsin.pipeline.testing.TestAlerts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The engine process {@link RestartReceiptsTest} kills with {@code kill -9}: a real engine on a Chronicle journal
 * in {@code DATA_DIR} with the SMPP connector toward three simulated SMSCs (running in the test's JVM). It sends
 * one alert to {@code N} recipients, writes {@code OUT_DIR/accepted} once the ledger counts every dispatch
 * ACCEPTED by its SMSC, and then waits to be killed.
 *
 * <p>Usage: {@code RestartChild DATA_DIR OUT_DIR N PORT_CMCC PORT_CUCC PORT_CTCC}.
 */
public final class RestartChild {
    static final long BASE = 8613800000000L;

    private RestartChild() {
    }

    static Engine engine(Path data, int n) {
        FakeResolver resolver = new FakeResolver(BASE, n, List.of(SimulatedCarriers.NAMES),
                List.of("zh-CN", "en-US"), Map.of(), List.of(), List.of(), 1000);
        EngineConfig config = EngineConfig.defaults(data)
                .withDefaults(new DispatchLimits(0, 1000, 4096, 200_000))
                .withBindings(Map.of("sms", ConnectorBinding.of(null)));
        return new Engine(config, resolver, Clock.systemUTC());
    }

    static Connector connector(Engine engine, int[] ports) {
        ObjectNode settings = SimulatedCarriers.settings(ports, 2, 16, 0, 0);
        settings.put("receipt_timeout_seconds", 300);
        return new SmppConnectorFactory().create(ConnectorContext.of("sms", settings, engine.receipts(),
                Clock.systemUTC()));
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int n = Integer.parseInt(args[2]);
        int[] ports = {Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5])};
        Engine engine = engine(data, n);
        Connector sms = connector(engine, ports);
        engine.start(List.of(sms));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!sms.health().status().name().equals("UP") && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        IntakeOutcome o = engine.intake().submit(TestAlerts.submission(TestAlerts.alert("RESTART1", "Extreme",
                "Immediate", "2099-01-01T00:00:00+08:00"))).get(30, TimeUnit.SECONDS);
        while (System.nanoTime() < deadline) {
            ChannelCounters c = engine.ledger().alert(o.alertId()).map(v -> v.channels().get("SMS")).orElse(null);
            if (c != null && c.planned() == n && c.accepted() + c.delivered() == n) {
                Files.writeString(out.resolve("accepted"), c.toString());
                break;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
        Thread.currentThread().join(); // until killed
    }
}
