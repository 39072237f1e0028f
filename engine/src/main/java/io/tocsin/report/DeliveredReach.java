package io.tocsin.report;

import io.tocsin.ledger.RegionDelivery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds delivered reach to the report's {@code reach} section: SMS dispatches planned, delivered (with a
 * delivery receipt) and failed per region code, counted by the ledger from receipts (not the targeting
 * estimate), beside each region row of the estimate and as a total. Stateless and thread-safe.
 */
final class DeliveredReach {
    private DeliveredReach() {
    }

    static void add(Map<String, Object> reach, Map<String, RegionDelivery> regions) {
        if (regions.isEmpty()) {
            return;
        }
        long planned = 0;
        long delivered = 0;
        long failed = 0;
        Map<String, Object> byRegion = new LinkedHashMap<>();
        for (Map.Entry<String, RegionDelivery> e : regions.entrySet()) {
            RegionDelivery r = e.getValue();
            planned += r.planned();
            delivered += r.delivered();
            failed += r.failed();
            byRegion.put(e.getKey(), counts(r));
        }
        reach.put("smsPlanned", planned);
        reach.put("smsDelivered", delivered);
        reach.put("smsFailed", failed);
        reach.put("smsDeliveredByRegion", byRegion);
        if (reach.get("regions") instanceof List<?> rows) {
            for (Object o : rows) {
                if (o instanceof Map<?, ?> row && row.get("region") instanceof String code) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> m = (Map<String, Object>) row;
                    RegionDelivery r = regions.get(code);
                    m.put("smsPlanned", r == null ? 0 : r.planned());
                    m.put("smsDelivered", r == null ? 0 : r.delivered());
                    m.put("smsFailed", r == null ? 0 : r.failed());
                }
            }
        }
    }

    private static Map<String, Object> counts(RegionDelivery r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("planned", r.planned());
        m.put("delivered", r.delivered());
        m.put("failed", r.failed());
        m.put("deliveredShare", r.planned() == 0 ? 0 : Math.round(1000.0 * r.delivered() / r.planned()) / 1000.0);
        return m;
    }
}
