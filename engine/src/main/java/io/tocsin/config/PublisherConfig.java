package io.tocsin.config;

/**
 * One publisher (an agency allowed to push alerts) as configured. Only the SHA-256 of its key is stored.
 * Immutable.
 *
 * @param keySha256 lowercase or uppercase hex SHA-256 of the bearer key ({@code ./tocsin hash-key KEY} prints it)
 * @param approval  NEVER, ALWAYS, SEVERE_AND_ABOVE or EXTREME: which of its alerts wait for an operator
 * @param owner     the person who holds this key (default: the name); an operator account with the same
 *                  {@code person} may not approve this publisher's alerts
 * @param approvalStatuses CAP statuses the approval policy applies to (empty = all), e.g. [Actual]
 */
public record PublisherConfig(String name, String keySha256, ScopeConfig scope, String approval, String owner,
                              java.util.List<String> approvalStatuses) {

    public PublisherConfig {
        scope = scope == null ? ScopeConfig.unrestricted() : scope;
        approval = approval == null ? "NEVER" : approval;
        approvalStatuses = approvalStatuses == null ? java.util.List.of() : java.util.List.copyOf(approvalStatuses);
    }

    public PublisherConfig(String name, String keySha256, ScopeConfig scope, String approval, String owner) {
        this(name, keySha256, scope, approval, owner, null);
    }

    public PublisherConfig(String name, String keySha256, ScopeConfig scope, String approval) {
        this(name, keySha256, scope, approval, null, null);
    }
}
