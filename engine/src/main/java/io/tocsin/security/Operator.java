package io.tocsin.security;

import java.util.Set;

/** An authenticated operator (approves, rejects, cancels). Immutable. */
public record Operator(String name, Set<OperatorRole> roles) {

    public Operator {
        roles = Set.copyOf(roles);
    }

    public boolean may(OperatorRole role) {
        return roles.contains(role);
    }
}
