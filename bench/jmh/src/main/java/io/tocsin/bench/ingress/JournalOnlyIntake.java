package io.tocsin.bench.ingress;

import io.tocsin.pipeline.AlertIntake;
import io.tocsin.pipeline.IntakeOutcome;
import io.tocsin.pipeline.Submission;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

/**
 * A minimal intake for isolating the ingress: one writer thread takes submissions from a bounded queue, appends
 * the received CAP bytes to a real Chronicle Queue and only then completes the future with ACCEPTED (so a 202
 * still means "journaled"). No ledger, no planning, no duplicate detection. Bench only.
 */
public final class JournalOnlyIntake implements AlertIntake, AutoCloseable {

    private record Pending(Submission submission, CompletableFuture<IntakeOutcome> answer) {
    }

    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(16_384);
    private final ChronicleQueue journal;
    private final Thread writer;
    private final AtomicLong ids = new AtomicLong();
    private volatile boolean running = true;

    public JournalOnlyIntake(Path dir) {
        journal = SingleChronicleQueueBuilder.single(dir.toFile()).build();
        writer = new Thread(this::writeLoop, "journal-only-writer");
        writer.setDaemon(true);
        writer.start();
    }

    private void writeLoop() {
        ExcerptAppender appender = journal.createAppender();
        java.util.ArrayList<Pending> batch = new java.util.ArrayList<>(256);
        while (running) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, 255);
                for (Pending p : batch) {
                    byte[] raw = p.submission().raw();
                    appender.writeBytes(b -> b.writeUtf8(p.submission().publisher()).writeInt(raw.length).write(raw));
                }
                for (Pending p : batch) {
                    p.answer().complete(new IntakeOutcome(IntakeOutcome.Kind.ACCEPTED, "J" + ids.incrementAndGet(),
                            "ACTIVE", null));
                }
                batch.clear();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public CompletableFuture<IntakeOutcome> submit(Submission submission) {
        CompletableFuture<IntakeOutcome> answer = new CompletableFuture<>();
        if (!queue.offer(new Pending(submission, answer))) {
            return CompletableFuture.completedFuture(IntakeOutcome.saturated("queue full"));
        }
        return answer;
    }

    @Override
    public CompletableFuture<IntakeOutcome> cancel(String alertId, String operator, String reason) {
        return CompletableFuture.completedFuture(new IntakeOutcome(IntakeOutcome.Kind.NOT_FOUND, null, null, "bench"));
    }

    @Override
    public CompletableFuture<IntakeOutcome> approve(String alertId, String operator) {
        return cancel(alertId, operator, null);
    }

    @Override
    public CompletableFuture<IntakeOutcome> reject(String alertId, String operator, String reason) {
        return cancel(alertId, operator, reason);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        writer.join(5_000);
        journal.close();
    }
}
