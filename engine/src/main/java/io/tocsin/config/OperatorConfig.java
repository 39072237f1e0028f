package io.tocsin.config;

import java.util.List;

/**
 * One operator (a person or console session allowed to approve, reject and cancel) as configured.
 * Immutable.
 *
 * @param roles  APPROVE, CANCEL, DRILL (empty = all)
 * @param person who this account belongs to (default: the name); the same person named as a publisher's
 *               {@code owner} may not approve that publisher's alerts
 */
public record OperatorConfig(String name, String keySha256, List<String> roles, String person) {

    public OperatorConfig {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    public OperatorConfig(String name, String keySha256, List<String> roles) {
        this(name, keySha256, roles, null);
    }
}
