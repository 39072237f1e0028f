package io.tocsin.pipeline;

import io.tocsin.connector.Dispatch;

/** A dispatch a connector took and has not answered yet, with the queue whose window it occupies. */
record InFlight(Dispatch dispatch, ConnectorQueue queue) {
}
