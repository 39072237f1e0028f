package io.tocsin.ledger;

import io.tocsin.cap.Alert;
import io.tocsin.cap.MsgType;
import io.tocsin.cap.Reference;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves an incoming Update's or Cancel's {@code references} against the ledger, following each referenced
 * alert to the newest version of its chain, and says explicitly what happens (see {@link ReferenceDecision}).
 * Owned by the pipeline thread.
 */
final class References {
    private final IdTable<AlertEntry> entries;
    private final KeyIndex keys;

    References(IdTable<AlertEntry> entries, KeyIndex keys) {
        this.entries = entries;
        this.keys = keys;
    }

    ReferenceDecision decide(Alert alert) {
        MsgType type = alert.msgTypeValue();
        if (type != MsgType.Update && type != MsgType.Cancel) {
            return new ReferenceDecision(ReferenceDecision.Kind.NEW, List.of(), List.of(), null);
        }
        Set<String> live = new LinkedHashSet<>();
        List<String> notes = new ArrayList<>();
        List<String> closed = new ArrayList<>();
        for (Reference ref : alert.referenceList()) {
            AlertEntry found = ref.wellFormed() ? keys.find(ref.sender(), ref.identifier(), ref.sent()) : null;
            if (found == null) {
                notes.add("reference " + ref.raw() + " is unknown to this engine");
                continue;
            }
            String id = found.id;
            AlertEntry head = head(found);
            if (!head.id.equals(id)) {
                notes.add("reference " + ref.raw() + " (" + id + ") was superseded; newest version is " + head.id);
            }
            if (head.live() || head.state == AlertState.DONE || head.state == AlertState.PENDING_APPROVAL) {
                live.add(head.id);
            } else {
                closed.add(head.id + " is " + head.state);
                notes.add("reference " + ref.raw() + " -> " + head.id + " is already " + head.state);
            }
        }
        if (alert.referenceList().isEmpty()) {
            notes.add(type + " without references");
        }
        if (type == MsgType.Cancel) {
            if (live.isEmpty()) {
                return reject(notes, "nothing to cancel: " + String.join("; ", notes));
            }
            return new ReferenceDecision(ReferenceDecision.Kind.CANCEL, List.copyOf(live), notes, null);
        }
        if (live.size() > 1) {
            return reject(notes, "ambiguous update: references " + live.size() + " live alerts " + live);
        }
        if (live.size() == 1) {
            return new ReferenceDecision(ReferenceDecision.Kind.SUPERSEDE, List.copyOf(live), notes, null);
        }
        for (String c : closed) {
            if (c.endsWith(AlertState.CANCELLED.name()) || c.endsWith(AlertState.REJECTED.name())) {
                return reject(notes, "update of a closed alert: " + c);
            }
        }
        notes.add("no live alert referenced; treated as a new alert");
        return new ReferenceDecision(ReferenceDecision.Kind.NEW, List.of(), notes, null);
    }

    private static ReferenceDecision reject(List<String> notes, String reason) {
        return new ReferenceDecision(ReferenceDecision.Kind.REJECT, List.of(), notes, reason);
    }

    private AlertEntry head(AlertEntry e) {
        AlertEntry cur = e;
        while (cur.supersededBy != null) {
            cur = entries.get(cur.supersededBy);
        }
        return cur;
    }
}
