package io.tocsin.connector.webhook;

import io.tocsin.cap.Alert;
import io.tocsin.cap.AlertInfo;
import io.tocsin.cap.Area;
import io.tocsin.cap.NamedValue;
import io.tocsin.connector.ChannelKind;
import io.tocsin.connector.Connector;
import io.tocsin.connector.ConnectorContext;
import io.tocsin.connector.ConnectorHealth;
import io.tocsin.connector.DeliveryReceipt;
import io.tocsin.connector.Dispatch;
import io.tocsin.connector.DispatchAction;
import io.tocsin.connector.DispatchState;
import io.tocsin.connector.SendResult;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers each dispatch to every subscribed endpoint (region prefix and category filters) as a signed POST,
 * retrying transient failures (connection errors, timeouts, 408, 429, 5xx) with exponential back-off and
 * dead-lettering what still fails after {@code maxAttempts} or fails permanently (other 4xx).
 *
 * <p>One receipt per dispatch: DELIVERED when every subscribed endpoint took it ({@code units} = endpoints),
 * FAILED with {@code failedUnits} naming the endpoints that did not. {@link #offer} never blocks.
 */
final class WebhookConnector implements Connector {
    private final String name;
    private final WebhookSettings settings;
    private final ConnectorContext context;
    private final Clock clock;
    private final HttpClient http;
    private final ScheduledExecutorService timer;
    private final DeadLetters deadLetters;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong posted = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final ConcurrentLinkedQueue<DeliveryReceipt> unsentReceipts = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;
    private volatile String lastError = "";

    WebhookConnector(ConnectorContext context, WebhookSettings settings) {
        this.name = context.name();
        this.context = context;
        this.settings = settings;
        this.clock = context.clock();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "webhook-" + name);
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).executor(timer).build();
        this.deadLetters = new DeadLetters(settings.deadLetterDir(), name);
    }

    @Override
    public String name() { return name; }

    @Override
    public ChannelKind kind() { return ChannelKind.WEBHOOK; }

    @Override
    public void start() {
        timer.scheduleWithFixedDelay(this::flushReceipts, 50, 50, TimeUnit.MILLISECONDS);
    }

    @Override
    public SendResult offer(Dispatch dispatch) {
        if (closed) {
            return SendResult.CLOSED;
        }
        if (dispatch.expiredAt(clock.instant())) {
            return SendResult.REJECTED;
        }
        if (inFlight.get() >= settings.maxInFlight()) {
            return SendResult.BACK_PRESSURED;
        }
        List<WebhookEndpoint> targets = subscribers(dispatch.alert());
        inFlight.incrementAndGet();
        if (targets.isEmpty()) {
            finish(dispatch, 0, List.of());
            return SendResult.ACCEPTED;
        }
        Delivery delivery = new Delivery(dispatch, targets.size());
        for (WebhookEndpoint endpoint : targets) {
            byte[] body = CapBodies.render(dispatch.alert(), endpoint.format());
            attempt(delivery, endpoint, body, 1);
        }
        emit(DeliveryReceipt.of(dispatch.id(), DispatchState.SUBMITTED, null, null, clock.instant()));
        return SendResult.ACCEPTED;
    }

    List<WebhookEndpoint> subscribers(Alert alert) {
        List<WebhookEndpoint> out = new ArrayList<>();
        for (WebhookEndpoint e : settings.endpoints()) {
            if (matchesCategories(e, alert) && matchesRegions(e, alert)) {
                out.add(e);
            }
        }
        return out;
    }

    private static boolean matchesCategories(WebhookEndpoint e, Alert alert) {
        if (e.categories().isEmpty() || alert.infos().isEmpty()) {
            return true;
        }
        for (AlertInfo info : alert.infos()) {
            for (String c : info.categories()) {
                if (e.categories().contains(c)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matchesRegions(WebhookEndpoint e, Alert alert) {
        if (e.regions().isEmpty() || alert.infos().isEmpty()) {
            return true;
        }
        for (AlertInfo info : alert.infos()) {
            for (Area area : info.areas()) {
                for (NamedValue g : area.geocodes()) {
                    for (String prefix : e.regions()) {
                        if (g.value() != null && g.value().startsWith(prefix)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private void attempt(Delivery delivery, WebhookEndpoint endpoint, byte[] body, int attemptNo) {
        if (closed) {
            return;
        }
        Dispatch d = delivery.dispatch;
        if (d.action() != DispatchAction.CANCEL && d.expiredAt(clock.instant())) {
            deliveryDone(delivery, endpoint, false, "expired before delivery", body, attemptNo - 1);
            return;
        }
        long now = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(endpoint.url())
                .timeout(settings.timeout())
                .header("Content-Type", endpoint.format() == WebhookEndpoint.Format.XML
                        ? "application/cap+xml; charset=utf-8" : "application/json")
                .header(Signer.HEADER, Signer.header(endpoint.secret(), now, body))
                .header("X-Tocsin-Dispatch", Long.toString(d.id()))
                .header("X-Tocsin-Alert", d.alertId())
                .header("X-Tocsin-Action", d.action().name())
                .header("X-Tocsin-Attempt", Integer.toString(attemptNo))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        posted.incrementAndGet();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            String problem;
            boolean retry;
            if (error != null) {
                problem = error.getClass().getSimpleName() + ": " + error.getMessage();
                retry = true;
            } else if (response.statusCode() / 100 == 2) {
                deliveryDone(delivery, endpoint, true, null, body, attemptNo);
                return;
            } else {
                int code = response.statusCode();
                problem = "HTTP " + code;
                retry = code == 408 || code == 429 || code >= 500;
            }
            failedAttempts.incrementAndGet();
            lastError = endpoint.name() + ": " + problem;
            if (retry && attemptNo < settings.maxAttempts() && !closed) {
                timer.schedule(() -> attempt(delivery, endpoint, body, attemptNo + 1),
                        settings.backoff(attemptNo).toMillis(), TimeUnit.MILLISECONDS);
            } else {
                deliveryDone(delivery, endpoint, false, problem, body, attemptNo);
            }
        });
    }

    private void deliveryDone(Delivery delivery, WebhookEndpoint endpoint, boolean ok, String problem, byte[] body,
            int attempts) {
        if (!ok) {
            deadLetters.record(delivery.dispatch.id(), delivery.dispatch.alertId(), endpoint, attempts, problem, body,
                    clock.instant());
        }
        List<String> failed = delivery.complete(endpoint.name(), ok, problem);
        if (failed != null) {
            finish(delivery.dispatch, delivery.endpoints, failed);
        }
    }

    private void finish(Dispatch dispatch, int endpoints, List<String> failed) {
        inFlight.decrementAndGet();
        DispatchState state = failed.isEmpty() ? DispatchState.DELIVERED : DispatchState.FAILED;
        String reason = failed.isEmpty() ? null : "dead-lettered: " + String.join(", ", failed);
        emit(new DeliveryReceipt(dispatch.id(), state, reason, null, clock.instant(), endpoints, failed));
    }

    private void emit(DeliveryReceipt receipt) {
        if (!unsentReceipts.isEmpty() || !context.receipts().offer(receipt)) {
            unsentReceipts.add(receipt);
        }
    }

    private void flushReceipts() {
        DeliveryReceipt r;
        while ((r = unsentReceipts.peek()) != null && context.receipts().offer(r)) {
            unsentReceipts.poll();
        }
    }

    @Override
    public int inFlight() { return inFlight.get(); }

    long deadLettered() { return deadLetters.count(); }

    long posts() { return posted.get(); }

    @Override
    public ConnectorHealth health() {
        String detail = settings.endpoints().size() + " endpoint(s), " + inFlight.get() + " in flight, "
                + deadLetters.count() + " dead-lettered" + (lastError.isEmpty() ? "" : ", last error " + lastError);
        return deadLetters.count() > 0 || failedAttempts.get() > 0
                ? ConnectorHealth.degraded(detail) : ConnectorHealth.up(detail);
    }

    @Override
    public void close() {
        closed = true;
        flushReceipts();
        timer.shutdownNow();
    }

    /** The per-dispatch tally across endpoints; the last endpoint to finish gets the failed list. */
    private static final class Delivery {
        final Dispatch dispatch;
        final int endpoints;
        private int done;
        private final List<String> failed = new ArrayList<>();

        Delivery(Dispatch dispatch, int endpoints) {
            this.dispatch = dispatch;
            this.endpoints = endpoints;
        }

        synchronized List<String> complete(String endpoint, boolean ok, String problem) {
            if (!ok) {
                failed.add(endpoint + " (" + problem + ")");
            }
            done++;
            return done == endpoints ? List.copyOf(failed) : null;
        }
    }
}
