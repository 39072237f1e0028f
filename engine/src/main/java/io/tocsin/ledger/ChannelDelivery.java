package io.tocsin.ledger;

import io.tocsin.connector.DispatchState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the after-action report needs about one alert on one channel (counter key), kept as dispatches move:
 * first and last hand-over, latency histograms of acceptance and delivery since the alert was accepted,
 * failures by reason, retries and duplicate receipts. Thread-safety: none; owned by the pipeline thread.
 */
final class ChannelDelivery {
    private static final int MAX_REASONS = 50;

    long firstSubmitted = -1;
    long lastSubmitted = -1;
    long firstDelivered = -1;
    long lastDelivered = -1;
    long firstAccepted = -1;
    long lastAccepted = -1;
    long retries;
    long duplicates;
    final LatencyHistogram accepted = new LatencyHistogram();
    final LatencyHistogram delivered = new LatencyHistogram();
    final Map<String, Long> failures = new LinkedHashMap<>();

    void record(DispatchState from, DispatchState to, long at, long sinceAccepted, String reason, int count) {
        switch (to) {
            case SUBMITTED:
                firstSubmitted = firstSubmitted < 0 ? at : Math.min(firstSubmitted, at);
                lastSubmitted = Math.max(lastSubmitted, at);
                break;
            case PLANNED:
                if (from == DispatchState.SUBMITTED) {
                    retries += count;
                }
                break;
            case ACCEPTED:
                firstAccepted = firstAccepted < 0 ? at : Math.min(firstAccepted, at);
                lastAccepted = Math.max(lastAccepted, at);
                for (int i = 0; i < count; i++) {
                    accepted.add(sinceAccepted);
                }
                break;
            case DELIVERED:
                firstDelivered = firstDelivered < 0 ? at : Math.min(firstDelivered, at);
                lastDelivered = Math.max(lastDelivered, at);
                for (int i = 0; i < count; i++) {
                    delivered.add(sinceAccepted);
                }
                break;
            case FAILED:
            case EXPIRED:
            case UNKNOWN:
                String key = to.name() + (reason == null ? "" : ": " + reason);
                if (failures.size() >= MAX_REASONS && !failures.containsKey(key)) {
                    key = to.name() + ": (other reasons)";
                }
                failures.merge(key, (long) count, Long::sum);
                break;
            default:
                break;
        }
    }

    ChannelDeliveryView view(long planned) {
        return new ChannelDeliveryView(instant(firstSubmitted), instant(lastSubmitted), instant(firstAccepted),
                instant(lastAccepted), instant(firstDelivered), instant(lastDelivered),
                accepted.total(), delivered.total(), planned,
                toReach(delivered, planned), toReach(accepted, planned),
                Map.copyOf(failures), retries, duplicates);
    }

    private static Map<String, Long> toReach(LatencyHistogram h, long planned) {
        Map<String, Long> out = new LinkedHashMap<>();
        int[] percents = {50, 90, 99, 100};
        for (int p : percents) {
            long need = (planned * p + 99) / 100;
            long ms = planned == 0 ? -1 : h.millisToReach(need);
            out.put(p + "%", ms < 0 ? null : ms);
        }
        return out;
    }

    private static Instant instant(long millis) {
        return millis < 0 ? null : Instant.ofEpochMilli(millis);
    }
}
