package io.tocsin.ingress;

import io.netty.channel.Channel;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the server's open connections and decides two things from the count:
 * <ul>
 *   <li>up to {@code serve} connections are served; the ones past it are refused (503 with Retry-After, by
 *       {@link ConnectionGuard});</li>
 *   <li>at {@code ceiling} open connections (the served ones plus the refusals still closing) the server stops
 *       accepting, so a connect-and-close flood waits in the kernel's backlog instead of using up the process's
 *       file descriptors faster than the I/O threads can close them; accepting resumes below it.</li>
 * </ul>
 * Thread-safe: every event loop opens and closes connections. The pause flag is raised before the count is read,
 * so a close racing with a pause always sees it and resumes.
 */
final class AcceptGate {
    private final AtomicInteger open = new AtomicInteger();
    private final int serve;
    private final int ceiling;
    private volatile Channel server;
    private volatile boolean paused;

    AcceptGate(int serve, int ceiling) {
        this.serve = serve;
        this.ceiling = Math.max(serve + 1, ceiling);
    }

    /** The gate for {@code configured} served connections, fitted to this process's open-file limit. */
    static AcceptGate fitted(int configured) {
        OpenFileBudget.Limits limits = OpenFileBudget.connections(configured);
        return new AcceptGate(limits.serve(), limits.ceiling());
    }

    /** Pauses and resumes accepting on {@code channel} (the listening socket). */
    void watch(Channel channel) {
        this.server = channel;
        adjust();
    }

    /** A connection opened; true when it is to be served, false when it is to be refused. */
    boolean opened() {
        int n = open.incrementAndGet();
        if (n >= ceiling) {
            adjust();
        }
        return n <= serve;
    }

    /** A connection (served or refused) closed. */
    void closed() {
        open.decrementAndGet();
        if (paused) {
            adjust();
        }
    }

    int open() {
        return open.get();
    }

    int serve() {
        return serve;
    }

    int ceiling() {
        return ceiling;
    }

    boolean accepting() {
        return !paused;
    }

    private synchronized void adjust() {
        paused = true;
        boolean room = open.get() < ceiling;
        paused = !room;
        Channel listening = server;
        if (listening != null) {
            listening.config().setAutoRead(room);
        }
    }
}
