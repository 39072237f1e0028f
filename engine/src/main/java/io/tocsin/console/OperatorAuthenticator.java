package io.tocsin.console;

import java.util.Optional;

/**
 * Who an operator key belongs to. The engine's configuration (operators with hashed keys) provides the real
 * implementation; the console only asks. Implementations must be thread-safe and compare in constant time.
 */
@FunctionalInterface
public interface OperatorAuthenticator {

    /** The operator's name for this bearer key, or empty when the key is unknown. */
    Optional<String> operator(String key);
}
