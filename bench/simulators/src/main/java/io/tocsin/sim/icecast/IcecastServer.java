package io.tocsin.sim.icecast;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Debian {@code icecast2} on loopback for tests: a minimal icecast.xml in a temp folder, a free port
 * found by binding port 0 (then handed to icecast, which cannot be told to pick one itself), a queue and
 * burst big enough that a listener joining during the first seconds reads the stream from its first byte.
 * Icecast refuses to run as root, so when we are root it drops to nobody:nogroup ({@code <changeowner>}) and
 * its folder is made world-writable for its logs. {@link #stop()} kills it (sources and listeners are cut,
 * connections refused) and {@link #start()} brings it back on the same port: "Icecast gone" for fault tests.
 * Not thread-safe: one test drives it.
 */
public final class IcecastServer implements AutoCloseable {

    public static final String PASSWORD = "s3cret-source";
    private static final Path BINARY = Path.of("/usr/bin/icecast2");

    private final Path dir;
    private final int port;
    private final Path conf;
    private Process process;

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    public IcecastServer(Path parent) throws IOException, InterruptedException {
        dir = Files.createTempDirectory(parent, "icecast-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        conf = dir.resolve("icecast.xml");
        Files.writeString(conf, """
                <icecast>
                  <location>loopback</location><admin>tests@localhost</admin>
                  <limits><clients>20</clients><sources>8</sources><queue-size>8388608</queue-size>
                    <burst-size>8388608</burst-size><source-timeout>10</source-timeout>
                    <header-timeout>5</header-timeout><client-timeout>10</client-timeout></limits>
                  <authentication><source-password>%s</source-password>
                    <admin-user>admin</admin-user><admin-password>admin-%d</admin-password></authentication>
                  <hostname>127.0.0.1</hostname>
                  <listen-socket><port>%d</port><bind-address>127.0.0.1</bind-address></listen-socket>
                  <fileserve>0</fileserve>
                  <paths><basedir>%s</basedir><logdir>%s</logdir><webroot>/usr/share/icecast2/web</webroot>
                    <adminroot>/usr/share/icecast2/admin</adminroot></paths>
                  <logging><errorlog>error.log</errorlog><accesslog>access.log</accesslog><loglevel>3</loglevel></logging>
                  <security><chroot>0</chroot>%s</security>
                </icecast>
                """.formatted(PASSWORD, port, port, dir, dir,
                root ? "<changeowner><user>nobody</user><group>nogroup</group></changeowner>" : ""));
        start();
    }

    /** Starts icecast2 (again) on this server's port; returns once it listens. */
    public void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        process = new ProcessBuilder(BINARY.toString(), "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.txt").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!listening()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                close();
                throw new IOException("icecast2 did not start: " + Files.readString(dir.resolve("stdout.txt"))
                        + (Files.exists(dir.resolve("error.log")) ? Files.readString(dir.resolve("error.log")) : ""));
            }
            process.waitFor(20, TimeUnit.MILLISECONDS); // polls the port; returns early if icecast dies
        }
    }

    public int port() {
        return port;
    }

    /** True while the process runs and the port answers. */
    public boolean running() {
        return process != null && process.isAlive() && listening();
    }

    /** The last {@code lines} lines of icecast2's error log and of its console output (for a failing test). */
    public String logTail(int lines) throws IOException {
        StringBuilder out = new StringBuilder();
        for (String name : new String[] {"error.log", "stdout.txt"}) {
            Path file = dir.resolve(name);
            List<String> all = Files.exists(file) ? Files.readAllLines(file) : List.of();
            out.append("--- ").append(name).append(" (last ").append(Math.min(lines, all.size())).append(" of ")
                    .append(all.size()).append(" lines)\n");
            all.subList(Math.max(0, all.size() - lines), all.size()).forEach(l -> out.append(l).append('\n'));
        }
        return out.toString();
    }

    public String url(String mount) {
        return "http://127.0.0.1:" + port + mount;
    }

    private boolean listening() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Kills icecast2: its port refuses connections until {@link #start()}. */
    public void stop() throws InterruptedException {
        close();
    }

    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
