package io.tocsin.ingress;

/**
 * Turns a request body into one validated alert or located reasons. Must not throw for bad input; must
 * bound its own time and memory (it may run on an event loop for small bodies). Thread-safe.
 */
@FunctionalInterface
public interface AlertParser {

    ParsedAlert parse(BodyFormat format, byte[] body);
}
