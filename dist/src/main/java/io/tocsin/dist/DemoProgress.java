package io.tocsin.dist;

import io.tocsin.ledger.AlertState;
import io.tocsin.ledger.AlertView;
import io.tocsin.ledger.ChannelCounters;
import java.io.PrintStream;
import java.util.Map;

/** Terminal progress of one alert: a line per channel, and whether every planned dispatch has closed. */
final class DemoProgress {
    private DemoProgress() {
    }

    static long closed(ChannelCounters c) {
        return c.delivered() + c.failed() + c.expired() + c.cancelled() + c.unknown();
    }

    static boolean finished(AlertView view) {
        if (view.state() == AlertState.PENDING_APPROVAL || view.state() == AlertState.ACTIVE
                || view.state() == AlertState.DISPATCHING) {
            return false;
        }
        for (ChannelCounters c : view.channels().values()) {
            if (closed(c) < c.planned()) {
                return false;
            }
        }
        return true;
    }

    static void print(PrintStream out, AlertView view, double seconds) {
        out.printf("[%6.1fs] %s %s%n", seconds, view.id(), view.state());
        for (Map.Entry<String, ChannelCounters> e : view.channels().entrySet()) {
            ChannelCounters c = e.getValue();
            double pct = c.planned() == 0 ? 100 : 100.0 * closed(c) / c.planned();
            out.printf("          %-15s %s %5.1f%%  planned %,d  submitted %,d  accepted %,d  delivered %,d"
                    + "  failed %,d  expired %,d  cancelled %,d%n", e.getKey(), bar(pct), pct, c.planned(),
                    c.submitted(), c.accepted(), c.delivered(), c.failed(), c.expired(), c.cancelled());
        }
    }

    private static String bar(double pct) {
        int full = (int) Math.round(pct / 5);
        return "[" + "#".repeat(Math.max(0, Math.min(20, full))) + ".".repeat(Math.max(0, 20 - full)) + "]";
    }
}
