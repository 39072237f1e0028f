package io.tocsin.radio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * A plain listener of an Icecast mount: {@code GET /mount}, then the body until the source goes away. Retries
 * while the mount does not exist yet (404). Runs on its own thread; {@link #body} completes at end of stream.
 */
final class Listener {

    final CompletableFuture<byte[]> body = new CompletableFuture<>();
    final CompletableFuture<Void> connected = new CompletableFuture<>();
    private volatile boolean cancelled;

    Listener(int port, String mount, long giveUpNanos) {
        Thread t = new Thread(() -> run(port, mount, System.nanoTime() + giveUpNanos), "listener" + mount);
        t.setDaemon(true);
        t.start();
    }

    void cancel() {
        cancelled = true;
    }

    private void run(int port, String mount, long deadline) {
        try {
            while (!cancelled && System.nanoTime() < deadline) {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                    s.setSoTimeout(15_000);
                    s.getOutputStream().write(("GET " + mount + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    InputStream in = s.getInputStream();
                    String status = head(in);
                    if (status.contains(" 200")) {
                        connected.complete(null);
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        in.transferTo(out);
                        body.complete(out.toByteArray());
                        return;
                    }
                }
                java.util.concurrent.locks.LockSupport.parkNanos(10_000_000); // back-off before asking again
            }
            body.completeExceptionally(new IOException("mount " + mount + " never came up"));
        } catch (IOException e) {
            body.completeExceptionally(e);
        }
    }

    private static String head(InputStream in) throws IOException {
        StringBuilder all = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            all.append((char) c);
            if (all.length() >= 4 && all.substring(all.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        int eol = all.indexOf("\r\n");
        return eol < 0 ? all.toString() : all.substring(0, eol);
    }
}
