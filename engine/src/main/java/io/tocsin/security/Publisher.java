package io.tocsin.security;

import io.tocsin.cap.Alert;
import io.tocsin.cap.Status;
import java.util.Set;

/**
 * An authenticated agency allowed to publish within {@code scope}. Its {@code approval} policy (by severity)
 * applies to alerts whose CAP status is in {@code approvalStatuses} (empty = every status), e.g. Actual alerts
 * wait for an operator while the same publisher's Exercise and Test messages go straight out. Immutable.
 */
public record Publisher(String name, PublisherScope scope, ApprovalPolicy approval, Set<Status> approvalStatuses) {

    public Publisher {
        approvalStatuses = approvalStatuses == null ? Set.of() : Set.copyOf(approvalStatuses);
    }

    public Publisher(String name, PublisherScope scope, ApprovalPolicy approval) {
        this(name, scope, approval, Set.of());
    }

    /** Whether this alert from this publisher waits in PENDING_APPROVAL (a Cancel never does). */
    public boolean needsApproval(Alert alert) {
        if (!approvalStatuses.isEmpty() && !approvalStatuses.contains(alert.statusValue())) {
            return false;
        }
        return approval.needsApproval(alert);
    }
}
