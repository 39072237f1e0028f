package io.tocsin.cbs.connector;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this connector has put on its carrier's CBC, per alert: the message code the alert keeps across
 * updates, its current update number and the message identifiers it occupies. An Update is filed under the
 * new alert id too, so a later Update or Cancel naming either finds it. In memory only: after a restart,
 * codes are re-derived from alert ids and a 409 is resolved by delete-and-post. Thread-safe.
 */
public final class ActiveBroadcasts {

    /** One alert's footprint on the CBC. */
    public record Entry(int messageCode, int updateNumber, List<Integer> messageIds, boolean confirmed) {
        public Entry {
            messageIds = List.copyOf(messageIds);
        }
    }

    private final Map<String, Entry> byAlert = new ConcurrentHashMap<>();

    public Entry get(String alertId) {
        return alertId == null ? null : byAlert.get(alertId);
    }

    public void put(String alertId, Entry entry) {
        byAlert.put(alertId, entry);
    }

    /** Puts back what was filed under the alert id before (null: nothing), after an attempt that sent nothing. */
    public void restore(String alertId, Entry before) {
        if (before == null) {
            byAlert.remove(alertId);
        } else {
            byAlert.put(alertId, before);
        }
    }

    /** Forgets every alert id that points at this footprint's message code. */
    public void removeChain(int messageCode) {
        byAlert.values().removeIf(e -> e.messageCode() == messageCode);
    }

    public int size() {
        return byAlert.size();
    }
}
