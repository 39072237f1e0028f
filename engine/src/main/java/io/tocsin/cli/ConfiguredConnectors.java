package io.tocsin.cli;

import io.tocsin.config.ConfigException;
import io.tocsin.config.ConfigProblem;
import io.tocsin.config.ConnectorConfig;
import io.tocsin.config.LimitsConfig;
import io.tocsin.connector.Connector;
import io.tocsin.connector.ConnectorContext;
import io.tocsin.connector.ConnectorFactory;
import io.tocsin.connector.ReceiptSink;
import io.tocsin.pipeline.ConnectorBinding;
import io.tocsin.pipeline.DispatchLimits;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Builds the configured connectors with the factories found on the class path ({@link ServiceLoader}), and
 * the engine's per-connector bindings (carrier, limits). Every bad entry is reported at once with its path.
 * Not thread-safe; used once at start-up.
 */
public final class ConfiguredConnectors {

    private final Map<String, ConnectorFactory> factories = new TreeMap<>();

    public ConfiguredConnectors() {
        this(ServiceLoader.load(ConnectorFactory.class).stream().map(ServiceLoader.Provider::get).toList());
    }

    public ConfiguredConnectors(List<ConnectorFactory> available) {
        available.forEach(f -> factories.putIfAbsent(f.type(), f));
    }

    /** The connector types available on this class path. */
    public List<String> types() {
        return List.copyOf(factories.keySet());
    }

    /** The bindings for every enabled connector. */
    public static Map<String, ConnectorBinding> bindings(List<ConnectorConfig> configs) {
        Map<String, ConnectorBinding> out = new LinkedHashMap<>();
        for (ConnectorConfig c : configs) {
            if (c.enabled()) {
                out.put(c.name(), new ConnectorBinding(c.carrier(), limits(c.limits())));
            }
        }
        return out;
    }

    static DispatchLimits limits(LimitsConfig l) {
        DispatchLimits d = DispatchLimits.defaults();
        if (l == null) {
            return d;
        }
        return new DispatchLimits(l.ratePerSecond() != null ? l.ratePerSecond() : d.ratePerSecond(),
                l.burst() != null ? l.burst() : d.burst(), l.maxInFlight() != null ? l.maxInFlight() : d.maxInFlight(),
                l.maxQueued() != null ? l.maxQueued() : d.maxQueued());
    }

    /** Creates every enabled connector; on any problem closes what was created and throws them all. */
    public List<Connector> create(List<ConnectorConfig> configs, ReceiptSink receipts, Clock clock) {
        List<Connector> created = new ArrayList<>();
        List<ConfigProblem> problems = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            ConnectorConfig c = configs.get(i);
            if (!c.enabled()) {
                continue;
            }
            String path = "connectors[" + i + "]";
            ConnectorFactory factory = factories.get(c.type());
            if (factory == null) {
                problems.add(ConfigProblem.at(path + ".type", "no connector type '" + c.type()
                        + "' on the class path; available: " + types()));
                continue;
            }
            if (factory.kind() != c.channelKind()) {
                problems.add(ConfigProblem.at(path + ".kind", "type '" + c.type() + "' serves " + factory.kind()
                        + ", not " + c.kind()));
                continue;
            }
            try {
                created.add(factory.create(ConnectorContext.of(c.name(), c.settings(), receipts, clock)));
            } catch (RuntimeException e) {
                problems.add(ConfigProblem.at(path + ".settings", String.valueOf(e.getMessage())));
            }
        }
        if (!problems.isEmpty()) {
            created.forEach(ConfiguredConnectors::closeQuietly);
            throw new ConfigException("(connectors)", problems);
        }
        return created;
    }

    private static void closeQuietly(Connector c) {
        try {
            c.close();
        } catch (RuntimeException e) {
            // already failing start-up; the configuration problems are what the operator needs to see
        }
    }
}
