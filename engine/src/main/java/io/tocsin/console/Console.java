package io.tocsin.console;

import io.tocsin.ledger.LedgerView;
import java.time.Clock;
import java.time.Duration;

/**
 * The console room assembled: the event hub, the Atom feed, session tokens and the routes that serve them.
 * The engine builds one, {@link #start starts} it with the HTTP server, mounts {@link #routes()} and
 * {@link #close closes} it on shutdown. Thread-safe.
 */
public final class Console implements AutoCloseable {

    private final EventHub events;
    private final ConsoleRoutes routes;

    public Console(LedgerView ledger, Metrics metrics, OperatorAuthenticator operators, Geography geography,
                   Clock clock, String publicBaseUrl) {
        this(ledger, metrics, operators, geography, clock, publicBaseUrl, Duration.ofMillis(100));
    }

    public Console(LedgerView ledger, Metrics metrics, OperatorAuthenticator operators, Geography geography,
                   Clock clock, String publicBaseUrl, Duration pollEvery) {
        this.events = new EventHub(ledger, metrics, pollEvery, Duration.ofSeconds(15));
        AtomFeed feed = new AtomFeed(ledger, clock, "Tocsin active public alerts");
        this.routes = new ConsoleRoutes(ledger, events, feed, metrics, geography, new SessionTokens(clock),
                operators, publicBaseUrl);
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
    }
}
