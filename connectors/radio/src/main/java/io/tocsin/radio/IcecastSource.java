package io.tocsin.radio;

import io.tocsin.audio.Pcm;
import io.tocsin.audio.Wav;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.LockSupport;

/**
 * Streams one message to an Icecast2 mount as a source client (Icecast's HTTP PUT source protocol):
 *
 * <pre>
 *   PUT /mount HTTP/1.1            ──▶
 *   Authorization: Basic source:pw
 *   Content-Type: audio/wav
 *                                  ◀── HTTP/1.0 200 OK
 *   RIFF header (open length) + 16-bit PCM, paced at {@code speed} × real time, 100 ms a chunk
 * </pre>
 *
 * The WAV header goes first so a listener (or a transmitter's input) that joins at the start reads a playable
 * file; the data length is left open because a stop can cut the stream. Stateless and thread-safe.
 */
final class IcecastSource {

    private static final int CONNECT_TIMEOUT_MS = 3_000;
    private static final int REPLY_TIMEOUT_MS = 5_000;
    private static final double CHUNK_SECONDS = 0.1;

    private final double speed;

    IcecastSource(double speed) {
        this.speed = speed;
    }

    OutputResult stream(IcecastMount mount, Pcm pcm, AiringControl control) {
        try (Socket socket = new Socket()) {
            control.attach(socket);
            if (control.stopped()) {
                return OutputResult.of(OutputResult.Kind.STOPPED, "stopped before airing");
            }
            try {
                socket.connect(new InetSocketAddress(mount.host(), mount.port()), CONNECT_TIMEOUT_MS);
            } catch (IOException e) {
                return control.stopped() ? OutputResult.of(OutputResult.Kind.STOPPED, "stopped while connecting")
                        : OutputResult.of(OutputResult.Kind.UNREACHABLE, "Icecast " + mount + " unreachable: " + e.getMessage());
            }
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(REPLY_TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write(request(mount).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String status = statusLine(socket.getInputStream());
            if (status != null && status.matches("HTTP/1\\.[01] 403.*")) {
                // Mount in use: after an Icecast restart the old source may still hold it for a moment. Retry.
                return OutputResult.of(OutputResult.Kind.UNREACHABLE, "Icecast " + mount + " busy: " + status);
            }
            if (status == null || !status.matches("HTTP/1\\.[01] 200.*")) {
                return OutputResult.of(OutputResult.Kind.REFUSED, "Icecast " + mount + " refused the source: "
                        + (status == null ? "no reply" : status));
            }
            control.accepted(mount.toString());
            return send(pcm, out, control, mount);
        } catch (IOException e) {
            if (control.stopped()) {
                return OutputResult.of(OutputResult.Kind.STOPPED, "stream aborted by stop");
            }
            return OutputResult.of(OutputResult.Kind.UNREACHABLE, "Icecast " + mount + " link broke: " + e.getMessage());
        }
    }

    private OutputResult send(Pcm pcm, OutputStream out, AiringControl control, IcecastMount mount) throws IOException {
        out.write(Wav.header(pcm.sampleRate(), Wav.STREAMING));
        byte[] data = pcm.littleEndian();
        int chunk = 2 * (int) Math.round(pcm.sampleRate() * CHUNK_SECONDS);
        long start = System.nanoTime();
        double nanosPerByte = 1e9 / (pcm.sampleRate() * 2.0 * speed);
        for (int off = 0; off < data.length; off += chunk) {
            if (control.stopped()) {
                return OutputResult.of(OutputResult.Kind.STOPPED, "stopped after " + seconds(off, pcm) + " s");
            }
            if (control.expired()) {
                return OutputResult.of(OutputResult.Kind.EXPIRED, "expired after " + seconds(off, pcm) + " s");
            }
            try {
                out.write(data, off, Math.min(chunk, data.length - off));
                out.flush();
            } catch (SocketException e) {
                if (control.stopped()) {
                    return OutputResult.of(OutputResult.Kind.STOPPED, "stream aborted by stop");
                }
                throw e;
            }
            long due = start + (long) ((off + chunk) * nanosPerByte);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait); // pacing a live stream, not waiting for a condition
            }
        }
        return OutputResult.done("aired " + seconds(data.length, pcm) + " s on " + mount);
    }

    private static String seconds(int bytes, Pcm pcm) {
        return String.format("%.1f", bytes / 2.0 / pcm.sampleRate());
    }

    private static String request(IcecastMount m) {
        return "PUT " + m.mount() + " HTTP/1.1\r\n"
                + "Host: " + m.host() + ":" + m.port() + "\r\n"
                + "Authorization: " + m.authorization() + "\r\n"
                + "User-Agent: tocsin-radio\r\n"
                + "Content-Type: audio/wav\r\n"
                + "Ice-Public: 0\r\n"
                + "Ice-Name: Tocsin emergency alert\r\n"
                + "\r\n";
    }

    /** Reads the status line and skips the rest of the reply head. */
    private static String statusLine(InputStream in) throws IOException {
        String first = null;
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                String l = line.toString(StandardCharsets.ISO_8859_1).trim();
                line.reset();
                if (first == null) {
                    first = l;
                } else if (l.isEmpty()) {
                    return first;
                }
            } else {
                line.write(c);
            }
            if (line.size() > 8192) {
                return null;
            }
        }
        return first;
    }
}
