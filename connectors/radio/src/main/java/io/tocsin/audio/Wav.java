package io.tocsin.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * RIFF/WAVE for 16-bit mono PCM: writing (files and stream headers) and reading what espeak-ng writes.
 * Stateless and thread-safe.
 *
 * <pre>
 *   "RIFF" size "WAVE"  "fmt " 16 fmt=1 ch=1 rate byteRate blockAlign=2 bits=16  "data" size  samples...
 * </pre>
 */
public final class Wav {

    /** Data size written in a stream header whose length is not known (the largest a RIFF can say). */
    public static final int STREAMING = 0x7FFFFFFF - 36;

    private Wav() {
    }

    /** The 44-byte header for {@code dataBytes} of 16-bit mono PCM. */
    public static byte[] header(int sampleRate, int dataBytes) {
        ByteBuffer b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(36 + dataBytes).put(ascii("WAVE"));
        b.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(sampleRate).putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16);
        b.put(ascii("data")).putInt(dataBytes);
        return b.array();
    }

    public static byte[] bytes(Pcm pcm) {
        byte[] data = pcm.littleEndian();
        ByteArrayOutputStream out = new ByteArrayOutputStream(44 + data.length);
        out.writeBytes(header(pcm.sampleRate(), data.length));
        out.writeBytes(data);
        return out.toByteArray();
    }

    public static void write(Pcm pcm, OutputStream out) throws IOException {
        out.write(header(pcm.sampleRate(), pcm.length() * 2));
        out.write(pcm.littleEndian());
    }

    /** Writes atomically: a temp file in the same folder, then a rename, so a watcher never sees half a file. */
    public static void writeFile(Pcm pcm, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".tocsin-", ".part");
        try {
            Files.write(tmp, bytes(pcm));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Reads 16-bit mono PCM from WAV bytes; a data size larger than the bytes present (as a writer that could
     * not seek leaves it) is read up to the end.
     */
    public static Pcm read(byte[] wav) {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        if (wav.length < 12 || !tag(b, 0, "RIFF") || !tag(b, 8, "WAVE")) {
            throw new IllegalArgumentException("not a RIFF/WAVE file");
        }
        int pos = 12;
        int rate = -1;
        while (pos + 8 <= wav.length) {
            int size = b.getInt(pos + 4);
            if (tag(b, pos, "fmt ")) {
                int format = b.getShort(pos + 8);
                int channels = b.getShort(pos + 10);
                rate = b.getInt(pos + 12);
                int bits = b.getShort(pos + 22);
                if (format != 1 || channels != 1 || bits != 16) {
                    throw new IllegalArgumentException("need 16-bit mono PCM, got format " + format + ", "
                            + channels + " channels, " + bits + " bits");
                }
            } else if (tag(b, pos, "data")) {
                if (rate < 0) {
                    throw new IllegalArgumentException("data chunk before fmt chunk");
                }
                int start = pos + 8;
                int n = (int) Math.min(Integer.toUnsignedLong(size), wav.length - start) / 2;
                Pcm pcm = new Pcm(rate, n);
                for (int i = 0; i < n; i++) {
                    pcm.add(b.getShort(start + 2 * i));
                }
                return pcm;
            }
            if (size < 0 || pos + 8L + size > wav.length) {
                break;
            }
            pos += 8 + size + (size & 1);
        }
        throw new IllegalArgumentException("no data chunk");
    }

    private static boolean tag(ByteBuffer b, int at, String tag) {
        for (int i = 0; i < 4; i++) {
            if (b.get(at + i) != tag.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
