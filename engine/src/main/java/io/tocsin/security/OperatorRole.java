package io.tocsin.security;

/** What an operator key may do besides reading: approve/reject, cancel, schedule unannounced drills. */
public enum OperatorRole { APPROVE, CANCEL, DRILL }
