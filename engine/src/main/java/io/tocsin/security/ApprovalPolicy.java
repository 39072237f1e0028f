package io.tocsin.security;

import io.tocsin.cap.Alert;
import io.tocsin.cap.AlertInfo;
import io.tocsin.cap.Severity;

/**
 * Which of a publisher's alerts must wait in PENDING_APPROVAL for a different operator. A CAP Cancel never
 * waits: withdrawing a warning (a drill sent live, a wrong area) is the pre-approved correction path.
 */
public enum ApprovalPolicy {
    NEVER, ALWAYS, SEVERE_AND_ABOVE, EXTREME;

    public boolean needsApproval(Alert alert) {
        if ("Cancel".equals(alert.msgType())) {
            return false;
        }
        return switch (this) {
            case NEVER -> false;
            case ALWAYS -> true;
            case SEVERE_AND_ABOVE -> anyAtLeast(alert, Severity.Severe);
            case EXTREME -> anyAtLeast(alert, Severity.Extreme);
        };
    }

    private static boolean anyAtLeast(Alert alert, Severity threshold) {
        for (AlertInfo info : alert.infos()) {
            Severity s = info.severityValue();
            if (s != null && s != Severity.Unknown && s.ordinal() <= threshold.ordinal()) {
                return true;
            }
        }
        return false;
    }
}
