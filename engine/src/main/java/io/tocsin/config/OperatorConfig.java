package io.tocsin.config;

import java.util.List;

/**
 * One operator (a person or console session allowed to approve, reject and cancel) as configured.
 * Immutable.
 *
 * @param roles APPROVE, CANCEL (empty = both)
 */
public record OperatorConfig(String name, String keySha256, List<String> roles) {

    public OperatorConfig {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
