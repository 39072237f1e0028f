package io.tocsin.sim.playout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A playout / character-generator server speaking CasparCG's AMCP over TCP, for tests and the demo. It
 * answers the commands a warning system sends ({@code CG ADD/UPDATE/PLAY/STOP/CLEAR}, {@code PLAY},
 * {@code LOAD}, {@code STOP}, {@code CLEAR}, {@code INFO}, {@code VERSION}), records every command line, keeps
 * what is on air per channel-layer, and fails on demand:
 *
 * <ul>
 *   <li>{@link #refuseConnections} — accepts then closes at once (a server that is down or full);
 *   <li>{@link #failNext} — answers the next n commands with an error line (e.g. {@code 404 PLAY FAILED});
 *   <li>{@link #dropAfter} — closes the connection, unanswered, when the nth next command arrives.
 * </ul>
 *
 * <pre>
 *   client: CG 1-20 ADD 1 "tocsin/crawl" 1 "&lt;templateData&gt;…"\r\n
 *   server: 202 CG OK\r\n
 * </pre>
 *
 * Start in-process with {@code AmcpSimulator sim = AmcpSimulator.start(0)} (0 = an ephemeral port;
 * {@link #port()} tells which). Thread-safe; one thread per connection.
 */
public final class AmcpSimulator implements AutoCloseable {

    private static final Set<String> CG_SUBS = Set.of("ADD", "UPDATE", "PLAY", "STOP", "NEXT", "REMOVE", "CLEAR",
            "INVOKE", "INFO");

    private final ServerSocket server;
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final Map<String, String> onAir = new ConcurrentHashMap<>();
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger failCount = new AtomicInteger();
    private final AtomicReference<String> failReply = new AtomicReference<>("500 FAILED");
    private final AtomicInteger dropIn = new AtomicInteger(-1);
    private volatile boolean refuse;

    private AmcpSimulator(ServerSocket server) {
        this.server = server;
        Thread t = new Thread(this::acceptLoop, "amcp-sim-" + server.getLocalPort());
        t.setDaemon(true);
        t.start();
    }

    /** Listens on loopback; port 0 picks a free one. */
    public static AmcpSimulator start(int port) throws IOException {
        ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return new AmcpSimulator(s);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Every command line received, in order, across connections. */
    public List<String> commands() {
        return List.copyOf(commands);
    }

    public void clearCommands() {
        commands.clear();
    }

    /** What is on air: channel-layer ({@code "1-20"}) → template or clip, CG data after a {@code |}. */
    public Map<String, String> onAir() {
        return Map.copyOf(onAir);
    }

    public int connectionsAccepted() {
        return connections.get();
    }

    public void refuseConnections(boolean refuse) {
        this.refuse = refuse;
    }

    /** The next {@code n} commands are answered with {@code reply} (e.g. {@code "404 PLAY FAILED"}). */
    public void failNext(int n, String reply) {
        failReply.set(reply);
        failCount.set(n);
    }

    /** The {@code n}th next command (1 = the next one) closes its connection without an answer. */
    public void dropAfter(int n) {
        dropIn.set(n);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                connections.incrementAndGet();
                if (refuse) {
                    s.close();
                    continue;
                }
                clients.add(s);
                Thread t = new Thread(() -> serve(s), "amcp-sim-client");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s) {
        try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                StandardCharsets.UTF_8))) {
            OutputStream out = s.getOutputStream();
            String line;
            while ((line = in.readLine()) != null) {
                commands.add(line);
                if (dropIn.get() > 0 && dropIn.decrementAndGet() == 0) {
                    dropIn.set(-1);
                    return;
                }
                String reply = failCount.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0 ? failReply.get() : answer(line);
                out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException e) {
            // client went away
        } finally {
            clients.remove(s);
        }
    }

    private String answer(String line) {
        AmcpCommand c = AmcpCommand.parse(line);
        if (c.error() != null) {
            return "400 ERROR";
        }
        String verb = c.verb();
        List<String> p = c.params();
        switch (verb) {
            case "VERSION":
                return "201 VERSION OK\r\n2.3.3 Tocsin simulator";
            case "INFO":
                return "201 INFO OK\r\n" + String.join(";", onAir.keySet());
            case "PLAY":
            case "LOAD":
            case "LOADBG":
                if (p.size() < 2 || !layer(p.get(1))) {
                    return "402 " + verb + " FAILED";
                }
                if (p.size() >= 3) {
                    onAir.put(p.get(1), p.get(2));
                }
                return "202 " + verb + " OK";
            case "STOP":
            case "CLEAR":
                if (p.size() < 2 || !layer(p.get(1))) {
                    return "402 " + verb + " FAILED";
                }
                onAir.keySet().removeIf(k -> k.equals(p.get(1)) || k.startsWith(p.get(1) + "-"));
                return "202 " + verb + " OK";
            case "CG":
                return cg(p);
            default:
                return "400 ERROR";
        }
    }

    private String cg(List<String> p) {
        if (p.size() < 3 || !layer(p.get(1)) || !CG_SUBS.contains(p.get(2).toUpperCase(Locale.ROOT))) {
            return "402 CG FAILED";
        }
        String where = p.get(1);
        switch (p.get(2).toUpperCase(Locale.ROOT)) {
            case "ADD":
                // CG channel-layer ADD cgLayer template playOnLoad [data]
                if (p.size() < 6) {
                    return "402 CG FAILED";
                }
                onAir.put(where, p.get(4) + "|" + (p.size() > 6 ? p.get(6) : ""));
                return "202 CG OK";
            case "UPDATE":
                // CG channel-layer UPDATE cgLayer data
                if (p.size() < 5 || !onAir.containsKey(where)) {
                    return "404 CG FAILED";
                }
                String template = onAir.get(where).split("\\|", 2)[0];
                onAir.put(where, template + "|" + p.get(4));
                return "202 CG OK";
            case "CLEAR":
                onAir.remove(where);
                return "202 CG OK";
            default:
                return "202 CG OK";
        }
    }

    private static boolean layer(String s) {
        return s.matches("\\d+(-\\d+)?");
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : clients) {
            s.close();
        }
    }
}
