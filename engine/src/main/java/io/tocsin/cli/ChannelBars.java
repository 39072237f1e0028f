package io.tocsin.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * One progress bar per channel on stderr while an alert is followed. On a terminal the bars redraw in place
 * (progressbar's interactive console); piped, each bar prints a line at most once a second so logs stay
 * readable. Not thread-safe: one follower thread.
 */
final class ChannelBars implements AutoCloseable {

    private final Map<String, ProgressBar> bars = new LinkedHashMap<>();
    private final PrintStream err;
    private final boolean interactive;

    ChannelBars(PrintStream err, boolean interactive) {
        this.err = err;
        this.interactive = interactive;
    }

    void update(AlertProgress progress) {
        progress.channels().forEach((name, c) -> {
            ProgressBar bar = bars.computeIfAbsent(name, n -> open(n, c.planned()));
            if (bar.getMax() != c.planned()) {
                bar.maxHint(c.planned());
            }
            bar.stepTo(c.finished());
            String extra = (c.failed() + c.expired() > 0 ? " failed " + (c.failed() + c.expired()) : "")
                    + (c.cancelled() > 0 ? " cancelled " + c.cancelled() : "");
            bar.setExtraMessage(extra.isEmpty() ? progress.state() : progress.state() + extra);
        });
    }

    private ProgressBar open(String name, long planned) {
        ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(String.format("%-14s", name))
                .setInitialMax(planned).setStyle(ProgressBarStyle.ASCII).showSpeed();
        if (!interactive) {
            b.setUpdateIntervalMillis(1000).setConsumer(new DelegatingProgressBarConsumer(err::println, 100));
        }
        return b.build();
    }

    @Override
    public void close() {
        bars.values().forEach(ProgressBar::close);
        bars.clear();
    }
}
