package io.tocsin.bench.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import io.tocsin.pipeline.Doorbell;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Hand-off latency from an ingress thread to the pipeline thread and back: the engine's arrangement (Disruptor
 * multi-producer ring, {@code tryPublishEvent}, an {@link EventPoller} on the consumer, and the engine's
 * {@link Doorbell} park/unpark when idle) against an {@link ArrayBlockingQueue} with a consumer blocked in
 * {@code take()}. One operation = publish, the consumer handles it and echoes the sequence, the producer sees
 * the echo: a round trip, so the one-way hand-off is about half.
 *
 * <p>{@code java -jar bench/jmh/target/benchmarks.jar HandoffBench -f 1 -wi 3 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HandoffBench {

    /** A ring slot, like the intake ring's. */
    static final class Slot {
        long value;
    }

    private RingBuffer<Slot> ring;
    private EventPoller<Slot> poller;
    private final Doorbell doorbell = new Doorbell();
    private final AtomicLong ringEcho = new AtomicLong();
    private ArrayBlockingQueue<Long> queue;
    private final AtomicLong queueEcho = new AtomicLong();
    private volatile boolean running;
    private Thread ringConsumer;
    private Thread queueConsumer;
    private long next;

    @Setup(Level.Trial)
    public void setUp() {
        running = true;
        ring = RingBuffer.createMultiProducer(Slot::new, 4096, new BlockingWaitStrategy());
        poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
        ringConsumer = new Thread(this::ringLoop, "ring-consumer");
        ringConsumer.setDaemon(true);
        ringConsumer.start();
        queue = new ArrayBlockingQueue<>(4096);
        queueConsumer = new Thread(this::queueLoop, "queue-consumer");
        queueConsumer.setDaemon(true);
        queueConsumer.start();
    }

    private void ringLoop() {
        EventPoller.Handler<Slot> handler = (slot, seq, end) -> {
            ringEcho.lazySet(slot.value);
            return true;
        };
        while (running) {
            try {
                if (poller.poll(handler) != EventPoller.PollState.PROCESSING) {
                    doorbell.sleep(10_000_000L, () -> ring.getCursor() > poller.getSequence().get() || !running);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private void queueLoop() {
        try {
            while (running) {
                Long v = queue.poll(10, TimeUnit.MILLISECONDS);
                if (v != null) {
                    queueEcho.lazySet(v);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Benchmark
    public long disruptorRing() {
        long v = ++next;
        while (!ring.tryPublishEvent((slot, seq, x) -> slot.value = x, v)) {
            Thread.onSpinWait();
        }
        doorbell.ring();
        while (ringEcho.get() != v) {
            Thread.onSpinWait();
        }
        return v;
    }

    /** Baseline: ArrayBlockingQueue offer, consumer blocked in poll. */
    @Benchmark
    public long baselineArrayBlockingQueue() throws InterruptedException {
        long v = ++next;
        queue.put(v);
        while (queueEcho.get() != v) {
            Thread.onSpinWait();
        }
        return v;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        running = false;
        doorbell.ring();
        ringConsumer.join(1000);
        queueConsumer.join(1000);
    }
}
