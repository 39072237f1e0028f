package io.tocsin.radio;

import io.tocsin.audio.AudioMessage;
import io.tocsin.audio.SameBuild;
import io.tocsin.audio.SameHeader;
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
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Airs alerts on radio transmitters' emergency inputs: SAME header ×3, attention signal, spoken message,
 * EOM ×3, streamed to each transmitter's Icecast mount and/or dropped as a WAV file; repeated per settings
 * until the alert expires. One dispatch per transmitter ({@code Target.address} = transmitter id).
 *
 * <p>A Cancel stops the referenced alert's airing at once (the stream is cut) and is never aired itself; an
 * Update stops the old alert and airs the new one. Exercise and Test alerts go only to transmitters marked
 * {@code testOutput}, and carry a spoken "演习"/"exercise" marker.
 *
 * <p>Thread-safety: {@link #offer} is called by the one dispatcher thread and never blocks (airing runs on one
 * thread per transmitter); {@link #render}, {@link #health} and {@link #inFlight} may be called from any thread.
 */
public final class RadioConnector implements Connector {

    private final String name;
    private final RadioSettings settings;
    private final AudioLibrary library;
    private final Receipts receipts;
    private final Clock clock;
    private final Map<String, TransmitterLine> lines = new LinkedHashMap<>();
    private volatile boolean closed;

    public RadioConnector(String name, RadioSettings settings, AudioLibrary library, Receipts receipts, Clock clock) {
        this.name = name;
        this.settings = settings;
        this.library = library;
        this.receipts = receipts;
        this.clock = clock;
        settings.transmitters().forEach((id, tx) -> lines.put(id, new TransmitterLine(tx, settings, library, receipts, clock)));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.RADIO;
    }

    @Override
    public void start() {
        // outputs connect per airing; nothing to open up front
    }

    @Override
    public SendResult offer(Dispatch dispatch) {
        if (closed) {
            return SendResult.CLOSED;
        }
        receipts.flush();
        String txId = dispatch.target() == null ? null : dispatch.target().address();
        TransmitterLine line = txId == null ? null : lines.get(txId);
        if (line == null) {
            return SendResult.REJECTED;
        }
        Transmitter tx = settings.transmitters().get(txId);
        if (dispatch.action() == DispatchAction.CANCEL) {
            boolean stopped = line.stop(dispatch.replaces(), DispatchState.CANCELLED, "cancelled by " + dispatch.alertId());
            receipts.report(dispatch.id(), DispatchState.DELIVERED,
                    stopped ? "airing stopped on " + txId : "nothing airing on " + txId, txId);
            return SendResult.ACCEPTED;
        }
        Status status = dispatch.alert().statusValue();
        if (status != Status.Actual && !StatusMarker.testOnly(status)) {
            return SendResult.REJECTED; // Draft, System: never aired
        }
        if (StatusMarker.testOnly(status) != tx.testOutput()) {
            return SendResult.REJECTED; // exercises only to test outputs, real warnings never to them
        }
        if (dispatch.expiredAt(clock.instant())) {
            receipts.report(dispatch.id(), DispatchState.EXPIRED, "expired before airing", null);
            return SendResult.ACCEPTED;
        }
        if (dispatch.action() == DispatchAction.UPDATE) {
            line.stop(dispatch.replaces(), DispatchState.CANCELLED, "superseded by update " + dispatch.alertId());
        }
        Airing airing = new Airing(dispatch, tx, clock, receipts);
        return line.enqueue(airing) ? SendResult.ACCEPTED : SendResult.BACK_PRESSURED;
    }

    @Override
    public int inFlight() {
        int n = 0;
        for (TransmitterLine l : lines.values()) {
            n += l.inFlight();
        }
        return n;
    }

    @Override
    public ConnectorHealth health() {
        if (closed) {
            return ConnectorHealth.down("closed");
        }
        List<String> down = new ArrayList<>();
        lines.forEach((id, l) -> {
            if (l.lastProblem() != null) {
                down.add(id + ": " + l.lastProblem());
            }
        });
        int waiting = receipts.flush();
        if (!down.isEmpty()) {
            return ConnectorHealth.degraded(down.size() + " of " + lines.size() + " transmitters failing; "
                    + String.join("; ", down));
        }
        return waiting > 0 ? ConnectorHealth.degraded(waiting + " receipts waiting for the engine")
                : ConnectorHealth.up(lines.size() + " transmitters");
    }

    /**
     * The SAME header(s) with the location-code count against the 31-code budget (more codes are sent as
     * several messages, said in the detail), and the spoken text per language.
     */
    @Override
    public List<Rendering> render(Alert alert) {
        List<Rendering> out = new ArrayList<>();
        SameBuild same = library.audio().headers().build(alert);
        String headers = String.join("\n", same.headers().stream().map(SameHeader::text).toList());
        String detail = same.ok()
                ? (same.split() ? "sent as " + same.headers().size() + " SAME messages of at most 31 codes" : "one SAME message")
                : "no SAME message";
        if (!same.problems().isEmpty()) {
            detail += "; " + String.join("; ", same.problems());
        }
        out.add(new Rendering(ChannelKind.RADIO, name, "SAME", headers, same.locationCount(), SameHeader.MAX_LOCATIONS,
                "location codes", detail));
        for (AudioMessage.SpokenPart p : library.audio().texts(alert)) {
            out.add(new Rendering(ChannelKind.RADIO, name, p.language(), p.text(), p.text().codePointCount(0,
                    p.text().length()), Integer.MAX_VALUE, "characters spoken", "voice " + p.voice()));
        }
        return out;
    }

    @Override
    public void close() {
        closed = true;
        lines.values().forEach(TransmitterLine::close);
        receipts.flush();
    }
}
