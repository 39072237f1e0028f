package io.tocsin.pipeline;

import io.tocsin.connector.ChannelKind;
import io.tocsin.connector.Target;
import io.tocsin.planning.Routes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Connector queues by name and the routing rules: SMS and cell broadcast go to the connector bound to the
 * target's carrier, else to one of that kind bound to no carrier; radio and TV to the first of their kind.
 * Pipeline thread only.
 */
final class Router implements Routes {
    private final Map<String, ConnectorQueue> byName = new LinkedHashMap<>();
    /** Each carrier's SMS queue (null value: none), found once: asked per recipient when batches are queued. */
    private final Map<String, ConnectorQueue> smsByCarrier = new java.util.HashMap<>();

    void add(ConnectorQueue q) {
        if (byName.putIfAbsent(q.name(), q) != null) {
            throw new IllegalArgumentException("two connectors named " + q.name());
        }
        smsByCarrier.clear();
    }

    ConnectorQueue queue(String name) { return byName.get(name); }

    List<ConnectorQueue> queues() { return new ArrayList<>(byName.values()); }

    /** The queue a dispatch of a batch goes to: its connector, or for SMS its carrier's. */
    ConnectorQueue queueFor(String connector, Target target) {
        if (connector != null) {
            return byName.get(connector);
        }
        String carrier = target.carrier();
        ConnectorQueue q = smsByCarrier.get(carrier);
        if (q == null && !smsByCarrier.containsKey(carrier)) {
            String name = sms(carrier);
            q = name == null ? null : byName.get(name);
            smsByCarrier.put(carrier, q);
        }
        return q;
    }

    @Override
    public String sms(String carrier) { return byCarrier(ChannelKind.SMS, carrier); }

    @Override
    public String cellBroadcast(String carrier) { return byCarrier(ChannelKind.CELL_BROADCAST, carrier); }

    @Override
    public List<String> connectors(ChannelKind kind) {
        List<String> out = new ArrayList<>();
        for (ConnectorQueue q : byName.values()) {
            if (q.connector.kind() == kind) {
                out.add(q.name());
            }
        }
        return out;
    }

    @Override
    public boolean smsHasRoom() {
        return everySmsQueue(ConnectorQueue::hasRoom);
    }

    @Override
    public boolean smsHasRoomForCorrection() {
        return everySmsQueue(ConnectorQueue::hasCorrectionRoom);
    }

    private boolean everySmsQueue(java.util.function.Predicate<ConnectorQueue> test) {
        for (ConnectorQueue q : byName.values()) {
            if (q.connector.kind() == ChannelKind.SMS && !test.test(q)) {
                return false;
            }
        }
        return true;
    }

    private String byCarrier(ChannelKind kind, String carrier) {
        String fallback = null;
        for (ConnectorQueue q : byName.values()) {
            if (q.connector.kind() != kind) {
                continue;
            }
            if (q.carrier != null && q.carrier.equals(carrier)) {
                return q.name();
            }
            if (q.carrier == null && fallback == null) {
                fallback = q.name();
            }
        }
        return fallback;
    }
}
