package io.tocsin.dist;

import io.tocsin.ledger.AlertView;
import io.tocsin.ledger.ChannelCounters;
import io.tocsin.ledger.TimelineEntry;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Turns successive ledger snapshots of the demo alert into phase marks, each once, in the order they happen:
 * first dispatches planned, the broadcast channels (everything but SMS) final, every recipient planned, every
 * SMS handed to a carrier (accepted or closed), every channel final. Timeline moments are taken from the
 * ledger's own timestamps; counter moments from when a snapshot first shows them.
 *
 * <p>Not thread-safe: the demo's follow loop owns it.
 */
final class DemoMilestones {
    private final DemoPhases phases;
    private final Set<String> seen = new HashSet<>();

    DemoMilestones(DemoPhases phases) {
        this.phases = phases;
    }

    void observe(AlertView view, boolean finished) {
        for (TimelineEntry t : view.timeline()) {
            if (t.event().equals("dispatching")) {
                once("planning: first dispatches planned", t.at().toEpochMilli());
            }
        }
        boolean broadcastFinal = true;
        boolean smsSeen = false;
        boolean smsHandedOver = true;
        for (Map.Entry<String, ChannelCounters> e : view.channels().entrySet()) {
            ChannelCounters c = e.getValue();
            if (e.getKey().startsWith("SMS")) {
                smsSeen = true;
                smsHandedOver &= c.accepted() + DemoProgress.closed(c) >= c.planned();
            } else {
                broadcastFinal &= DemoProgress.closed(c) >= c.planned();
            }
        }
        if (!view.channels().isEmpty() && broadcastFinal) {
            once("cell broadcast, radio, TV final", System.currentTimeMillis());
        }
        TimelineEntry planned = null;
        for (TimelineEntry t : view.timeline()) {
            if (t.event().equals("recipients planned")) {
                planned = t;
            }
        }
        if (planned != null) {
            once("planning: every recipient planned (" + planned.detail().split(";")[0] + ")",
                    planned.at().toEpochMilli());
            if (smsSeen && smsHandedOver) {
                once("SMS: every message accepted by its carrier", System.currentTimeMillis());
            }
        }
        if (finished) {
            once("every channel final (SMS delivery receipts in)", System.currentTimeMillis());
        }
    }

    private void once(String phase, long atMillis) {
        if (seen.add(phase)) {
            phases.markAt(phase, atMillis);
        }
    }
}
