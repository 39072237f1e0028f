package io.tocsin.sim.smpp;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.jsmpp.DefaultPDUSender;
import org.jsmpp.SynchronizedPDUSender;
import org.jsmpp.bean.BindType;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ServerConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated carrier SMSC speaking SMPP 3.4 (a jSMPP server): accepts transceiver, transmitter and receiver
 * binds, enforces per-bind and per-account TPS and a per-bind window (answering 0x58 beyond them), answers after
 * a configurable latency, sends delivery receipts (text form and/or TLVs) after a delay, and injects faults —
 * random throttling, cut binds, lost receipts, refused and undeliverable numbers. Every accepted message lands
 * in an {@link Inbox} that reassembles segments and counts per MSISDN, so tests can assert exact delivery.
 *
 * <pre>
 *   SmscSimulator smsc = new SmscSimulator(SmscConfig.defaults("cmcc").withLimits(500, 2000, 32));
 *   smsc.start();              // listens on 127.0.0.1, ephemeral port unless config.port() is set
 *   int port = smsc.port();    // the real port
 *   ...
 *   smsc.inbox().count("8613800000001");
 *   smsc.close();
 * </pre>
 *
 * <p>Thread-safe. Start once, close once.
 */
public final class SmscSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmscSimulator.class);
    /** How long a new connection may take to send its bind (jSMPP's listener default). */
    private static final int INITIATION_TIMER_MS = 5_000;

    final SmscConfig config;
    final Inbox inbox;
    final RateMeter rate = new RateMeter();
    final io.tocsin.sim.Arrivals arrivals = new io.tocsin.sim.Arrivals();
    final LongAdder accepted = new LongAdder();
    final LongAdder throttled = new LongAdder();
    final LongAdder rejected = new LongAdder();
    final LongAdder drops = new LongAdder();
    final SmscFaults faults = new SmscFaults();
    final Map<SMPPServerSession, SimBind> binds = new ConcurrentHashMap<>();
    final Map<String, Limiter> accounts = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(0x10000);
    private final NoDelayServerConnectionFactory sockets;
    private final ExecutorService binders = Executors.newCachedThreadPool(daemon("binder"));
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1, daemon("faults"));
    private final ReceiptSender receipts;
    private final SubmitHandler handler;
    private final Random random;
    private ServerConnection server;
    private Thread acceptor;
    private volatile boolean closed;

    public SmscSimulator(SmscConfig config) {
        this(config, InetAddress.getLoopbackAddress());
    }

    public SmscSimulator(SmscConfig config, InetAddress address) {
        this.config = config;
        this.inbox = new Inbox(config.recordTexts());
        this.sockets = new NoDelayServerConnectionFactory(address);
        this.random = new Random(config.seed());
        this.receipts = new ReceiptSender(this);
        this.handler = new SubmitHandler(this, receipts, config.seed());
    }

    /** Binds the server socket and starts accepting. Returns once the port is known. */
    public synchronized SmscSimulator start() throws IOException {
        server = sockets.listen(config.port(), 0, 256);
        acceptor = new Thread(this::acceptLoop, "smsc-" + config.name() + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        if (config.dropBindEvery() != null && !config.dropBindEvery().isZero()) {
            long every = config.dropBindEvery().toMillis();
            timers.scheduleAtFixedRate(this::dropOne, every, every, TimeUnit.MILLISECONDS);
        }
        LOG.info("SMSC simulator {} listening on port {}", config.name(), port());
        return this;
    }

    /** The real listening port (also when configured as 0). */
    public int port() { return sockets.port(); }

    public SmscConfig config() { return config; }

    public Inbox inbox() { return inbox; }

    public RateMeter rate() { return rate; }

    /** When submit_sm PDUs arrived (every one, before throttling or refusal). */
    public io.tocsin.sim.Arrivals arrivals() { return arrivals; }

    /** Faults switched at run time (bind refusal, throttling storms, lost receipts). */
    public SmscFaults faults() { return faults; }

    /** Counters so far. */
    public SmscStats stats() {
        return new SmscStats(accepted.sum(), throttled.sum(), rejected.sum(), receipts.sent.sum(),
                receipts.lost.sum(), receipts.undeliverable.sum(), drops.sum(), binds.size());
    }

    String nextMessageId() { return Long.toHexString(ids.incrementAndGet()); }

    Limiter account(String systemId) {
        return accounts.computeIfAbsent(systemId, k -> new Limiter(config.accountTps()));
    }

    private final Map<SimBind, Boolean> everBound = new ConcurrentHashMap<>();

    void seen(SimBind bind) {
        if (!everBound.containsKey(bind)) {
            everBound.put(bind, Boolean.TRUE);
        }
    }

    /** Highest submit_sm rate over any one second, per bind that ever submitted (including binds now gone). */
    public List<Long> bindPeaks() {
        List<Long> out = new ArrayList<>();
        for (SimBind b : everBound.keySet()) {
            out.add(b.rate.peakPerSecond());
        }
        return out;
    }

    /** Cuts one bound session at random, as a flaky network or an SMSC restart would. */
    public void dropOne() {
        List<SimBind> live = new ArrayList<>(binds.values());
        if (live.isEmpty()) {
            return;
        }
        SimBind victim;
        synchronized (random) {
            victim = live.get(random.nextInt(live.size()));
        }
        drops.increment();
        binds.remove(victim.session);
        victim.session.close();
    }

    /** Cuts every bound session at once, as a link failure or an SMSC crash would. Returns how many were cut. */
    public int dropAll() {
        List<SimBind> live = new ArrayList<>(binds.values());
        for (SimBind b : live) {
            drops.increment();
            binds.remove(b.session);
            b.session.close();
        }
        return live.size();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Connection connection = server.accept();
                connection.setSoTimeout(INITIATION_TIMER_MS);
                // what SMPPServerSessionListener.accept() builds, with a reader that takes header-only responses
                SMPPServerSession session = new SMPPServerSession(connection, null, handler, null,
                        config.window() > 0 ? config.window() + 1 : 16, 10_000,
                        new SynchronizedPDUSender(new DefaultPDUSender()), new LenientPduReader());
                binders.execute(() -> bind(session));
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("accept failed: {}", e.getMessage());
                }
            }
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(5000);
            if (faults.refusingBinds()) {
                faults.bindsRefused.increment();
                request.reject(0x0D); // ESME_RBINDFAIL
                return;
            }
            if (config.password() != null && !config.password().equals(request.getPassword())) {
                request.reject(0x0E); // ESME_RINVPASWD
                return;
            }
            session.setEnquireLinkTimer(30_000);
            session.setTransactionTimer(5_000);
            SimBind bind = new SimBind(session, request.getSystemId(), request.getBindType(), config.bindTps());
            session.addSessionStateListener((now, before, source) -> {
                if (!now.isBound()) {
                    binds.remove(session);
                }
            });
            binds.put(session, bind);
            request.accept(config.name());
        } catch (Exception e) {
            LOG.debug("bind not completed: {}", e.getMessage());
            session.close();
        }
    }

    boolean isTransmitter(BindType t) { return t == BindType.BIND_TX || t == BindType.BIND_TRX; }

    @Override
    public synchronized void close() {
        closed = true;
        timers.shutdownNow();
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            LOG.debug("close: {}", e.getMessage());
        }
        for (SimBind b : binds.values()) {
            b.session.unbindAndClose();
        }
        binds.clear();
        receipts.close();
        binders.shutdownNow();
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, "smsc-" + name);
            t.setDaemon(true);
            return t;
        };
    }
}
