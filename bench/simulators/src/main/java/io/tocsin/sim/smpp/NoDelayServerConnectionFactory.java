package io.tocsin.sim.smpp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.SocketConnection;

/**
 * A jSMPP server socket on loopback (or any address) whose accepted connections have TCP_NODELAY on, and which
 * remembers its real port ({@code SMPPServerSessionListener(0).getPort()} answers 0). Thread-safe after listen.
 */
final class NoDelayServerConnectionFactory implements ServerConnectionFactory {

    private final InetAddress address;
    private volatile ServerSocket socket;

    NoDelayServerConnectionFactory(InetAddress address) {
        this.address = address;
    }

    int port() {
        return socket == null ? -1 : socket.getLocalPort();
    }

    @Override
    public ServerConnection listen(int port) throws IOException {
        return listen(port, 0, 256);
    }

    @Override
    public ServerConnection listen(int port, int timeout) throws IOException {
        return listen(port, timeout, 256);
    }

    @Override
    public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
        ServerSocket ss = new ServerSocket();
        ss.setReuseAddress(true);
        ss.bind(new InetSocketAddress(address, port), backlog);
        ss.setSoTimeout(timeout);
        socket = ss;
        return new ServerConnection() {
            @Override
            public Connection accept() throws IOException {
                Socket s = ss.accept();
                s.setTcpNoDelay(true);
                return new SocketConnection(s);
            }

            @Override
            public void setSoTimeout(int t) throws IOException { ss.setSoTimeout(t); }

            @Override
            public int getSoTimeout() throws IOException { return ss.getSoTimeout(); }

            @Override
            public void close() throws IOException { ss.close(); }
        };
    }
}
