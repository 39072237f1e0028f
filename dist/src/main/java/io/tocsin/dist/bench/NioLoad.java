package io.tocsin.dist.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A non-blocking HTTP/1.1 load generator on one selector thread, so the harness's own client costs little CPU
 * and never makes a request wait for a thread: keep-alive connections with TCP_NODELAY, each request written
 * in one piece (head and body together, no Expect: 100-continue), answers read by Content-Length. Two modes:
 * <ul>
 *   <li>{@link #closedLoop}: {@code connections} clients, each sending its next request when the last was
 *   answered — finds what the server sustains when the clients are enough to keep it busy;</li>
 *   <li>{@link #openLoop}: requests at a fixed rate whether or not earlier ones were answered (the offered rate
 *   is what the server gets): an idle keep-alive connection is reused, else a new one is opened, up to
 *   {@code maxConnections} (past that a request is counted as not sent).</li>
 * </ul>
 * A connection the server closes (a refusal closes it) is replaced by a new one when needed. Outcomes go to a
 * {@link LoadTally}. Not thread-safe: one run at a time on the calling thread.
 */
final class NioLoad {
    private final InetSocketAddress server;
    private final Supplier<byte[]> requests;
    private final LoadTally tally;
    private final long answerTimeoutNanos;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private final ArrayDeque<SelectionKey> idle = new ArrayDeque<>();
    private Selector selector;
    private int open;
    private long lastTimeoutScan;

    NioLoad(InetSocketAddress server, Supplier<byte[]> requests, LoadTally tally, long answerTimeoutNanos) {
        this.server = server;
        this.requests = requests;
        this.tally = tally;
        this.answerTimeoutNanos = answerTimeoutNanos;
    }

    /** One connection's state: what is being written, what came back, when the request went out. */
    private static final class Conn {
        ByteBuffer out;
        final ByteArrayOutputStream in = new ByteArrayOutputStream();
        long sentNanos;
        boolean connected;
    }

    /** {@code connections} clients in a closed loop for {@code seconds}; then waits for the last answers. */
    void closedLoop(int connections, double seconds) throws IOException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        try (Selector s = Selector.open()) {
            selector = s;
            for (int i = 0; i < connections; i++) {
                sendOn(connect(), System.nanoTime());
            }
            while (open > 0) {
                long now = System.nanoTime();
                poll(now);
                for (SelectionKey k; (k = idle.poll()) != null; ) {
                    if (now < end && k.isValid()) {
                        send(k, now);
                    } else {
                        close(k);
                    }
                }
                for (int i = open; now < end && i < connections; i++) {
                    sendOn(connect(), now); // replaces a connection the server closed
                }
            }
        } finally {
            selector = null;
        }
    }

    /** {@code rate} requests per second for {@code seconds}, at most {@code maxConnections} open at once. */
    void openLoop(double rate, double seconds, int maxConnections) throws IOException {
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long fired = 0;
        try (Selector s = Selector.open()) {
            selector = s;
            while (true) {
                long now = System.nanoTime();
                long due = now < end ? (long) ((now - start) * rate / 1e9) + 1 : fired;
                for (; fired < due; fired++) {
                    tally.lag(now - (start + (long) (fired * 1e9 / rate)));
                    SelectionKey k = idle.poll();
                    while (k != null && !k.isValid()) {
                        k = idle.poll();
                    }
                    if (k == null && open >= maxConnections) {
                        tally.notSent();
                        continue;
                    }
                    sendOn(k != null ? k : connect(), now);
                }
                if (now >= end && open == idle.size()) {
                    break;
                }
                poll(now);
            }
            for (SelectionKey k; (k = idle.poll()) != null; ) {
                close(k);
            }
        } finally {
            selector = null;
        }
    }

    /** A new connection (being connected), or null when it could not even be started (counted as an error). */
    private SelectionKey connect() {
        SocketChannel ch = null;
        try {
            ch = SocketChannel.open();
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            boolean now = ch.connect(server);
            SelectionKey k = ch.register(selector, 0, new Conn());
            ((Conn) k.attachment()).connected = now;
            open++;
            return k;
        } catch (IOException e) {
            tally.sent();
            tally.error("connect: " + e.getMessage());
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // it never worked
                }
            }
            return null;
        }
    }

    private void sendOn(SelectionKey k, long now) {
        if (k != null) {
            send(k, now);
        }
    }

    private void send(SelectionKey k, long now) {
        Conn c = (Conn) k.attachment();
        c.out = ByteBuffer.wrap(requests.get());
        c.in.reset();
        c.sentNanos = now;
        tally.sent();
        k.interestOps(c.connected ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT);
    }

    private void poll(long now) throws IOException {
        selector.select(1);
        Iterator<SelectionKey> it = selector.selectedKeys().iterator();
        while (it.hasNext()) {
            SelectionKey k = it.next();
            it.remove();
            step(k);
        }
        if (now - lastTimeoutScan < 100_000_000L) {
            return; // the scan is O(connections): ten times a second is enough for a timeout of seconds
        }
        lastTimeoutScan = now;
        for (SelectionKey k : selector.keys()) {
            Conn c = (Conn) k.attachment();
            if (k.isValid() && k.interestOps() != 0 && now - c.sentNanos > answerTimeoutNanos) {
                tally.error("no answer in " + answerTimeoutNanos / 1_000_000_000L + " s");
                close(k);
            }
        }
    }

    private void step(SelectionKey k) {
        Conn c = (Conn) k.attachment();
        SocketChannel ch = (SocketChannel) k.channel();
        try {
            if (k.isConnectable() && ch.finishConnect()) {
                c.connected = true;
                k.interestOps(SelectionKey.OP_WRITE);
            }
            if (k.isValid() && k.isWritable()) {
                ch.write(c.out);
                if (!c.out.hasRemaining()) {
                    k.interestOps(SelectionKey.OP_READ);
                }
            }
            if (k.isValid() && k.isReadable()) {
                buffer.clear();
                int n = ch.read(buffer);
                if (n > 0) {
                    c.in.write(buffer.array(), 0, n);
                }
                Answer a = Answer.parse(c.in.toByteArray());
                if (a != null) {
                    tally.answer(a, System.nanoTime() - c.sentNanos);
                    k.interestOps(0);
                    if (a.close()) {
                        close(k);
                    } else {
                        idle.add(k);
                    }
                } else if (n < 0) {
                    tally.error("closed without an answer");
                    close(k);
                }
            }
        } catch (IOException e) {
            tally.error(e.getClass().getSimpleName() + ": " + e.getMessage());
            close(k);
        }
    }

    private void close(SelectionKey k) {
        if (k.isValid()) {
            k.cancel();
        }
        try {
            if (k.channel().isOpen()) {
                k.channel().close();
                open--;
            }
        } catch (IOException ignored) {
            open--; // closing is all we wanted
        }
    }

    /** One parsed answer. */
    record Answer(int status, boolean close, boolean retryAfter, String body) {
        /** The answer in {@code bytes}, or null while incomplete. */
        static Answer parse(byte[] bytes) {
            String s = new String(bytes, StandardCharsets.ISO_8859_1);
            int headEnd = s.indexOf("\r\n\r\n");
            if (headEnd < 0) {
                return null;
            }
            String head = s.substring(0, headEnd + 2).toLowerCase(Locale.ROOT);
            int cl = head.indexOf("\ncontent-length:");
            int length = cl < 0 ? 0 : Integer.parseInt(head.substring(cl + 16, head.indexOf('\r', cl)).trim());
            if (bytes.length < headEnd + 4 + length) {
                return null;
            }
            return new Answer(Integer.parseInt(s.substring(9, 12)), head.contains("\nconnection: close"),
                    head.contains("\nretry-after:"), new String(bytes, headEnd + 4, length, StandardCharsets.UTF_8));
        }
    }

    /** A POST of {@code body} to {@code path} with a bearer key, head and body in one buffer. */
    static byte[] post(String path, String key, String contentType, byte[] body) {
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: tocsin\r\nAuthorization: Bearer " + key
                + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] all = java.util.Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }
}
