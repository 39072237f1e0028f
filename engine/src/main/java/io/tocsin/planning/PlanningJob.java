package io.tocsin.planning;

import io.tocsin.cap.AlertInfo;
import io.tocsin.cap.Area;
import io.tocsin.ledger.AlertEntry;
import io.tocsin.targeting.AreaResolver;
import io.tocsin.targeting.Audience;
import io.tocsin.targeting.Recipient;
import io.tocsin.targeting.Resolution;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Resolves one alert's areas on a worker thread and hands the results to the pipeline thread through a small
 * bounded queue: first the whole-area part (one resolution whose recipients are discarded), then the
 * recipients, which block the worker whenever the pipeline has enough queued — so a city-wide alert is
 * planned as fast as it drains, never all at once. A resumed job skips what the journal says was planned
 * (this assumes the resolver streams recipients in a stable order for the same areas).
 *
 * <p>Thread-safety: {@link #run} on one worker; {@link #peek}/{@link #poll}/{@link #stop} from the pipeline thread.
 */
final class PlanningJob implements Runnable {
    private static final int HANDOFF = 8;

    final AlertEntry entry;
    private final AreaResolver resolver;
    private final boolean planAreas;
    private final boolean planRecipients;
    private final long skip;
    private final int batchSize;
    private final Runnable wake;
    private final ArrayBlockingQueue<PlanItem> handoff = new ArrayBlockingQueue<>(HANDOFF);
    private volatile boolean stopped;
    private PlanItem head;
    long unroutable;
    boolean noSms;

    PlanningJob(AlertEntry entry, AreaResolver resolver, boolean planAreas, boolean planRecipients, long skip,
                int batchSize, Runnable wake) {
        this.entry = entry;
        this.resolver = resolver;
        this.planAreas = planAreas;
        this.planRecipients = planRecipients;
        this.skip = skip;
        this.batchSize = batchSize;
        this.wake = wake;
    }

    @Override
    public void run() {
        try {
            List<Area> areas = areas();
            Audience audience = Audience.ofStatus(entry.alert().status());
            if (planAreas) {
                Resolution r = resolver.resolve(areas, audience, batch -> checkStopped());
                put(new PlanItem.Resolved(r));
            }
            if (planRecipients) {
                long[] seen = {0};
                List<Recipient> pending = new ArrayList<>(batchSize);
                resolver.resolve(areas, audience, batch -> {
                    checkStopped();
                    for (Recipient r : batch) {
                        if (++seen[0] <= skip) {
                            continue;
                        }
                        pending.add(r);
                        if (pending.size() == batchSize) {
                            put(new PlanItem.Recipients(List.copyOf(pending), seen[0]));
                            pending.clear();
                        }
                    }
                });
                if (!pending.isEmpty()) {
                    put(new PlanItem.Recipients(List.copyOf(pending), seen[0]));
                }
                put(new PlanItem.Finished(seen[0]));
            }
        } catch (Stopped e) {
            // cancelled, superseded or expired: the pipeline no longer wants this plan
        } catch (RuntimeException | Error e) {
            try {
                put(new PlanItem.Failed(e.toString()));
            } catch (Stopped ignored) {
                // nobody is listening any more
            }
        }
    }

    PlanItem peek() {
        if (head == null) {
            head = handoff.poll();
        }
        return head;
    }

    void poll() { head = null; }

    void stop() { stopped = true; }

    private List<Area> areas() {
        Set<Area> distinct = new LinkedHashSet<>();
        for (AlertInfo info : entry.alert().infos()) {
            distinct.addAll(info.areas());
        }
        return new ArrayList<>(distinct);
    }

    private void checkStopped() {
        if (stopped) {
            throw new Stopped();
        }
    }

    private void put(PlanItem item) {
        try {
            while (!handoff.offer(item, 20, TimeUnit.MILLISECONDS)) {
                checkStopped();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
        wake.run();
    }

    /** Unwinds the resolver's stack when planning is no longer wanted. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }
}
