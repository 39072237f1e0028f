package io.tocsin.console;

import io.tocsin.ledger.LedgerView;
import java.time.Clock;
import java.time.Duration;

/**
 * The console room assembled: the event hub, the Atom feed, session tokens, the coverage overlay and the routes
 * that serve them. The engine ({@code EngineHost}) builds one, {@link #start starts} it, mounts {@link #routes()}
 * as its HTTP server's {@link io.tocsin.ingress.RawRoutes} (the one way to mount the console) and
 * {@link #close closes} it on shutdown. Thread-safe.
 */
public final class Console implements AutoCloseable {

    private final EventHub events;
    private final ConsoleRoutes routes;
    private final CoverageOverlay coverage;

    public Console(LedgerView ledger, Metrics metrics, OperatorAuthenticator operators, Geography geography,
                   Clock clock, String publicBaseUrl) {
        this(ledger, metrics, operators, geography, clock, publicBaseUrl, Duration.ofMillis(100));
    }

    public Console(LedgerView ledger, Metrics metrics, OperatorAuthenticator operators, Geography geography,
                   Clock clock, String publicBaseUrl, Duration pollEvery) {
        this(ledger, metrics, operators, geography, clock, publicBaseUrl, pollEvery, null);
    }

    /** @param coverage estimates an alert's reach for the map's blind-spot overlay; null: no overlay */
    public Console(LedgerView ledger, Metrics metrics, OperatorAuthenticator operators, Geography geography,
                   Clock clock, String publicBaseUrl, Duration pollEvery, CoverageOverlay.Estimator coverage) {
        this.events = new EventHub(ledger, metrics, pollEvery, Duration.ofSeconds(15));
        this.coverage = new CoverageOverlay(ledger, coverage);
        AtomFeed feed = new AtomFeed(ledger, clock, "Tocsin active public alerts");
        this.routes = new ConsoleRoutes(ledger, events, feed, metrics, geography, new SessionTokens(clock),
                operators, publicBaseUrl, this.coverage);
    }

    public void start() {
        events.start();
    }

    public ConsoleRoutes routes() {
        return routes;
    }

    public EventHub events() {
        return events;
    }

    @Override
    public void close() {
        events.close();
        coverage.close();
    }
}
