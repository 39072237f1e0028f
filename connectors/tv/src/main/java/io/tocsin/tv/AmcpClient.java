package io.tocsin.tv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One AMCP connection to a playout server: a command line out ({@code \r\n}-terminated, UTF-8), its reply
 * in (one line; {@code 201} carries one more data line, {@code 200} data lines up to an empty one).
 * Connects lazily and again after a lost link. Not thread-safe: owned by its station's thread.
 */
final class AmcpClient implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MS = 3_000;
    private static final int REPLY_TIMEOUT_MS = 5_000;

    private final String host;
    private final int port;
    private Socket socket;
    private BufferedReader in;
    private OutputStream out;

    AmcpClient(String host, int port) {
        this.host = host;
        this.port = port;
    }

    AmcpReply send(String command) {
        try {
            if (socket == null) {
                connect();
            }
            out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String line = in.readLine();
            if (line == null) {
                close();
                return new AmcpReply(0, "playout server " + host + ":" + port + " closed the link");
            }
            int code = code(line);
            if (code == 201) {
                in.readLine();
            } else if (code == 200) {
                String data;
                while ((data = in.readLine()) != null && !data.isEmpty()) {
                    // data lines of a 200 reply are not needed here
                }
            }
            return new AmcpReply(code < 100 ? 500 : code, line);
        } catch (IOException e) {
            close();
            return new AmcpReply(0, "playout server " + host + ":" + port + " unreachable: " + e.getMessage());
        }
    }

    boolean connected() {
        return socket != null;
    }

    private void connect() throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
            s.setSoTimeout(REPLY_TIMEOUT_MS);
            s.setTcpNoDelay(true);
            socket = s;
            in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            out = s.getOutputStream();
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    private static int code(String line) {
        int sp = line.indexOf(' ');
        try {
            return Integer.parseInt(sp < 0 ? line : line.substring(0, sp));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // going away anyway
            }
        }
        socket = null;
        in = null;
        out = null;
    }
}
