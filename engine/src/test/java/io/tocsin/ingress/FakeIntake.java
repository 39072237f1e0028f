package io.tocsin.ingress;

import io.tocsin.pipeline.AlertIntake;
import io.tocsin.pipeline.IntakeOutcome;
import io.tocsin.pipeline.Submission;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An in-memory {@link AlertIntake} for ingress tests: remembers what it was given, recognises duplicates by
 * CAP key, and can be told to answer SATURATED or to hold its answers until the test releases them.
 */
final class FakeIntake implements AlertIntake {

    final List<Submission> submissions = new CopyOnWriteArrayList<>();
    final List<String> commands = new CopyOnWriteArrayList<>();
    final List<CompletableFuture<IntakeOutcome>> held = new CopyOnWriteArrayList<>();
    private final Map<String, String> idsByKey = new ConcurrentHashMap<>();
    private final Map<CompletableFuture<IntakeOutcome>, IntakeOutcome> pending = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    final AtomicReference<IntakeOutcome.Kind> forced = new AtomicReference<>();
    volatile boolean hold;

    @Override
    public CompletableFuture<IntakeOutcome> submit(Submission s) {
        submissions.add(s);
        if (forced.get() == IntakeOutcome.Kind.SATURATED) {
            return CompletableFuture.completedFuture(IntakeOutcome.saturated("ring full"));
        }
        String existing = idsByKey.get(s.alert().key());
        IntakeOutcome outcome = existing != null
                ? new IntakeOutcome(IntakeOutcome.Kind.DUPLICATE, existing, "ACTIVE", null)
                : accept(s);
        return answer(outcome);
    }

    private IntakeOutcome accept(Submission s) {
        String id = "A" + ids.incrementAndGet();
        idsByKey.put(s.alert().key(), id);
        return new IntakeOutcome(IntakeOutcome.Kind.ACCEPTED, id, s.needsApproval() ? "PENDING_APPROVAL" : "ACTIVE",
                null);
    }

    private CompletableFuture<IntakeOutcome> answer(IntakeOutcome outcome) {
        if (!hold) {
            return CompletableFuture.completedFuture(outcome);
        }
        CompletableFuture<IntakeOutcome> f = new CompletableFuture<>();
        held.add(f);
        pending.put(f, outcome);
        return f;
    }

    /** Completes every held answer with the outcome it would have had. */
    void release() {
        for (CompletableFuture<IntakeOutcome> f : held) {
            f.complete(pending.get(f));
        }
    }

    @Override
    public CompletableFuture<IntakeOutcome> cancel(String alertId, String operator, String reason) {
        commands.add("cancel " + alertId + " by " + operator + " reason " + reason);
        return command(alertId, "CANCELLED", null);
    }

    @Override
    public CompletableFuture<IntakeOutcome> approve(String alertId, String operator) {
        commands.add("approve " + alertId + " by " + operator);
        return command(alertId, "ACTIVE", "self".equals(operator) ? "cannot approve own alert" : null);
    }

    @Override
    public CompletableFuture<IntakeOutcome> reject(String alertId, String operator, String reason) {
        commands.add("reject " + alertId + " by " + operator + " reason " + reason);
        return command(alertId, "REJECTED", null);
    }

    private CompletableFuture<IntakeOutcome> command(String id, String state, String refusal) {
        if (!idsByKey.containsValue(id)) {
            return CompletableFuture.completedFuture(new IntakeOutcome(IntakeOutcome.Kind.NOT_FOUND, null, null,
                    "no alert " + id));
        }
        if (refusal != null) {
            return CompletableFuture.completedFuture(new IntakeOutcome(IntakeOutcome.Kind.REJECTED, id, null, refusal));
        }
        return CompletableFuture.completedFuture(new IntakeOutcome(IntakeOutcome.Kind.ACCEPTED, id, state, null));
    }
}
