/**
 * Simulators of the peers Tocsin talks to: carriers' SMSCs (SMPP), cell broadcast centres (ECBE REST) and
 * playout servers (AMCP). Each is a real server on a real socket, with knobs for rate limits, latency and
 * injected faults, and counters that tests assert on.
 */
package io.tocsin.sim;
