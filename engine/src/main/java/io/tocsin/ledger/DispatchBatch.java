package io.tocsin.ledger;

import io.tocsin.cap.Alert;
import io.tocsin.connector.ChannelKind;
import io.tocsin.connector.DispatchAction;
import io.tocsin.connector.Target;
import java.util.List;

/**
 * Ledger metadata of one planned batch: dispatch ids {@code firstId .. firstId + count - 1} of one alert on one
 * connector. Targets are kept for whole-area channels (a handful per alert, needed to withdraw on cancel) and
 * dropped for SMS (millions; the queue holds them while they wait). Owned by the pipeline thread.
 */
public final class DispatchBatch {
    final AlertEntry alert;
    final String connector;
    final ChannelKind kind;
    final DispatchAction action;
    final int sequence;
    final String replaces;
    final long firstId;
    final int count;
    final String counterKey;
    final List<Target> targets;
    /** The region of each dispatch (SMS subscribers), or null when the targets name none. */
    final RegionIndex regions;

    DispatchBatch(AlertEntry alert, String connector, ChannelKind kind, DispatchAction action, int sequence,
                  String replaces, long firstId, int count, List<Target> keptTargets, RegionIndex regions) {
        this.alert = alert;
        this.connector = connector;
        this.kind = kind;
        this.action = action;
        this.sequence = sequence;
        this.replaces = replaces;
        this.firstId = firstId;
        this.count = count;
        this.counterKey = action == DispatchAction.CANCEL ? kind.name() + "/cancel" : kind.name();
        this.targets = keptTargets;
        this.regions = regions;
    }

    public String alertId() { return alert.id; }

    public String connector() { return connector; }

    public ChannelKind kind() { return kind; }

    public DispatchAction action() { return action; }

    public int sequence() { return sequence; }

    public String replaces() { return replaces; }

    public long firstId() { return firstId; }

    public int count() { return count; }

    /** The targets when kept (whole-area channels), else null. */
    public List<Target> targets() { return targets; }

    /** The CAP content dispatches of this batch carry: the cancelling message for withdrawals. */
    public Alert content() { return alert.contentFor(action); }

    public java.time.Instant expires() { return alert.expires; }

    /** Whether the batch's alert may still send (not cancelled, superseded, expired...). */
    public boolean alertLive() { return alert.live(); }

    public int priorityClass() { return action == DispatchAction.CANCEL ? 0 : alert.priorityClass; }
}
