package io.tocsin.journal;

import java.io.ByteArrayOutputStream;

/**
 * A growable byte buffer whose contents can be read without a copy: the journal encodes each alert's JSON into one
 * of these per appending thread and copies it straight into the record. Not thread-safe.
 */
final class JsonBuffer extends ByteArrayOutputStream {

    JsonBuffer(int size) {
        super(size);
    }

    /** The backing array; its first {@link #size()} bytes are the contents. */
    byte[] array() {
        return buf;
    }
}
