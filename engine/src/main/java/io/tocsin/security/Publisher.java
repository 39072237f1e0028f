package io.tocsin.security;

/** An authenticated agency allowed to publish within {@code scope}. Immutable. */
public record Publisher(String name, PublisherScope scope, ApprovalPolicy approval) {
}
