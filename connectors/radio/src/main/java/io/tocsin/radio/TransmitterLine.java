package io.tocsin.radio;

import io.tocsin.audio.AudioMessage;
import io.tocsin.connector.DispatchState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The emergency input of one transmitter: one thread that airs its messages one after another (a mount can
 * carry one source at a time), repeats them per settings until they expire, and stops any of them at once on
 * a Cancel or an Update. While its output is unreachable, new airings wait out a growing back-off (250 ms
 * doubling to 5 s, reset by a good airing) before they try again. Thread-safe: {@link #enqueue} and {@link #stop} come from the dispatcher thread.
 */
final class TransmitterLine implements AutoCloseable {

    private final Transmitter transmitter;
    private final RadioSettings settings;
    private final AudioLibrary library;
    private final IcecastSource icecast;
    private final Clock clock;
    private final Map<String, Airing> airings = new ConcurrentHashMap<>();
    private final ScheduledExecutorService thread;
    private volatile String lastProblem; // why the last airing could not reach the output, null when it did
    /** While the output is unreachable, airings wait until then (System.nanoTime); 0 = no back-off. */
    private volatile long retryAtNanos;
    private volatile long backoffNanos;
    static final long FIRST_BACKOFF_NANOS = 250_000_000L;
    static final long MAX_BACKOFF_NANOS = 5_000_000_000L;

    TransmitterLine(Transmitter transmitter, RadioSettings settings, AudioLibrary library, Receipts receipts,
                    Clock clock) {
        this.transmitter = transmitter;
        this.settings = settings;
        this.library = library;
        this.icecast = new IcecastSource(settings.streamSpeed());
        this.clock = clock;
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread th = new Thread(r, "radio-" + transmitter.id());
            th.setDaemon(true);
            return th;
        });
        t.setRemoveOnCancelPolicy(true);
        this.thread = t;
        // receipts the engine's ring could not take yet go out without waiting for the next event
        t.scheduleWithFixedDelay(receipts::flush, 200, 200, TimeUnit.MILLISECONDS);
    }

    /** Why the last airing failed to reach this transmitter's output, or null if it got through. */
    String lastProblem() {
        return lastProblem;
    }

    /** False when this transmitter already has its fill of messages waiting. */
    boolean enqueue(Airing airing) {
        if (airings.size() >= settings.maxQueuedPerTransmitter()) {
            return false;
        }
        airings.put(airing.dispatch.alertId(), airing);
        // After "unreachable" the engine offers the dispatch again at once: wait out the back-off here, per
        // transmitter, so a dead Icecast is retried at a growing interval, not in a loop of journal writes.
        long wait = retryAtNanos - System.nanoTime();
        if (retryAtNanos != 0 && wait > 0) {
            thread.schedule(() -> air(airing, 1), wait, TimeUnit.NANOSECONDS);
        } else {
            thread.execute(() -> air(airing, 1));
        }
        return true;
    }

    /** Stops whatever airs or waits for this alert; false when nothing did. */
    boolean stop(String alertId, DispatchState as, String reason) {
        Airing a = alertId == null ? null : airings.remove(alertId);
        if (a == null) {
            return false;
        }
        a.stop(as, reason);
        return true;
    }

    int inFlight() {
        return (int) airings.values().stream().filter(a -> !a.state().terminal()).count();
    }

    private void air(Airing a, int round) {
        if (a.stopped()) {
            return;
        }
        if (a.expired()) {
            a.move(DispatchState.EXPIRED, "expired before airing", null);
            airings.remove(a.dispatch.alertId(), a);
            return;
        }
        AudioMessage message;
        try {
            message = library.get(a.dispatch.alertId(), a.dispatch.alert());
        } catch (RuntimeException e) {
            fail(a, "audio could not be made: " + e);
            return;
        }
        if (!message.ok()) {
            fail(a, "no SAME message: " + String.join("; ", message.problems()));
            return;
        }
        a.move(DispatchState.SUBMITTED, null, null);
        List<OutputResult> results = new ArrayList<>();
        if (transmitter.dropDir() != null) {
            results.add(WavDrop.write(transmitter.dropDir(), a.dispatch.alertId(), a.dispatch.id(), round,
                    message.pcm(), a));
        }
        if (transmitter.icecast() != null && !a.stopped()) {
            results.add(icecast.stream(transmitter.icecast(), message.pcm(), a));
        }
        finish(a, round, message, results);
    }

    private void finish(Airing a, int round, AudioMessage message, List<OutputResult> results) {
        List<String> details = new ArrayList<>();
        OutputResult.Kind worst = OutputResult.Kind.DONE;
        for (OutputResult r : results) {
            details.add(r.detail());
            if (r.kind().ordinal() > worst.ordinal()) {
                worst = r.kind();
            }
        }
        if (a.stopped()) {
            worst = OutputResult.Kind.STOPPED;
        }
        details.addAll(message.problems());
        String reason = String.join("; ", details);
        if (worst == OutputResult.Kind.UNREACHABLE || worst == OutputResult.Kind.REFUSED) {
            lastProblem = reason;
        } else if (worst == OutputResult.Kind.DONE) {
            lastProblem = null;
            backoffNanos = 0;
            retryAtNanos = 0;
        }
        if (worst == OutputResult.Kind.UNREACHABLE) {
            long b = backoffNanos == 0 ? FIRST_BACKOFF_NANOS : Math.min(backoffNanos * 2, MAX_BACKOFF_NANOS);
            backoffNanos = b;
            retryAtNanos = System.nanoTime() + b;
        }
        switch (worst) {
            case DONE -> {
                a.move(DispatchState.DELIVERED, reason, null);
                scheduleRepeat(a, round);
            }
            case STOPPED -> airings.remove(a.dispatch.alertId(), a);
            case EXPIRED -> {
                a.move(DispatchState.EXPIRED, reason, null);
                airings.remove(a.dispatch.alertId(), a);
            }
            case UNREACHABLE -> {
                if (!a.move(DispatchState.PLANNED, reason, null)) {
                    a.move(DispatchState.FAILED, reason, null);
                }
                airings.remove(a.dispatch.alertId(), a);
            }
            case REFUSED -> fail(a, reason);
        }
    }

    private void scheduleRepeat(Airing a, int round) {
        Instant next = clock.instant().plus(settings.repeatInterval());
        boolean more = round < settings.repeatCount()
                && (a.dispatch.expires() == null || next.isBefore(a.dispatch.expires()));
        if (more && !a.stopped()) {
            thread.schedule(() -> air(a, round + 1), settings.repeatInterval().toMillis(), TimeUnit.MILLISECONDS);
        } else {
            airings.remove(a.dispatch.alertId(), a);
        }
    }

    private void fail(Airing a, String reason) {
        a.move(DispatchState.FAILED, reason, null);
        airings.remove(a.dispatch.alertId(), a);
    }

    @Override
    public void close() {
        for (Airing a : airings.values()) {
            a.stop(DispatchState.PLANNED, "connector closed before the transmitter aired it");
        }
        airings.clear();
        thread.shutdownNow();
    }
}
