package io.tocsin.connector;

/** What the peer is asked to do: send new content, replace what it has (CAP Update), or withdraw it (Cancel). */
public enum DispatchAction { SEND, UPDATE, CANCEL }
