package io.tocsin.connector.smpp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bind to a carrier's SMSC: a transceiver session, or a transmitter plus a receiver session, kept up by a
 * supervisor thread (connect, bind, wait for the link to drop, reconnect with exponential back-off). Its window
 * is its number of {@link Submitter} threads (jSMPP blocks each submit until its response); its TPS is its own
 * {@link TokenBucket}, paused with growing back-off when the SMSC answers throttled / queue full.
 *
 * <p>Thread-safe: the supervisor owns the sessions, submitters read them through volatile fields.
 */
final class Bind implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Bind.class);

    final String label;
    final BindSettings settings;
    final TokenBucket bucket;
    final LongAdder bindsMade = new LongAdder();
    final LongAdder drops = new LongAdder();
    private final SmppSettings common;
    private final CarrierLink carrier;
    private final Object lock = new Object();
    private final List<Thread> threads = new ArrayList<>();
    private final NoDelayConnectionFactory connections;
    private volatile SMPPSession tx;
    private volatile SMPPSession rx;
    private volatile boolean closed;
    private long throttleNanos;

    Bind(String label, BindSettings settings, SmppSettings common, CarrierLink carrier) {
        this.label = label;
        this.settings = settings;
        this.common = common;
        this.carrier = carrier;
        // A burst of 20 ms worth lets late-waking threads catch up without going more than 2% over in any second.
        this.bucket = new TokenBucket(settings.tps(), Math.max(1, settings.tps() / 200), System::nanoTime);
        this.connections = new NoDelayConnectionFactory((int) common.transactionTimeout().toMillis());
    }

    void start() {
        Thread supervisor = new Thread(this::supervise, label + "-link");
        supervisor.setDaemon(true);
        threads.add(supervisor);
        for (int i = 0; i < settings.window(); i++) {
            Thread t = new Thread(new Submitter(this, carrier, common), label + "-w" + i);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
    }

    boolean closed() { return closed; }

    /** The session submits go on, or null while down. */
    SMPPSession transmitter() {
        SMPPSession s = tx;
        return s != null && bound() ? s : null;
    }

    boolean bound() {
        SMPPSession t = tx;
        SMPPSession r = rx;
        return t != null && r != null && t.getSessionState().isBound() && r.getSessionState().isBound();
    }

    /** Waits (bounded) until the bind is up; true when it is. */
    boolean awaitBound(long maxMillis) {
        if (bound()) {
            return true;
        }
        synchronized (lock) {
            try {
                lock.wait(maxMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return bound();
    }

    /** The SMSC said throttled or queue full: pause this bind, longer each time in a row. */
    void throttled() {
        long pause;
        synchronized (this) {
            long initial = common.throttleInitial().toNanos();
            throttleNanos = throttleNanos == 0 ? initial : Math.min(throttleNanos * 2, common.throttleMax().toNanos());
            pause = throttleNanos;
        }
        bucket.pauseFor(pause);
    }

    /** A submit went through: the throttle back-off starts from scratch next time. */
    void succeeded() {
        if (throttleNanos != 0) {
            synchronized (this) {
                throttleNanos = 0;
            }
        }
    }

    /** A submit failed on the link: make the supervisor check it now rather than at the next enquire_link. */
    void linkTrouble() {
        SMPPSession t = tx;
        if (t != null && !t.getSessionState().isBound()) {
            wake();
        }
    }

    private void supervise() {
        long backoff = common.reconnectInitial().toNanos();
        while (!closed) {
            try {
                connect();
                bindsMade.increment();
                backoff = common.reconnectInitial().toNanos();
                wake();
                LOG.info("{} bound ({})", label, settings.mode());
                awaitDown();
                if (!closed) {
                    drops.increment();
                    LOG.warn("{} link lost, reconnecting", label);
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("{} bind failed: {}", label, e.getMessage());
            }
            closeSessions(false);
            if (closed) {
                break;
            }
            LockSupport.parkNanos(backoff);
            backoff = Math.min(backoff * 2, common.reconnectMax().toNanos());
        }
    }

    private void connect() throws IOException {
        if (settings.mode() == BindSettings.BindMode.TRANSCEIVER) {
            SMPPSession s = open(BindType.BIND_TRX);
            tx = s;
            rx = s;
        } else {
            SMPPSession t = open(BindType.BIND_TX);
            tx = t;
            rx = open(BindType.BIND_RX);
        }
    }

    private SMPPSession open(BindType type) throws IOException {
        SMPPSession s = new SMPPSession(connections);
        s.setEnquireLinkTimer((int) common.enquireLink().toMillis());
        s.setTransactionTimer(common.transactionTimeout().toMillis());
        s.setPduProcessorDegree(2);
        s.setQueueCapacity(65_536);
        s.setMessageReceiverListener(carrier.receiptListener());
        s.addSessionStateListener((now, before, source) -> {
            if (!now.isBound()) {
                wake();
            }
        });
        s.connectAndBind(settings.host(), settings.port(), new BindParameter(type, settings.systemId(),
                settings.password(), settings.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
                null), common.transactionTimeout().toMillis());
        return s;
    }

    private void awaitDown() {
        synchronized (lock) {
            while (!closed && bound()) {
                try {
                    lock.wait(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void wake() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    private void closeSessions(boolean unbind) {
        SMPPSession t = tx;
        SMPPSession r = rx;
        tx = null;
        rx = null;
        end(t, unbind);
        if (r != t) {
            end(r, unbind);
        }
    }

    private static void end(SMPPSession s, boolean unbind) {
        if (s == null) {
            return;
        }
        if (unbind && s.getSessionState().isBound()) {
            s.unbindAndClose();
        } else {
            s.close();
        }
    }

    @Override
    public void close() {
        closed = true;
        wake();
        closeSessions(true);
        for (Thread t : threads) {
            try {
                t.join(common.transactionTimeout().toMillis() + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
