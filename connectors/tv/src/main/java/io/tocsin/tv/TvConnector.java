package io.tocsin.tv;

import io.tocsin.audio.StatusMarker;
import io.tocsin.cap.Alert;
import io.tocsin.cap.Status;
import io.tocsin.connector.ChannelKind;
import io.tocsin.connector.Connector;
import io.tocsin.connector.ConnectorHealth;
import io.tocsin.connector.Dispatch;
import io.tocsin.connector.DispatchAction;
import io.tocsin.connector.DispatchState;
import io.tocsin.connector.Rendering;
import io.tocsin.connector.SendResult;
import io.tocsin.radio.AudioLibrary;
import io.tocsin.radio.Receipts;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts alerts on TV: a crawl (headline + instruction in the station's languages, within its length budget)
 * and the warning audio, on each station's playout server over CasparCG's AMCP; cleared at expiry or on
 * Cancel. One dispatch per station ({@code Target.address} = station id). A crawl over budget is refused
 * (REJECTED), never cut; {@link #render} shows it beforehand. Exercise and Test alerts go only to stations
 * marked {@code testOutput}, marked 【演习】/[EXERCISE].
 *
 * <p>Thread-safety: {@link #offer} is called by the one dispatcher thread and never blocks (each station has
 * its own I/O thread); {@link #render}, {@link #health} and {@link #inFlight} may be called from any thread.
 */
public final class TvConnector implements Connector {

    private static final int MAX_QUEUED_PER_STATION = 32;

    private final String name;
    private final TvSettings settings;
    private final Receipts receipts;
    private final Clock clock;
    private final Map<String, StationLine> lines = new LinkedHashMap<>();
    private volatile boolean closed;

    public TvConnector(String name, TvSettings settings, AudioLibrary audio, Receipts receipts, Clock clock) {
        this.name = name;
        this.settings = settings;
        this.receipts = receipts;
        this.clock = clock;
        settings.stations().forEach((id, st) -> lines.put(id, new StationLine(st, audio, receipts, clock)));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.TV;
    }

    @Override
    public void start() {
        // each station connects on its first command
    }

    @Override
    public SendResult offer(Dispatch d) {
        if (closed) {
            return SendResult.CLOSED;
        }
        receipts.flush();
        String id = d.target() == null ? null : d.target().address();
        StationLine line = id == null ? null : lines.get(id);
        if (line == null) {
            return SendResult.REJECTED;
        }
        if (d.action() == DispatchAction.CANCEL) {
            line.cancel(d); // never queued behind a bound: a cancel always goes
            return SendResult.ACCEPTED;
        }
        Station station = settings.stations().get(id);
        Status status = d.alert().statusValue();
        if (status != Status.Actual && !StatusMarker.testOnly(status)) {
            return SendResult.REJECTED;
        }
        if (StatusMarker.testOnly(status) != station.testOutput()) {
            return SendResult.REJECTED;
        }
        if (d.expiredAt(clock.instant())) {
            receipts.report(d.id(), DispatchState.EXPIRED, "expired before it went on air", null);
            return SendResult.ACCEPTED;
        }
        CrawlText crawl = Crawl.of(d.alert(), station);
        if (!crawl.fits()) {
            return SendResult.REJECTED;
        }
        if (line.queued() >= MAX_QUEUED_PER_STATION) {
            return SendResult.BACK_PRESSURED;
        }
        line.submit(d, crawl);
        return SendResult.ACCEPTED;
    }

    @Override
    public int inFlight() {
        return lines.values().stream().mapToInt(StationLine::queued).sum();
    }

    @Override
    public ConnectorHealth health() {
        if (closed) {
            return ConnectorHealth.down("closed");
        }
        List<String> down = new ArrayList<>();
        lines.forEach((id, l) -> {
            if (l.linkProblem() != null) {
                down.add(id + ": " + l.linkProblem());
            }
        });
        int waiting = receipts.flush();
        if (!down.isEmpty()) {
            return down.size() == lines.size() ? ConnectorHealth.down(String.join("; ", down))
                    : ConnectorHealth.degraded(String.join("; ", down));
        }
        return waiting > 0 ? ConnectorHealth.degraded(waiting + " receipts waiting for the engine")
                : ConnectorHealth.up(lines.size() + " stations");
    }

    /** The crawl per station, its length against the station's budget; over budget = does not fit. */
    @Override
    public List<Rendering> render(Alert alert) {
        List<Rendering> out = new ArrayList<>();
        for (Station st : settings.stations().values()) {
            CrawlText c = Crawl.of(alert, st);
            out.add(new Rendering(ChannelKind.TV, name, String.join("+", c.languages()), c.text(), c.units(),
                    c.budget(), "characters", "station " + st.id() + (c.fits() ? "" : ": crawl too long by "
                    + (c.units() - c.budget()) + " characters; shorten the headline or instruction")));
        }
        return out;
    }

    @Override
    public void close() {
        closed = true;
        lines.values().forEach(StationLine::close);
        receipts.flush();
    }
}
