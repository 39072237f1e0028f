package io.tocsin.pipeline.testing;

import io.tocsin.connector.ChannelKind;
import io.tocsin.connector.Connector;
import io.tocsin.connector.ConnectorHealth;
import io.tocsin.connector.DeliveryReceipt;
import io.tocsin.connector.Dispatch;
import io.tocsin.connector.DispatchState;
import io.tocsin.connector.ReceiptSink;
import io.tocsin.connector.SendResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A connector for tests: records every dispatch it is offered and, on its own I/O thread, answers with
 * ACCEPTED (and DELIVERED) receipts. Knobs: {@link #window} (BACK_PRESSURED beyond it), {@link #rejectIf}
 * (REJECTED), {@link #connected} (NOT_CONNECTED when false), {@link #answer} (NONE = never answers).
 *
 * <p>Thread-safe: {@link #offer} from the dispatcher, knobs and readers from any thread.
 */
public final class RecordingConnector implements Connector {
    public enum Answer { NONE, ACCEPT, DELIVER }

    private final String name;
    private final ChannelKind kind;
    private final ReceiptSink sink;
    private final Clock clock;
    private final ConcurrentLinkedQueue<Dispatch> offered = new ConcurrentLinkedQueue<>();
    private final LinkedBlockingQueue<Dispatch> toAnswer = new LinkedBlockingQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger offers = new AtomicInteger();
    private volatile int window = Integer.MAX_VALUE;
    private volatile Answer answer = Answer.DELIVER;
    private volatile List<io.tocsin.connector.AwaitingReceipt> awaiting = List.of();
    private volatile Predicate<Dispatch> rejectIf = d -> false;
    private volatile boolean connected = true;
    private volatile Consumer<Dispatch> listener = d -> { };
    private volatile Consumer<DeliveryReceipt> receiptListener = r -> { };
    private volatile boolean closed;
    private Thread io;

    public RecordingConnector(String name, ChannelKind kind, ReceiptSink sink, Clock clock) {
        this.name = name;
        this.kind = kind;
        this.sink = sink;
        this.clock = clock;
    }

    public RecordingConnector window(int w) { this.window = w; return this; }

    public RecordingConnector answer(Answer a) { this.answer = a; return this; }

    public RecordingConnector rejectIf(Predicate<Dispatch> p) { this.rejectIf = p; return this; }

    public RecordingConnector connected(boolean c) { this.connected = c; return this; }

    /** Called on the dispatcher thread for every dispatch taken (before any receipt). */
    public RecordingConnector onOffer(Consumer<Dispatch> l) { this.listener = l; return this; }

    /** Called on the I/O thread after each receipt was handed to the sink. */
    public RecordingConnector onReceipt(Consumer<DeliveryReceipt> l) { this.receiptListener = l; return this; }

    @Override
    public String name() { return name; }

    @Override
    public ChannelKind kind() { return kind; }

    @Override
    public synchronized void start() {
        if (io == null) {
            io = new Thread(this::answerLoop, "test-connector-" + name);
            io.setDaemon(true);
            io.start();
        }
    }

    @Override
    public SendResult offer(Dispatch dispatch) {
        if (closed) {
            return SendResult.CLOSED;
        }
        if (!connected) {
            return SendResult.NOT_CONNECTED;
        }
        if (rejectIf.test(dispatch)) {
            return SendResult.REJECTED;
        }
        if (inFlight.get() >= window) {
            return SendResult.BACK_PRESSURED;
        }
        inFlight.incrementAndGet();
        offers.incrementAndGet();
        offered.add(dispatch);
        listener.accept(dispatch);
        if (answer != Answer.NONE) {
            toAnswer.add(dispatch);
        }
        return SendResult.ACCEPTED;
    }

    /** Answers every dispatch taken so far and not answered (for {@link Answer#NONE} tests). */
    public void answerPending(DispatchState state) {
        for (Dispatch d : offered) {
            emit(DeliveryReceipt.of(d.id(), state, null, "p" + d.id(), clock.instant()));
        }
    }

    @Override
    public int inFlight() { return inFlight.get(); }

    @Override
    public ConnectorHealth health() {
        return connected ? ConnectorHealth.up("test") : ConnectorHealth.down("disconnected by test");
    }

    public List<Dispatch> offered() { return new ArrayList<>(offered); }

    /** What the engine handed back at start as still awaiting an outcome (empty if nothing). */
    public List<io.tocsin.connector.AwaitingReceipt> awaiting() { return awaiting; }

    @Override
    public void resumeAwaiting(List<io.tocsin.connector.AwaitingReceipt> accepted) {
        awaiting = List.copyOf(accepted);
    }

    public int offerCount() { return offers.get(); }

    @Override
    public void close() {
        closed = true;
        Thread t = io;
        if (t != null) {
            t.interrupt();
        }
    }

    private void answerLoop() {
        try {
            while (!closed) {
                Dispatch d = toAnswer.poll(50, TimeUnit.MILLISECONDS);
                if (d == null) {
                    continue;
                }
                inFlight.decrementAndGet();
                emit(DeliveryReceipt.of(d.id(), DispatchState.ACCEPTED, null, "p" + d.id(), clock.instant()));
                if (answer == Answer.DELIVER) {
                    emit(DeliveryReceipt.of(d.id(), DispatchState.DELIVERED, null, "p" + d.id(), clock.instant()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void emit(DeliveryReceipt r) {
        while (!sink.offer(r)) {
            if (closed) {
                return;
            }
            LockSupport.parkNanos(100_000); // receipts ring full: the engine asks us to offer again shortly
        }
        receiptListener.accept(r);
    }
}
