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
import java.util.concurrent.atomic.AtomicReference;

/**
 * Resolves one alert's areas on two worker threads at once and hands the results to the pipeline thread: the
 * whole-area part ({@link AreaResolver#resolveAreas}: cells, transmitters, stations, without the recipients) through a
 * single slot, and the recipients through a small bounded queue which blocks the recipient worker whenever the
 * pipeline has enough queued — so a city-wide alert is planned as fast as it drains, never all at once. Neither
 * part waits for the other: the cell broadcast does not wait for the first recipients, and the first SMS does not
 * wait for the whole-area resolution (which walks every recipient once more). The first recipient batch is small
 * ({@link #FIRST_BATCH}) so that the first SMS is journaled and offered while the rest is still being found.
 * A resumed job skips what the journal says was planned (this assumes the resolver streams recipients in a stable
 * order for the same areas).
 *
 * <p>Thread-safety: {@link #areasTask} and {@link #recipientsTask} run on one worker each; {@link #peek},
 * {@link #poll}, {@link #stop} and the flags from the pipeline thread.
 */
final class PlanningJob {
    private static final int HANDOFF = 8;
    /** Recipients in the first handed-over batch (the first SMS goes out while the rest is planned). */
    static final int FIRST_BATCH = 256;

    final AlertEntry entry;
    final FirstDispatchTrace.Stamps stamps;
    private final AreaResolver resolver;
    final boolean planAreas;
    final boolean planRecipients;
    private final long skip;
    private final int batchSize;
    private final Runnable wake;
    private final AtomicReference<PlanItem> areaResult = new AtomicReference<>();
    private final ArrayBlockingQueue<PlanItem> handoff = new ArrayBlockingQueue<>(HANDOFF);
    private volatile boolean stopped;
    private PlanItem areaHead;
    private PlanItem recipientHead;
    /** Pipeline thread: the whole-area part was planned (or was not needed). */
    boolean areasDone;
    /** Pipeline thread: the recipient stream ended (or was not needed). */
    boolean recipientsDone;
    /** Pipeline thread: recipient batches planned so far by this job. */
    int recipientBatches;
    long unroutable;
    boolean noSms;

    PlanningJob(AlertEntry entry, AreaResolver resolver, boolean planAreas, boolean planRecipients, long skip,
                int batchSize, Runnable wake, FirstDispatchTrace.Stamps stamps) {
        this.entry = entry;
        this.stamps = stamps;
        this.resolver = resolver;
        this.planAreas = planAreas;
        this.planRecipients = planRecipients;
        this.skip = skip;
        this.batchSize = batchSize;
        this.wake = wake;
        this.areasDone = !planAreas;
        this.recipientsDone = !planRecipients;
    }

    /** The whole-area part: cells per carrier, transmitters, stations, reasons. */
    /** The planner's ordering key (priority class, then arrival); set by the planner, pipeline thread only. */
    long orderKey;

    /**
     * The whole-area part, when the resolver has it at hand (a district's cells found ahead of time): set as the
     * result at once, on the calling (pipeline) thread. Returns whether it was; otherwise {@link #areasTask} must run.
     */
    boolean areasAtHand() {
        Resolution r;
        try {
            r = resolver.precomputedAreas(areas(), audience());
        } catch (RuntimeException e) {
            return false; // the worker resolves it the long way and reports what is wrong
        }
        if (r == null) {
            return false;
        }
        stamps.areasResolved();
        areaResult.set(new PlanItem.Resolved(r));
        return true;
    }

    /** @param ready told the moment the whole-area result exists, so the pipeline plans it before anything else */
    Runnable areasTask(Runnable ready) {
        return () -> {
            try {
                Resolution r = resolver.resolveAreas(areas(), audience());
                checkStopped();
                stamps.areasResolved();
                areaResult.set(new PlanItem.Resolved(r));
            } catch (Stopped e) {
                return; // cancelled, superseded or expired: the pipeline no longer wants this plan
            } catch (RuntimeException | Error e) {
                areaResult.set(new PlanItem.Failed(e.toString()));
            }
            ready.run();
            wake.run();
        };
    }

    /** Takes the whole-area result if it is there and not yet planned (pipeline thread), else null. */
    PlanItem takeAreaResult() {
        if (areasDone) {
            return null;
        }
        PlanItem item = areaHead != null ? areaHead : areaResult.getAndSet(null);
        areaHead = null;
        return item;
    }

    /** The recipient stream, a batch at a time, blocking while the pipeline's handoff is full. */
    Runnable recipientsTask() {
        return () -> {
            try {
                long[] seen = {0};
                List<Recipient> pending = new ArrayList<>(batchSize);
                int[] target = {Math.min(FIRST_BATCH, batchSize)};
                resolver.resolve(areas(), audience(), batch -> {
                    checkStopped();
                    for (Recipient r : batch) {
                        if (++seen[0] <= skip) {
                            continue;
                        }
                        pending.add(r);
                        if (pending.size() == target[0]) {
                            stamps.recipientsResolved();
                            put(new PlanItem.Recipients(List.copyOf(pending), seen[0]));
                            pending.clear();
                            target[0] = batchSize;
                        }
                    }
                });
                if (!pending.isEmpty()) {
                    stamps.recipientsResolved();
                    put(new PlanItem.Recipients(List.copyOf(pending), seen[0]));
                }
                put(new PlanItem.Finished(seen[0]));
            } catch (Stopped e) {
                // cancelled, superseded or expired: the pipeline no longer wants this plan
            } catch (RuntimeException | Error e) {
                try {
                    put(new PlanItem.Failed(e.toString()));
                } catch (Stopped ignored) {
                    // nobody is listening any more
                }
            }
        };
    }

    /** The next item for the pipeline: the whole-area result as soon as it is there, else the next recipients. */
    PlanItem peek() {
        if (areaHead == null && !areasDone) {
            areaHead = areaResult.getAndSet(null);
        }
        if (areaHead != null) {
            return areaHead;
        }
        if (recipientHead == null) {
            recipientHead = handoff.poll();
        }
        return recipientHead;
    }

    /** Takes the item {@link #peek} returned. */
    void poll() {
        if (areaHead != null) {
            areaHead = null;
        } else {
            recipientHead = null;
        }
    }

    void stop() { stopped = true; }

    /** Both parts are planned: the job is over. */
    boolean finished() { return areasDone && recipientsDone; }

    private List<Area> areas() {
        Set<Area> distinct = new LinkedHashSet<>();
        for (AlertInfo info : entry.alert().infos()) {
            distinct.addAll(info.areas());
        }
        return new ArrayList<>(distinct);
    }

    private Audience audience() {
        return Audience.ofStatus(entry.alert().status());
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
