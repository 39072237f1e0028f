package io.tocsin.cbs.connector;

import java.util.List;

/**
 * What a CBC said to one request, reduced to what the connector acts on.
 *
 * @param cellsInstalled cells that took the message, or -1 when the CBC did not say
 * @param cellsFailed    cells that did not (empty when the CBC did not say)
 *
 * <p>Immutable; thread-safe.
 */
public record CbcAnswer(Kind kind, int status, String detail, int cellsInstalled, List<String> cellsFailed) {

    /** The classes of answer; each says whether to retry. */
    public enum Kind {
        /** 201 Created / 200 OK. Done. */
        OK,
        /** 409: the message id is active on the CBC. On a retried create: ours (done); else a conflict. */
        CONFLICT,
        /** 404 on delete: not (or no longer) there. Done. */
        NOT_FOUND,
        /** Another 4xx: the request is wrong. Do not retry. */
        REJECTED,
        /** 5xx: the CBC failed without applying. Retry, preferably elsewhere. */
        SERVER_ERROR,
        /** Sent but no answer (timeout, reset): it may have been applied. Retry; a later 409 means it was. */
        NO_ANSWER,
        /** Could not connect: nothing was sent. Retry on another endpoint. */
        UNREACHABLE;

        public boolean retryable() {
            return this == SERVER_ERROR || this == NO_ANSWER || this == UNREACHABLE;
        }
    }

    public CbcAnswer {
        cellsFailed = cellsFailed == null ? List.of() : List.copyOf(cellsFailed);
    }

    public static CbcAnswer of(Kind kind, int status, String detail) {
        return new CbcAnswer(kind, status, detail, -1, List.of());
    }
}
