package io.tocsin.cbs.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.tocsin.cap.Urgency;
import java.time.Duration;
import java.time.Instant;

/**
 * How often a carrier's cells repeat a warning and for how long, from the alert's urgency and expiry.
 *
 * <p>Period: {@code immediate_s} for Immediate, {@code expected_s} for Expected, {@code other_s} otherwise.
 * Number of broadcasts: with {@code until_expiry} and a known expiry, enough repetitions to cover the time
 * left (ceil(remaining / period), at most 65535); otherwise {@code max_broadcasts} (0 = until deleted).
 * {@code unit_seconds} is what one unit of ECBE's {@code repetition_period} means on this CBC (1 s;
 * 1.883 s on CBCs that pass it to CBSP unchanged). Immutable.
 */
public record RepetitionSettings(int immediateSeconds, int expectedSeconds, int otherSeconds,
                                 boolean untilExpiry, int maxBroadcasts, double unitSeconds) {

    public static final RepetitionSettings DEFAULT = new RepetitionSettings(60, 180, 600, true, 0, 1.0);

    static RepetitionSettings from(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return DEFAULT;
        }
        RepetitionSettings r = new RepetitionSettings(
                node.path("immediate_s").asInt(DEFAULT.immediateSeconds),
                node.path("expected_s").asInt(DEFAULT.expectedSeconds),
                node.path("other_s").asInt(DEFAULT.otherSeconds),
                node.path("until_expiry").asBoolean(DEFAULT.untilExpiry),
                node.path("max_broadcasts").asInt(DEFAULT.maxBroadcasts),
                node.path("unit_seconds").asDouble(DEFAULT.unitSeconds));
        if (r.immediateSeconds < 1 || r.expectedSeconds < 1 || r.otherSeconds < 1) {
            throw new IllegalArgumentException("repetition periods must be >= 1 s");
        }
        if (r.maxBroadcasts < 0 || r.maxBroadcasts > 65535 || r.unitSeconds <= 0) {
            throw new IllegalArgumentException("repetition.max_broadcasts must be 0..65535 and unit_seconds > 0");
        }
        return r;
    }

    public int periodSeconds(Urgency urgency) {
        if (urgency == Urgency.Immediate) {
            return immediateSeconds;
        }
        return urgency == Urgency.Expected ? expectedSeconds : otherSeconds;
    }

    /** ECBE {@code repetition_period}: the period in this CBC's units, within 1..4095. */
    public int repetitionPeriod(Urgency urgency) {
        long units = Math.round(periodSeconds(urgency) / unitSeconds);
        return (int) Math.max(1, Math.min(4095, units));
    }

    /** ECBE {@code num_of_bcast} at {@code now}; -1 when the alert has already expired. */
    public int broadcasts(Urgency urgency, Instant expires, Instant now) {
        if (!untilExpiry || expires == null) {
            return maxBroadcasts;
        }
        long remaining = Duration.between(now, expires).toMillis();
        if (remaining <= 0) {
            return -1;
        }
        long period = periodSeconds(urgency) * 1000L;
        long n = (remaining + period - 1) / period;
        if (maxBroadcasts > 0) {
            n = Math.min(n, maxBroadcasts);
        }
        return (int) Math.min(65535, n);
    }
}
