package io.tocsin.config;

/**
 * One publisher (an agency allowed to push alerts) as configured. Only the SHA-256 of its key is stored.
 * Immutable.
 *
 * @param keySha256 lowercase or uppercase hex SHA-256 of the bearer key ({@code ./tocsin hash-key KEY} prints it)
 * @param approval  NEVER, ALWAYS, SEVERE_AND_ABOVE or EXTREME: which of its alerts wait for an operator
 */
public record PublisherConfig(String name, String keySha256, ScopeConfig scope, String approval) {

    public PublisherConfig {
        scope = scope == null ? ScopeConfig.unrestricted() : scope;
        approval = approval == null ? "NEVER" : approval;
    }
}
