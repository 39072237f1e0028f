package io.tocsin.pipeline;

import java.util.concurrent.CompletableFuture;

/**
 * The write side of the engine as ingress sees it. Every method returns at once (it only claims a ring slot);
 * the future completes on the pipeline thread after the journal append, so an ACCEPTED outcome means durable.
 * When the ring is full the future is already completed with SATURATED.
 *
 * <p>Thread-safe: any ingress thread may call it.
 */
public interface AlertIntake {

    CompletableFuture<IntakeOutcome> submit(Submission submission);

    /** Operator cancel of an accepted alert (same effect as a CAP Cancel referencing it). */
    CompletableFuture<IntakeOutcome> cancel(String alertId, String operator, String reason);

    /** Operator approval of an alert waiting in PENDING_APPROVAL; refused when operator == submitter. */
    CompletableFuture<IntakeOutcome> approve(String alertId, String operator);

    /** Operator rejection of an alert waiting in PENDING_APPROVAL. */
    CompletableFuture<IntakeOutcome> reject(String alertId, String operator, String reason);
}
