package io.tocsin.cbs.connector;

import io.tocsin.cap.Alert;
import io.tocsin.cbs.CbsDataCoding;
import io.tocsin.cbs.MessageIdentifier;
import io.tocsin.cbs.SerialNumber;
import io.tocsin.cbs.ecbe.EcbeProtocol;
import io.tocsin.connector.ChannelKind;
import io.tocsin.connector.Connector;
import io.tocsin.connector.ConnectorContext;
import io.tocsin.connector.ConnectorHealth;
import io.tocsin.connector.DeliveryReceipt;
import io.tocsin.connector.Dispatch;
import io.tocsin.connector.DispatchAction;
import io.tocsin.connector.DispatchState;
import io.tocsin.connector.Rendering;
import io.tocsin.connector.SendResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Cell broadcast toward one carrier's CBC(s): each dispatch becomes one CBS message per language (primary
 * and additional), created with {@code POST}, replaced on Update with the update number incremented, and
 * deleted on Cancel — through {@link CbcProtocol} (ECBE REST by default), with fail-over between the
 * carrier's CBC front ends.
 *
 * <p>Receipts per dispatch: ACCEPTED (every message taken; peerRef = message ids and serial number) then
 * DELIVERED with {@code units} = cells installed and {@code failedUnits} = cells that failed (FAILED when
 * none took it); PLANNED after transient failures on every endpoint (offer again), UNKNOWN when a request
 * went unanswered and retries ran out. A Cancel ends DELIVERED (units = messages deleted) or PLANNED.
 *
 * <p>Thread-safety: {@link #offer} is called by one engine thread, never blocks and only checks and admits: texts
 * are encoded and requests built and sent on one sender thread (a text that does not fit ends FAILED by receipt), I/O runs on the HTTP client's threads, one timer thread (retry
 * back-offs, receipt hand-over) and one probe thread;
 * everything else may be called from any thread.
 */
public final class CellBroadcastConnector implements Connector {

    private final String name;
    private final CbsSettings settings;
    private final Clock clock;
    private final CbsPlanner planner;
    private final CbcEndpointPool pool;
    private final CbcProtocol protocol;
    private final CbcRequests requests;
    private final ActiveBroadcasts active = new ActiveBroadcasts();
    private final ReceiptOutbox outbox;
    private final ScheduledExecutorService scheduler;
    /**
     * Where texts are encoded and requests built and handed to the HTTP client: off the engine's thread, whose offer
     * then costs a few checks (the JDK client's send path took 1–4 ms of it per message on a cold JVM, the encoding
     * of three carriers' messages several more on a loaded box, all in front of the alert's first SMS; and a cell
     * broadcast path is always cold: a few messages a day). One thread, so a cancel's DELETE follows its POST.
     */
    private final ExecutorService sender;
    /** Health probes block on TCP connects: their own thread, so retries and receipts never wait on them. */
    private final ScheduledExecutorService prober;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong rejected = new AtomicLong();
    private volatile String lastRejection = "";
    private volatile boolean closed;

    public CellBroadcastConnector(ConnectorContext context, CbsSettings settings) {
        this(context, settings, null);
    }

    /** @param protocol the wire protocol; null = ECBE REST */
    public CellBroadcastConnector(ConnectorContext context, CbsSettings settings, CbcProtocol protocol) {
        this.name = context.name();
        this.settings = settings;
        this.clock = context.clock();
        this.planner = new CbsPlanner(settings);
        this.pool = new CbcEndpointPool(settings, clock);
        this.outbox = new ReceiptOutbox(context.receipts());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "cbs-" + name + "-timer"));
        this.prober = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "cbs-" + name + "-probe"));
        this.sender = Executors.newSingleThreadExecutor(r -> daemon(r, "cbs-" + name + "-send"));
        this.protocol = protocol != null ? protocol : new EcbeProtocol(settings.connectTimeout(),
                settings.requestTimeout(), Executors.newFixedThreadPool(2, r -> daemon(r, "cbs-" + name + "-io")));
        this.requests = new CbcRequests(this.protocol, pool, settings, scheduler);
    }

    private static Thread daemon(Runnable r, String threadName) {
        Thread t = new Thread(r, threadName);
        t.setDaemon(true);
        return t;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.CELL_BROADCAST;
    }

    @Override
    public void start() {
        long every = Math.max(50, settings.healthInterval().toMillis());
        prober.scheduleWithFixedDelay(this::probe, 0, every, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(outbox::drain, 10, 10, TimeUnit.MILLISECONDS);
    }

    private void probe() {
        if (!closed) {
            pool.probeAll();
        }
    }

    @Override
    public SendResult offer(Dispatch d) {
        if (closed) {
            return SendResult.CLOSED;
        }
        if (d.target() == null || d.target().kind() != ChannelKind.CELL_BROADCAST
                || (d.target().carrier() != null && !d.target().carrier().equals(settings.carrier()))) {
            return reject("target is not a cell broadcast target of carrier " + settings.carrier());
        }
        if (d.action() == DispatchAction.CANCEL) {
            return cancel(d);
        }
        if (d.expiredAt(clock.instant())) {
            return reject("expired");
        }
        ActiveBroadcasts.Entry previous = d.action() == DispatchAction.UPDATE ? active.get(d.replaces()) : null;
        ActiveBroadcasts.Entry mine = active.get(d.alertId());
        int code = previous != null ? previous.messageCode()
                : SerialNumber.messageCodeFor(d.action() == DispatchAction.UPDATE && d.replaces() != null ? d.replaces() : d.alertId());
        int update = d.sequence() & 0xF;
        if (previous != null && update == previous.updateNumber()) {
            update = (previous.updateNumber() + 1) & 0xF;
        }
        // Only what decides the answer cheaply here; the text is encoded on the sender thread (a text that does
        // not fit then ends FAILED with the reason, by receipt).
        List<io.tocsin.cap.AlertInfo> infos = CbsPlanner.languages(d.alert());
        if (infos.isEmpty()) {
            return reject("alert has no info block");
        }
        int primaryId = MessageIdentifier.primary(d.alert(), infos.get(0));
        if (primaryId < 0) {
            return reject("status " + d.alert().status() + " is not broadcast");
        }
        if (!pool.anyUp()) {
            return SendResult.NOT_CONNECTED;
        }
        int n = infos.size();
        CbcEndpointState admitted = pool.admit(n);
        if (admitted == null) {
            return SendResult.BACK_PRESSURED;
        }
        List<Integer> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(i == 0 ? primaryId : MessageIdentifier.additionalLanguage(primaryId)); // as CbsPlanner numbers them
        }
        boolean retryOfOurs = mine != null && mine.messageCode() == code && mine.updateNumber() == update;
        active.put(d.alertId(), new ActiveBroadcasts.Entry(code, update, ids, false));
        inFlight.incrementAndGet();
        int updateNumber = update;
        java.time.Instant now = clock.instant();
        Runnable done = () -> {
            admitted.release(n);
            inFlight.decrementAndGet();
        };
        try {
            sender.execute(() -> {
                CbsPlanner.Plan plan = planner.plan(d.alert(), d.target().cells(), d.expires(), code, updateNumber, now);
                if (!plan.ok()) {
                    active.restore(d.alertId(), mine);
                    reject(plan.rejection());
                    receipt(d, DispatchState.FAILED, plan.rejection(), null, 0, List.of());
                    done.run();
                    return;
                }
                send(d, plan.broadcasts(), previous, retryOfOurs).whenComplete((r, e) -> done.run());
            });
        } catch (RejectedExecutionException closing) {
            active.restore(d.alertId(), mine);
            done.run();
            return SendResult.CLOSED;
        }
        return SendResult.ACCEPTED;
    }

    private SendResult reject(String why) {
        rejected.incrementAndGet();
        lastRejection = why;
        return SendResult.REJECTED;
    }

    private CompletableFuture<Void> send(Dispatch d, List<CbsBroadcast> broadcasts, ActiveBroadcasts.Entry previous,
                                         boolean retryOfOurs) {
        boolean update = d.action() == DispatchAction.UPDATE;
        List<CompletableFuture<CbcRequests.Result>> calls = new ArrayList<>();
        if (previous != null) {
            for (int oldId : previous.messageIds()) {
                if (broadcasts.stream().noneMatch(b -> b.messageId() == oldId)) {
                    calls.add(requests.delete(oldId));
                }
            }
        }
        for (CbsBroadcast b : broadcasts) {
            if (update && settings.deleteBeforeUpdate()) {
                calls.add(requests.delete(b.messageId()).thenCompose(x -> requests.create(b, false, false)));
            } else {
                calls.add(requests.create(b, update, retryOfOurs));
            }
        }
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
                .thenRun(() -> finish(d, broadcasts, calls));
    }

    private void finish(Dispatch d, List<CbsBroadcast> broadcasts, List<CompletableFuture<CbcRequests.Result>> calls) {
        String ref = peerRef(broadcasts);
        boolean ambiguous = false;
        String failure = null;
        boolean transientFailure = false;
        Set<String> failedCells = new LinkedHashSet<>();
        for (CompletableFuture<CbcRequests.Result> c : calls) {
            CbcRequests.Result r = c.join();
            ambiguous |= r.ambiguous() && !r.ok();
            if (!r.ok()) {
                transientFailure |= r.answer().kind().retryable();
                failure = r.endpoint() + ": " + r.answer().detail();
            } else {
                failedCells.addAll(r.answer().cellsFailed());
            }
        }
        if (failure != null) {
            // The footprint stays recorded: a re-offer then reads a 409 as "ours", and a Cancel still
            // deletes whatever part did get installed.
            DispatchState state = !transientFailure ? DispatchState.FAILED
                    : ambiguous ? DispatchState.UNKNOWN : DispatchState.PLANNED;
            receipt(d, state, failure, ref, 0, List.of());
            return;
        }
        SerialNumber serial = broadcasts.get(0).serial();
        List<Integer> ids = new ArrayList<>();
        broadcasts.forEach(b -> ids.add(b.messageId()));
        ActiveBroadcasts.Entry entry = new ActiveBroadcasts.Entry(serial.messageCode(), serial.updateNumber(), ids, true);
        active.put(d.alertId(), entry);
        if (d.replaces() != null) {
            active.put(d.replaces(), entry);
        }
        List<String> cells = d.target().cells();
        int targeted = cells.isEmpty() ? Math.max(1, settings.plmnCells()) : cells.size();
        List<String> failed = List.copyOf(failedCells);
        receipt(d, DispatchState.ACCEPTED, null, ref, targeted, List.of());
        int installed = Math.max(0, targeted - failed.size());
        if (installed == 0) {
            receipt(d, DispatchState.FAILED, "no cell took the message", ref, 0, failed);
        } else {
            receipt(d, DispatchState.DELIVERED, failed.isEmpty() ? null : failed.size() + " cells failed", ref, installed, failed);
        }
    }

    private SendResult cancel(Dispatch d) {
        List<Integer> ids = new ArrayList<>();
        ActiveBroadcasts.Entry e = active.get(d.replaces());
        if (e == null) {
            e = active.get(d.alertId());
        }
        if (e != null) {
            ids.addAll(e.messageIds());
        } else {
            ids.addAll(derivedIds(d.alert()));
        }
        if (ids.isEmpty()) {
            return reject("cancel: no message of the cancelled alert is known and the cancel carries no info block");
        }
        int code = e != null ? e.messageCode() : -1;
        inFlight.incrementAndGet();
        try {
            sender.execute(() -> delete(d, ids, code));
        } catch (RejectedExecutionException closing) {
            inFlight.decrementAndGet();
            return SendResult.CLOSED;
        }
        return SendResult.ACCEPTED;
    }

    /** The DELETEs of a cancel (sender thread). */
    private void delete(Dispatch d, List<Integer> ids, int code) {
        List<CompletableFuture<CbcRequests.Result>> calls = new ArrayList<>();
        for (int id : ids) {
            calls.add(requests.delete(id));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).whenComplete((x, err) -> {
            inFlight.decrementAndGet();
            String failure = null;
            for (CompletableFuture<CbcRequests.Result> c : calls) {
                CbcRequests.Result r = c.join();
                if (!r.ok()) {
                    failure = r.endpoint() + ": " + r.answer().detail();
                }
            }
            String ref = "deleted " + ids;
            if (failure == null) {
                if (code >= 0) {
                    active.removeChain(code);
                }
                receipt(d, DispatchState.DELIVERED, null, ref, ids.size(), List.of());
            } else {
                receipt(d, DispatchState.PLANNED, failure, ref, 0, List.of());
            }
        });
    }

    /** The message ids a cancel's own info blocks point at (when this connector does not remember the alert). */
    private static List<Integer> derivedIds(Alert alert) {
        List<Integer> ids = new ArrayList<>();
        List<io.tocsin.cap.AlertInfo> infos = CbsPlanner.languages(alert);
        if (infos.isEmpty()) {
            return ids;
        }
        int primary = MessageIdentifier.primary(alert, infos.get(0));
        if (primary < 0) {
            return ids;
        }
        ids.add(primary);
        if (infos.size() > 1) {
            ids.add(MessageIdentifier.additionalLanguage(primary));
        }
        return ids;
    }

    private static String peerRef(List<CbsBroadcast> broadcasts) {
        StringBuilder sb = new StringBuilder();
        for (CbsBroadcast b : broadcasts) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(b.messageId()).append('/').append(CbsDataCoding.iso639(b.language()));
        }
        return sb.append(" serial=").append(broadcasts.get(0).serial().encoded()).toString();
    }

    private void receipt(Dispatch d, DispatchState state, String reason, String ref, int units, List<String> failed) {
        outbox.send(new DeliveryReceipt(d.id(), state, reason, ref, clock.instant(), units, failed));
    }

    @Override
    public int inFlight() {
        return inFlight.get();
    }

    @Override
    public ConnectorHealth health() {
        StringBuilder detail = new StringBuilder();
        int up = 0;
        for (CbcEndpointState e : pool.endpoints()) {
            if (detail.length() > 0) {
                detail.append(", ");
            }
            detail.append(e.settings().name()).append(e.up() ? " up" : " down (" + e.lastProblem() + ")");
            up += e.up() ? 1 : 0;
        }
        if (rejected.get() > 0) {
            detail.append("; ").append(rejected.get()).append(" rejected, last: ").append(lastRejection);
        }
        if (closed || up == 0) {
            return ConnectorHealth.down(detail.toString());
        }
        return up == pool.endpoints().size() ? ConnectorHealth.up(detail.toString()) : ConnectorHealth.degraded(detail.toString());
    }

    @Override
    public List<Rendering> render(Alert alert) {
        return planner.render(alert, name);
    }

    /** Why the last dispatch was REJECTED (for logs and the console), or "". */
    public String lastRejection() {
        return lastRejection;
    }

    public CbcEndpointPool endpoints() {
        return pool;
    }

    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
        prober.shutdownNow();
        sender.shutdownNow();
        protocol.close();
    }
}
