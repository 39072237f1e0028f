package io.tocsin.journal;

import java.io.File;
import java.io.IOException;

/**
 * How {@link PageCacheWarmer} reads a journal file: {@link LibcWarmReads} where libc can be called (it turns the
 * kernel's read-ahead off for its own reads), else {@link ChannelWarmReads}.
 */
interface WarmReads extends AutoCloseable {

    /** Reads up to {@code length} bytes at {@code position} into a scratch buffer; the bytes read, or <= 0 at EOF. */
    int read(long position, int length) throws IOException;

    /** The file's current size. */
    long size() throws IOException;

    @Override
    void close();

    /** Opens {@code file} with the best reader this platform has. */
    static WarmReads open(File file, int bufferBytes) throws IOException {
        WarmReads libc = LibcWarmReads.open(file, bufferBytes);
        return libc != null ? libc : ChannelWarmReads.open(file, bufferBytes);
    }
}
