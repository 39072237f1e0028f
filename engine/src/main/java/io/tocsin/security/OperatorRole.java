package io.tocsin.security;

/** What an operator key may do besides reading. */
public enum OperatorRole { APPROVE, CANCEL }
