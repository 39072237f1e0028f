package io.tocsin.ingress;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many client connections this process can hold open, given its open-file limit: every connection is a
 * file descriptor, and a server that reaches the limit cannot accept, cannot open a journal cycle file and
 * cannot reconnect a carrier bind. The configured connection limit, plus headroom for refusals still closing,
 * is lowered to what fits beside the descriptors already open and a {@value #RESERVE} reserve for the engine's
 * own files and sockets; see {@link AcceptGate}.
 */
final class OpenFileBudget {
    private static final Logger LOG = LoggerFactory.getLogger(OpenFileBudget.class);
    /** Descriptors left for journal cycle files, carrier binds, CBC and playout clients, jars. */
    static final int RESERVE = 256;
    /** Never fewer served connections than this, even on a very tight limit. */
    static final int FLOOR = 16;

    /** Connections served, and open connections (served plus refusals still closing) at which accepting pauses. */
    record Limits(int serve, int ceiling) {
    }

    private OpenFileBudget() {
    }

    /** The limits for {@code configured} served connections in this process. */
    static Limits connections(int configured) {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (!(os instanceof com.sun.management.UnixOperatingSystemMXBean unix)) {
            return fit(configured, -1, -1);
        }
        long max = unix.getMaxFileDescriptorCount();
        long open = unix.getOpenFileDescriptorCount();
        Limits limits = fit(configured, max, open);
        if (limits.serve() < configured) {
            LOG.warn("server.maxConnections {} lowered to {} (accepting pauses at {} open): the open-file limit is {}"
                    + " with {} already open; raise it (ulimit -n, LimitNOFILE) to serve more", configured,
                    limits.serve(), limits.ceiling(), max, open);
        }
        return limits;
    }

    /** The pure rule: headroom of an eighth (at least 16) for refusals, all below the room left by the reserve. */
    static Limits fit(int configured, long maxFiles, long openFiles) {
        int wanted = configured + headroom(configured);
        if (maxFiles <= 0 || openFiles < 0) {
            return new Limits(configured, wanted);
        }
        long room = maxFiles - openFiles - RESERVE;
        if (room >= wanted) {
            return new Limits(configured, wanted);
        }
        int ceiling = (int) Math.max(FLOOR + headroom(FLOOR), room);
        int serve = Math.min(configured, Math.max(FLOOR, ceiling - headroom(ceiling)));
        return new Limits(serve, Math.max(ceiling, serve + headroom(serve)));
    }

    private static int headroom(int connections) {
        return Math.max(16, connections / 8);
    }
}
