package io.tocsin.dist;

import io.tocsin.ledger.AlertView;
import io.tocsin.ledger.ChannelCounters;
import io.tocsin.ledger.TimelineEntry;
import io.tocsin.sim.cbc.CbcSimulator;
import io.tocsin.sim.smpp.SmscSimulator;
import java.io.PrintStream;
import java.util.Map;

/**
 * The after-action summary the demo prints: the engine's own counters per channel next to what the simulated
 * peers say they received, so the two can be compared at a glance, and the alert's timeline.
 */
final class DemoSummary {
    private DemoSummary() {
    }

    /** How a simulated SMSC limits this account, as the summary and the start-up lines say it. */
    static String cap(double perSecond) {
        return perSecond > 0 ? String.format("caps the account at %,.0f submit_sm/s", perSecond) : "no cap";
    }

    static void print(PrintStream out, AlertView view, DemoWorld world, double seconds) {
        out.println();
        out.println("==================== after-action summary ====================");
        if (view == null) {
            out.println("the alert never appeared in the ledger");
            return;
        }
        out.printf("alert %s  \"%s\"  state %s  severity %s  (%.1f s after the push)%n", view.id(), view.headline(),
                view.state(), view.severity(), seconds);
        out.println("engine ledger, per channel:");
        for (Map.Entry<String, ChannelCounters> e : view.channels().entrySet()) {
            ChannelCounters c = e.getValue();
            out.printf("  %-15s planned %,10d  delivered %,10d  failed %,d  expired %,d  cancelled %,d  unknown %,d%n",
                    e.getKey(), c.planned(), c.delivered(), c.failed(), c.expired(), c.cancelled(), c.unknown());
        }
        out.println("what the simulated peers received:");
        for (Map.Entry<String, SmscSimulator> e : world.smscs.entrySet()) {
            SmscSimulator s = e.getValue();
            out.printf("  SMSC %-5s messages %,10d to %,10d recipients  (duplicates %,d, throttled %,d; %s)%n",
                    e.getKey(), s.inbox().messages(), s.inbox().recipients(), s.inbox().duplicates(),
                    s.stats().throttled(), cap(world.smsCaps.getOrDefault(e.getKey(), 0.0)));
        }
        for (Map.Entry<String, CbcSimulator> e : world.cbcs.entrySet()) {
            CbcSimulator c = e.getValue();
            out.printf("  CBC  %-5s broadcasts %d  created %d  replaced %d  deleted %d%n", e.getKey(),
                    c.store().messages().size(), c.counters().created.get(), c.counters().replaced.get(),
                    c.counters().deleted.get());
        }
        out.printf("  playout   %d AMCP commands, on air: %s%n", world.playout.commands().size(), world.playout.onAir());
        out.println("timeline:");
        for (TimelineEntry t : view.timeline()) {
            out.printf("  %s  %-12s %s%n", t.at(), t.event(), t.detail());
        }
        out.println("==============================================================");
    }
}
