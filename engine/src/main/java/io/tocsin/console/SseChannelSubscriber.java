package io.tocsin.console;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An SSE stream on a Netty channel. The per-client buffer is bounded by bytes: frames written but not yet
 * flushed to the socket count against {@code maxPendingBytes}; past it {@link #offer} refuses and the hub drops
 * the client (closing the connection; the browser reconnects and gets a fresh snapshot).
 *
 * <p>Thread-safe: the hub thread offers; Netty's event loop completes writes.
 */
final class SseChannelSubscriber implements EventSubscriber {

    private final Channel channel;
    private final long maxPendingBytes;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();

    SseChannelSubscriber(Channel channel, long maxPendingBytes) {
        this.channel = channel;
        this.maxPendingBytes = maxPendingBytes;
    }

    @Override
    public boolean offer(String frame) {
        if (closed.get() || !channel.isActive()) {
            return false;
        }
        byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        if (pending.addAndGet(bytes.length) > maxPendingBytes) {
            pending.addAndGet(-bytes.length);
            return false;
        }
        channel.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(bytes)))
                .addListener(f -> pending.addAndGet(-bytes.length));
        return true;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && channel.isActive()) {
            channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE);
        }
    }

    long pendingBytes() {
        return pending.get();
    }
}
