package io.tocsin.security;

/**
 * Who presented a valid key: exactly one of {@code publisher} and {@code operator} is set. Immutable.
 */
public record Caller(Publisher publisher, Operator operator) {

    public static Caller of(Publisher p) {
        return new Caller(p, null);
    }

    public static Caller of(Operator o) {
        return new Caller(null, o);
    }

    public boolean isPublisher() { return publisher != null; }

    public boolean isOperator() { return operator != null; }

    public String name() {
        return publisher != null ? publisher.name() : operator.name();
    }
}
