package io.tocsin.pipeline;

import java.util.concurrent.CompletableFuture;

/** A mutable slot of the intake ring: one submission or operator command on its way to the pipeline thread. */
final class IntakeEvent {
    enum Kind { SUBMIT, CANCEL, APPROVE, REJECT }

    Kind kind;
    Submission submission;
    String alertId;
    String operator;
    String reason;
    CompletableFuture<IntakeOutcome> future;

    void clear() {
        kind = null;
        submission = null;
        alertId = null;
        operator = null;
        reason = null;
        future = null;
    }
}
