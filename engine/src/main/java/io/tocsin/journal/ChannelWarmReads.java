package io.tocsin.journal;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/** Portable reads through a FileChannel; the kernel reads ahead as it likes (up to {@code read_ahead_kb}). */
final class ChannelWarmReads implements WarmReads {
    private final FileChannel channel;
    private final ByteBuffer buffer;

    private ChannelWarmReads(FileChannel channel, ByteBuffer buffer) {
        this.channel = channel;
        this.buffer = buffer;
    }

    static ChannelWarmReads open(File file, int bufferBytes) throws IOException {
        return new ChannelWarmReads(FileChannel.open(file.toPath(), StandardOpenOption.READ),
                ByteBuffer.allocateDirect(bufferBytes));
    }

    @Override
    public int read(long position, int length) throws IOException {
        buffer.clear().limit(Math.min(buffer.capacity(), length));
        return channel.read(buffer, position);
    }

    @Override
    public long size() throws IOException {
        return channel.size();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // read-only channel: nothing to lose
        }
    }
}
