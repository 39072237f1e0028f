package io.tocsin.pipeline;

import io.tocsin.journal.JournalConfig;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything the {@link Engine} needs besides its collaborators. Validated once, at construction.
 *
 * @param dataDirectory   where the journal lives ({@code <dataDirectory>/journal})
 * @param journal         journal settings (fsync)
 * @param intakeRingSize  slots between ingress and the pipeline (power of two); full = SATURATED
 * @param receiptRingSize slots between connectors and the pipeline (power of two); full = connector retries
 * @param defaults        limits for connectors without a binding
 * @param bindings        per connector name: carrier served and limits
 * @param planBatchSize   recipients per planned batch (the unit of journaling and queueing)
 * @param governance      approval window, identities, correctors
 */
public record EngineConfig(
        Path dataDirectory,
        JournalConfig journal,
        int intakeRingSize,
        int receiptRingSize,
        DispatchLimits defaults,
        Map<String, ConnectorBinding> bindings,
        int planBatchSize,
        Governance governance) {

    public EngineConfig {
        if (Integer.bitCount(intakeRingSize) != 1 || Integer.bitCount(receiptRingSize) != 1) {
            throw new IllegalArgumentException("ring sizes must be powers of two: " + intakeRingSize + ", "
                    + receiptRingSize);
        }
        if (planBatchSize < 1) {
            throw new IllegalArgumentException("planBatchSize must be >= 1");
        }
        bindings = Map.copyOf(bindings);
        governance = governance == null ? Governance.defaults() : governance;
    }

    public EngineConfig(Path dataDirectory, JournalConfig journal, int intakeRingSize, int receiptRingSize,
                        DispatchLimits defaults, Map<String, ConnectorBinding> bindings, int planBatchSize) {
        this(dataDirectory, journal, intakeRingSize, receiptRingSize, defaults, bindings, planBatchSize, null);
    }

    public static EngineConfig defaults(Path dataDirectory) {
        return new EngineConfig(dataDirectory, JournalConfig.defaults(), 4096, 65536, DispatchLimits.defaults(),
                Map.of(), 1000);
    }

    public EngineConfig withBindings(Map<String, ConnectorBinding> newBindings) {
        return new EngineConfig(dataDirectory, journal, intakeRingSize, receiptRingSize, defaults, newBindings,
                planBatchSize, governance);
    }

    public EngineConfig withDefaults(DispatchLimits newDefaults) {
        return new EngineConfig(dataDirectory, journal, intakeRingSize, receiptRingSize, newDefaults, bindings,
                planBatchSize, governance);
    }

    public EngineConfig withJournal(JournalConfig newJournal) {
        return new EngineConfig(dataDirectory, newJournal, intakeRingSize, receiptRingSize, defaults, bindings,
                planBatchSize, governance);
    }

    public EngineConfig withIntakeRingSize(int size) {
        return new EngineConfig(dataDirectory, journal, size, receiptRingSize, defaults, bindings, planBatchSize,
                governance);
    }

    public EngineConfig withGovernance(Governance newGovernance) {
        return new EngineConfig(dataDirectory, journal, intakeRingSize, receiptRingSize, defaults, bindings,
                planBatchSize, newGovernance);
    }

    ConnectorBinding binding(String connector) {
        ConnectorBinding b = bindings.get(connector);
        return b != null ? b : new ConnectorBinding(null, defaults);
    }
}
