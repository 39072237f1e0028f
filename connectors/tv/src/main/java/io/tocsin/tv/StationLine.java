package io.tocsin.tv;

import io.tocsin.audio.AudioMessage;
import io.tocsin.audio.Wav;
import io.tocsin.connector.Dispatch;
import io.tocsin.connector.DispatchAction;
import io.tocsin.connector.DispatchState;
import io.tocsin.radio.AudioLibrary;
import io.tocsin.radio.Receipts;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One station's playout server, driven from one thread over one AMCP link:
 *
 * <pre>
 *   show    CG 1-20 ADD 1 "tocsin/crawl" 1 "&lt;templateData&gt;…"    PLAY 1-10 "tocsin/ALERT"
 *   update  CG 1-20 UPDATE 1 "&lt;templateData&gt;…"                   PLAY 1-10 "tocsin/UPDATE"
 *   clear   CG 1-20 CLEAR                                          CLEAR 1-10        (Cancel or expiry)
 * </pre>
 *
 * Thread-safe: the dispatcher submits, the station thread does the I/O; state below is touched only there.
 */
final class StationLine implements AutoCloseable {

    private final Station station;
    private final AudioLibrary audio;
    private final Receipts receipts;
    private final Clock clock;
    private final AmcpClient amcp;
    private final ScheduledThreadPoolExecutor thread;
    private final AtomicInteger queued = new AtomicInteger();
    private volatile String linkProblem;  // why the last command got no answer, null when it did
    private String onAir;                 // alert id whose crawl is on air (station thread only)
    private ScheduledFuture<?> expiry;    // its clear at expiry (station thread only)

    StationLine(Station station, AudioLibrary audio, Receipts receipts, Clock clock) {
        this.station = station;
        this.audio = audio;
        this.receipts = receipts;
        this.clock = clock;
        this.amcp = new AmcpClient(station.host(), station.port());
        this.thread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "tv-" + station.id());
            t.setDaemon(true);
            return t;
        });
        thread.setRemoveOnCancelPolicy(true);
        thread.scheduleWithFixedDelay(receipts::flush, 200, 200, TimeUnit.MILLISECONDS);
    }

    /** Why the playout server did not answer the last command, or null when it did. */
    String linkProblem() {
        return linkProblem;
    }

    private AmcpReply send(String command) {
        AmcpReply r = amcp.send(command);
        linkProblem = r.linkLost() ? r.line() : null;
        return r;
    }

    int queued() {
        return queued.get();
    }

    void submit(Dispatch d, CrawlText crawl) {
        queued.incrementAndGet();
        thread.execute(() -> {
            try {
                show(d, crawl);
            } finally {
                queued.decrementAndGet();
            }
        });
    }

    void cancel(Dispatch d) {
        queued.incrementAndGet();
        thread.execute(() -> {
            try {
                withdraw(d);
            } finally {
                queued.decrementAndGet();
            }
        });
    }

    private void show(Dispatch d, CrawlText crawl) {
        if (d.expiredAt(clock.instant())) {
            receipts.report(d.id(), DispatchState.EXPIRED, "expired before it went on air", null);
            return;
        }
        receipts.report(d.id(), DispatchState.SUBMITTED, null, null);
        String data = Amcp.quote(Amcp.templateData(crawl.text(), crawl.colour()));
        boolean replace = d.action() == DispatchAction.UPDATE && onAir != null && onAir.equals(d.replaces());
        String cgCommand = replace ? "CG " + station.cg() + " UPDATE 1 " + data
                : "CG " + station.cg() + " ADD 1 " + Amcp.quote(station.template()) + " 1 " + data;
        AmcpReply r = send(cgCommand);
        if (!r.ok()) {
            receipts.report(d.id(), r.linkLost() ? DispatchState.PLANNED : DispatchState.FAILED,
                    "crawl not shown: " + r.line(), null);
            return;
        }
        onAir = d.alertId();
        scheduleExpiry(d);
        receipts.report(d.id(), DispatchState.ACCEPTED, null, station.id() + "/" + station.cg());
        String note = "crawl on air (" + crawl.units() + "/" + crawl.budget() + " characters)";
        String clip = audio == null ? null : writeAudio(d); // after the crawl: text first, audio as soon as made
        if (clip != null && clip.startsWith("!")) {
            note += "; no audio: " + clip.substring(1);
        } else if (clip != null) {
            AmcpReply p = send("PLAY " + station.audio() + " " + Amcp.quote(clip));
            note += p.ok() ? "; audio playing" : "; audio failed: " + p.line();
        }
        receipts.report(d.id(), DispatchState.DELIVERED, note, station.id() + "/" + station.cg());
    }

    private void withdraw(Dispatch cancel) {
        if (onAir == null || !onAir.equals(cancel.replaces())) {
            receipts.report(cancel.id(), DispatchState.DELIVERED, "nothing of " + cancel.replaces() + " on air at "
                    + station.id(), station.id());
            return;
        }
        AmcpReply r = clear();
        if (r.ok()) {
            receipts.report(cancel.id(), DispatchState.DELIVERED, "cleared from air at " + station.id(), station.id());
        } else {
            receipts.report(cancel.id(), r.linkLost() ? DispatchState.PLANNED : DispatchState.FAILED,
                    "clear failed: " + r.line(), null);
        }
    }

    /** Takes the crawl and the audio off air; returns the first failure, else the last OK. */
    private AmcpReply clear() {
        AmcpReply cg = send("CG " + station.cg() + " CLEAR");
        AmcpReply media = send("CLEAR " + station.audio());
        if (cg.ok() && media.ok()) {
            onAir = null;
            if (expiry != null) {
                expiry.cancel(false);
                expiry = null;
            }
        }
        return cg.ok() ? media : cg;
    }

    private void scheduleExpiry(Dispatch d) {
        if (expiry != null) {
            expiry.cancel(false);
            expiry = null;
        }
        if (d.expires() == null) {
            return;
        }
        long ms = Math.max(0, Duration.between(clock.instant(), d.expires()).toMillis());
        String alertId = d.alertId();
        expiry = thread.schedule(() -> {
            if (alertId.equals(onAir)) {
                clear();
            }
        }, ms, TimeUnit.MILLISECONDS);
    }

    /** Writes the audio into the server's media folder; its media name, or "!reason" when there is none. */
    private String writeAudio(Dispatch d) {
        if (station.mediaDir() == null) {
            return null;
        }
        AudioMessage m = audio.get(d.alertId(), d.alert());
        if (!m.ok()) {
            return "!" + String.join("; ", m.problems());
        }
        String name = "tocsin/" + d.alertId().replaceAll("[^A-Za-z0-9._-]", "_");
        try {
            Wav.writeFile(m.pcm(), station.mediaDir().resolve(name + ".wav"));
        } catch (IOException e) {
            return "!cannot write " + Path.of(name) + ".wav: " + e.getMessage();
        }
        return name;
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        amcp.close();
    }
}
