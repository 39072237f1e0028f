package io.tocsin.bench.ingress;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * One keep-alive HTTP/1.1 connection with a blocking socket: write a request, read the status and skip the
 * body (Content-Length). Minimal parsing so the client costs little next to the server. Not thread-safe.
 */
final class HttpConnection implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    HttpConnection(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        in = new BufferedInputStream(socket.getInputStream(), 8192);
        out = socket.getOutputStream();
    }

    /** Sends one request and returns the response's status code. */
    int exchange(byte[] request) throws IOException {
        return exchange(request, request.length);
    }

    /** Sends the first {@code length} bytes of {@code request} and reads the response; returns its status. */
    int exchange(byte[] request, int length) throws IOException {
        out.write(request, 0, length);
        out.flush();
        return readResponse();
    }

    private int readResponse() throws IOException {
        // "HTTP/1.1 202 Accepted\r\n"
        skip(9);
        int status = (in.read() - '0') * 100 + (in.read() - '0') * 10 + (in.read() - '0');
        int length = 0;
        StringBuilder line = new StringBuilder(64);
        boolean firstLine = true;
        while (true) {
            line.setLength(0);
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            if (firstLine) {
                firstLine = false;
                continue;
            }
            if (line.length() == 0) {
                break;
            }
            if (line.length() > 15 && line.substring(0, 15).equalsIgnoreCase("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        skip(length);
        return status;
    }

    private void skip(int n) throws IOException {
        for (int i = 0; i < n; i++) {
            if (in.read() < 0) {
                throw new IOException("connection closed");
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
