package io.tocsin.pipeline.testing;

import io.tocsin.connector.ChannelKind;
import io.tocsin.connector.Connector;
import io.tocsin.ledger.AlertView;
import io.tocsin.pipeline.ConnectorBinding;
import io.tocsin.pipeline.DispatchLimits;
import io.tocsin.pipeline.Engine;
import io.tocsin.pipeline.EngineConfig;
import io.tocsin.pipeline.IntakeOutcome;
import io.tocsin.pipeline.Submission;
import io.tocsin.targeting.AreaResolver;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Builds an engine with recording connectors for tests: {@code fixture.sms("sms-cmcc", "cmcc")...start()}.
 * Not thread-safe (test thread only).
 */
public final class EngineFixture implements AutoCloseable {
    private final Path dir;
    private final AreaResolver resolver;
    private final Clock clock;
    private final Map<String, ConnectorBinding> bindings = new LinkedHashMap<>();
    private final List<Object[]> specs = new ArrayList<>();
    private final Map<String, RecordingConnector> connectors = new LinkedHashMap<>();
    private EngineConfig config;
    private Engine engine;

    public EngineFixture(Path dir, AreaResolver resolver, Clock clock) {
        this.dir = dir;
        this.resolver = resolver;
        this.clock = clock;
        this.config = EngineConfig.defaults(dir);
    }

    public EngineFixture connector(String name, ChannelKind kind, String carrier, DispatchLimits limits) {
        bindings.put(name, new ConnectorBinding(carrier, limits));
        specs.add(new Object[] {name, kind});
        return this;
    }

    public EngineFixture connector(String name, ChannelKind kind, String carrier) {
        return connector(name, kind, carrier, DispatchLimits.defaults());
    }

    public EngineFixture config(java.util.function.UnaryOperator<EngineConfig> change) {
        config = change.apply(config);
        return this;
    }

    /** Creates the engine and connectors (not started yet): configure connectors with {@link #get}. */
    public EngineFixture create() {
        engine = new Engine(config.withBindings(bindings), resolver, clock);
        for (Object[] s : specs) {
            connectors.put((String) s[0], new RecordingConnector((String) s[0], (ChannelKind) s[1],
                    engine.receipts(), clock));
        }
        return this;
    }

    public Engine start() {
        if (engine == null) {
            create();
        }
        return engine.start(new ArrayList<Connector>(connectors.values()));
    }

    public Engine engine() { return engine; }

    public RecordingConnector get(String name) { return connectors.get(name); }

    public IntakeOutcome submit(Submission s) {
        try {
            return engine.intake().submit(s).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public AlertView view(String id) {
        return engine.ledger().alert(id).orElseThrow();
    }

    @Override
    public void close() {
        if (engine != null) {
            engine.close();
        }
    }
}
