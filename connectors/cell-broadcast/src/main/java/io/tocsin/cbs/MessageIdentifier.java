package io.tocsin.cbs;

import io.tocsin.cap.Alert;
import io.tocsin.cap.AlertInfo;
import io.tocsin.cap.Certainty;
import io.tocsin.cap.NamedValue;
import io.tocsin.cap.Severity;
import io.tocsin.cap.Status;
import io.tocsin.cap.Urgency;

/**
 * CBS message identifiers of public warnings (TS 23.041 §9.4.1.2.2, the CMAS / EU-Alert range) and the
 * mapping from a CAP alert to one of them.
 *
 * <pre>
 *   4370  presidential / national level          4379  child abduction (AMBER)
 *   4371  extreme, immediate, observed           4380  required monthly test   (CAP status=Test)
 *   4372  extreme, immediate, likely             4381  exercise                (CAP status=Exercise)
 *   4373  extreme, expected, observed            4382  operator defined
 *   4374  extreme, expected, likely              4383..4395  the same 13, additional language (+13)
 *   4375..4378  severe (same urgency/certainty order)
 *   4396  public safety (Moderate/Minor)         4397  public safety, additional language
 * </pre>
 *
 * A test or exercise alert never gets a public identifier. Stateless; thread-safe.
 */
public final class MessageIdentifier {

    public static final int PRESIDENTIAL = 4370;
    public static final int EXTREME_IMMEDIATE_OBSERVED = 4371;
    public static final int SEVERE_IMMEDIATE_OBSERVED = 4375;
    public static final int AMBER = 4379;
    public static final int MONTHLY_TEST = 4380;
    public static final int EXERCISE = 4381;
    public static final int OPERATOR_DEFINED = 4382;
    /** Distance from a primary-language identifier (4370–4382) to its additional-language twin. */
    public static final int ADDITIONAL_LANGUAGE_OFFSET = 13;
    public static final int PUBLIC_SAFETY = 4396;
    public static final int PUBLIC_SAFETY_ADDITIONAL_LANGUAGE = 4397;

    private MessageIdentifier() {
    }

    /**
     * The identifier for the primary language of this alert, or -1 when the alert must not be broadcast
     * (status System, Draft or unknown).
     */
    public static int primary(Alert alert, AlertInfo info) {
        Status status = alert.statusValue();
        if (status == null) {
            return -1;
        }
        switch (status) {
            case Test:
                return MONTHLY_TEST;
            case Exercise:
                return EXERCISE;
            case Actual:
                return actual(info);
            default:
                return -1;
        }
    }

    /** The identifier of the same alert in its additional (second) language. */
    public static int additionalLanguage(int primary) {
        if (primary >= PRESIDENTIAL && primary <= OPERATOR_DEFINED) {
            return primary + ADDITIONAL_LANGUAGE_OFFSET;
        }
        if (primary == PUBLIC_SAFETY) {
            return PUBLIC_SAFETY_ADDITIONAL_LANGUAGE;
        }
        throw new IllegalArgumentException("no additional-language identifier for " + primary);
    }

    /** True for identifiers a member of the public sees as a real warning (not test, exercise or operator use). */
    public static boolean isPublicWarning(int id) {
        int base = id >= 4383 && id <= 4395 ? id - ADDITIONAL_LANGUAGE_OFFSET : id;
        return (base >= PRESIDENTIAL && base <= AMBER) || id == PUBLIC_SAFETY || id == PUBLIC_SAFETY_ADDITIONAL_LANGUAGE;
    }

    private static int actual(AlertInfo info) {
        if (hasSame(info, "EAN")) {
            return PRESIDENTIAL;
        }
        if (hasSame(info, "CAE")) {
            return AMBER;
        }
        Severity severity = info.severityValue();
        int base;
        if (severity == Severity.Extreme) {
            base = EXTREME_IMMEDIATE_OBSERVED;
        } else if (severity == Severity.Severe) {
            base = SEVERE_IMMEDIATE_OBSERVED;
        } else {
            return PUBLIC_SAFETY;
        }
        boolean immediate = info.urgencyValue() == Urgency.Immediate;
        boolean observed = info.certaintyValue() == Certainty.Observed;
        return base + (immediate ? 0 : 2) + (observed ? 0 : 1);
    }

    private static boolean hasSame(AlertInfo info, String code) {
        for (NamedValue v : info.eventCodes()) {
            if ("SAME".equals(v.valueName()) && code.equals(v.value())) {
                return true;
            }
        }
        return false;
    }
}
