package io.tocsin.dist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.function.Supplier;

/**
 * An open-loop HTTP load generator on one NIO selector thread: a new connection per request at a fixed rate,
 * whether or not earlier requests were answered (so the offered rate is what the server gets, however slow it
 * is), each request sent with {@code Connection: close} and its response read by Content-Length. Outcomes go
 * to an {@link OverloadTest.Tally}. Not thread-safe: {@link #run} on one thread.
 *
 * <p>Its sockets are bounded by the process's open-file limit: the engine under test runs in the same JVM, so
 * each request costs two descriptors (ours and the server's accepted end). A request due while that many are
 * open is counted in {@code Tally.notSent} instead of failing with EMFILE (CI machines may allow only 1,024).
 */
final class OpenLoopLoad {
    private static final long ANSWER_TIMEOUT_NANOS = Long.getLong("tocsin.overload.answerSeconds", 10) * 1_000_000_000L;

    private final InetSocketAddress server;
    private final Supplier<byte[]> requests;
    private final OverloadTest.Tally tally;

    private final int maxOpen;

    OpenLoopLoad(InetSocketAddress server, Supplier<byte[]> requests, OverloadTest.Tally tally) {
        this.server = server;
        this.requests = requests;
        this.tally = tally;
        this.maxOpen = socketBudget();
    }

    /** Half of the descriptors still free, less a reserve for the engine's own files; at most 4,096. */
    static int socketBudget() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            long free = unix.getMaxFileDescriptorCount() - unix.getOpenFileDescriptorCount() - 384;
            return (int) Math.max(16, Math.min(4096, free / 2));
        }
        return 4096;
    }

    int maxOpen() {
        return maxOpen;
    }

    private static final class Exchange {
        final ByteBuffer out;
        final long startNanos;
        final ByteArrayOutputStream in = new ByteArrayOutputStream();

        Exchange(byte[] request, long startNanos) {
            this.out = ByteBuffer.wrap(request);
            this.startNanos = startNanos;
        }
    }

    /** Offers {@code rate} requests per second for {@code seconds}, then waits for the answers (bounded). */
    void run(double rate, double seconds) throws IOException {
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long fired = 0;
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        try (Selector selector = Selector.open()) {
            while (true) {
                long now = System.nanoTime();
                long due = now < end ? (long) ((now - start) * rate / 1e9) : fired;
                for (; fired < due; fired++) {
                    if (selector.keys().size() >= maxOpen) {
                        tally.notSent.increment();
                        continue;
                    }
                    SocketChannel ch = SocketChannel.open();
                    ch.configureBlocking(false);
                    tally.sent.increment();
                    try {
                        ch.connect(server);
                        ch.register(selector, SelectionKey.OP_CONNECT, new Exchange(requests.get(), now));
                        tally.firstSendLag.accumulateAndGet(now - (start + (long) (fired * 1e9 / rate)), Math::max);
                    } catch (IOException e) {
                        tally.error(e);
                        ch.close();
                    }
                }
                if (now >= end && selector.keys().isEmpty()) {
                    return;
                }
                selector.select(1);
                Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey key = it.next();
                    it.remove();
                    step(key, buffer);
                }
                if (now >= end) {
                    for (SelectionKey k : selector.keys()) {
                        if (k.isValid() && now - ((Exchange) k.attachment()).startNanos > ANSWER_TIMEOUT_NANOS) {
                            tally.error(new IOException("no answer in " + ANSWER_TIMEOUT_NANOS / 1_000_000_000L + " s"));
                            close(k);
                        }
                    }
                }
            }
        }
    }

    private void step(SelectionKey key, ByteBuffer buffer) {
        Exchange x = (Exchange) key.attachment();
        SocketChannel ch = (SocketChannel) key.channel();
        try {
            if (key.isConnectable() && ch.finishConnect()) {
                key.interestOps(SelectionKey.OP_WRITE);
            }
            if (key.isValid() && key.isWritable()) {
                ch.write(x.out);
                if (!x.out.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_READ);
                }
            }
            if (key.isValid() && key.isReadable()) {
                buffer.clear();
                int n = ch.read(buffer);
                if (n > 0) {
                    x.in.write(buffer.array(), 0, n);
                }
                if (complete(x) || n < 0) {
                    finish(x);
                    close(key);
                }
            }
        } catch (IOException e) {
            tally.error(e);
            close(key);
        }
    }

    private static boolean complete(Exchange x) {
        String s = x.in.toString(StandardCharsets.ISO_8859_1);
        int headEnd = s.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            return false;
        }
        String lower = s.substring(0, headEnd).toLowerCase();
        int cl = lower.indexOf("\ncontent-length:");
        int length = cl < 0 ? 0 : Integer.parseInt(lower.substring(cl + 16, lower.indexOf('\r', cl) < 0
                ? lower.length() : lower.indexOf('\r', cl)).trim());
        return x.in.size() >= headEnd + 4 + length;
    }

    private void finish(Exchange x) {
        String s = x.in.toString(StandardCharsets.UTF_8);
        int headEnd = s.indexOf("\r\n\r\n");
        if (headEnd < 0 || s.length() < 12) {
            tally.error(new IOException("closed without a complete response: " + s));
            return;
        }
        tally.record(Integer.parseInt(s.substring(9, 12)), s.substring(0, headEnd + 2), s.substring(headEnd + 4),
                (System.nanoTime() - x.startNanos) / 1_000_000);
    }

    private static void close(SelectionKey key) {
        key.cancel();
        try {
            key.channel().close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
    }
}
