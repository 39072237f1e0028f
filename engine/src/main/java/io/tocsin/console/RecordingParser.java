package io.tocsin.console;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.tocsin.ingress.AlertParser;
import io.tocsin.ingress.BodyFormat;
import io.tocsin.ingress.ParsedAlert;

/**
 * Wraps ingress's parser to keep what the console needs from each accepted body (the raw CAP for the Atom
 * feed and {@code /cap}, the areas for the map) and to count and time ingest parsing for {@code /metrics}.
 * Thread-safe.
 */
public final class RecordingParser implements AlertParser {

    private final AlertParser delegate;
    private final ConsoleLedger ledger;
    private final Timer parseTime;
    private final Counter valid;
    private final Counter invalid;

    public RecordingParser(AlertParser delegate, ConsoleLedger ledger, Metrics metrics) {
        this.delegate = delegate;
        this.ledger = ledger;
        this.parseTime = Timer.builder("tocsin.ingest.parse").description("decode + validate time per body")
                .publishPercentileHistogram().register(metrics.registry());
        this.valid = Counter.builder("tocsin.ingest.bodies").tag("result", "valid").register(metrics.registry());
        this.invalid = Counter.builder("tocsin.ingest.bodies").tag("result", "invalid").register(metrics.registry());
    }

    @Override
    public ParsedAlert parse(BodyFormat format, byte[] body) {
        long start = System.nanoTime();
        ParsedAlert parsed = delegate.parse(format, body);
        parseTime.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        if (parsed.ok()) {
            valid.increment();
            ledger.remember(parsed.alert(), body, format == BodyFormat.JSON ? "application/json" : "application/cap+xml");
        } else {
            invalid.increment();
        }
        return parsed;
    }
}
