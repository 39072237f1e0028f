package io.tocsin.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Duration;

/**
 * The HTTP server: where it listens and the bounds that keep hostile or slow clients from hurting it.
 * Every limit has a default (see {@link #defaults()} and {@code config/tocsin.yaml}). Immutable.
 *
 * @param requestTimeout  longest time from a request's first byte to its last (slowloris bound) → 408
 * @param idleTimeout     how long an idle keep-alive connection is kept open
 * @param ackTimeout      longest wait for the engine's answer; past it → 503 (the client retries; ingest is idempotent)
 * @param maxInFlight     submissions awaiting the engine's answer across all connections; past it → 429
 * @param decodeThreads   worker threads for decoding bodies larger than {@code inlineDecodeBytes}
 * @param decodeQueue     bounded queue in front of those workers; full → 503
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ServerConfig(
        String host,
        Integer port,
        Integer ioThreads,
        Long maxBodyBytes,
        Integer maxInitialLineBytes,
        Integer maxHeaderBytes,
        Integer maxHeaderCount,
        Integer maxConnections,
        Duration requestTimeout,
        Duration idleTimeout,
        Duration ackTimeout,
        Integer maxInFlight,
        Integer retryAfterSeconds,
        Integer inlineDecodeBytes,
        Integer decodeThreads,
        Integer decodeQueue) {

    public ServerConfig {
        host = host == null ? "0.0.0.0" : host;
        port = port == null ? 8080 : port;
        ioThreads = ioThreads == null ? Math.max(1, Runtime.getRuntime().availableProcessors()) : ioThreads;
        maxBodyBytes = maxBodyBytes == null ? 1L << 20 : maxBodyBytes;
        maxInitialLineBytes = maxInitialLineBytes == null ? 4096 : maxInitialLineBytes;
        maxHeaderBytes = maxHeaderBytes == null ? 8192 : maxHeaderBytes;
        maxHeaderCount = maxHeaderCount == null ? 64 : maxHeaderCount;
        maxConnections = maxConnections == null ? 2048 : maxConnections;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
        idleTimeout = idleTimeout == null ? Duration.ofSeconds(60) : idleTimeout;
        ackTimeout = ackTimeout == null ? Duration.ofSeconds(10) : ackTimeout;
        maxInFlight = maxInFlight == null ? 8192 : maxInFlight;
        retryAfterSeconds = retryAfterSeconds == null ? 1 : retryAfterSeconds;
        inlineDecodeBytes = inlineDecodeBytes == null ? 16 * 1024 : inlineDecodeBytes;
        decodeThreads = decodeThreads == null ? 2 : decodeThreads;
        decodeQueue = decodeQueue == null ? 256 : decodeQueue;
    }

    public static ServerConfig defaults() {
        return new ServerConfig(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    /** The same settings listening on another port (0 = ephemeral, for tests). */
    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, ioThreads, maxBodyBytes, maxInitialLineBytes, maxHeaderBytes,
                maxHeaderCount, maxConnections, requestTimeout, idleTimeout, ackTimeout, maxInFlight,
                retryAfterSeconds, inlineDecodeBytes, decodeThreads, decodeQueue);
    }

    /** The same settings with other timeouts (tests shorten them). */
    public ServerConfig withTimeouts(Duration request, Duration idle, Duration ack) {
        return new ServerConfig(host, port, ioThreads, maxBodyBytes, maxInitialLineBytes, maxHeaderBytes,
                maxHeaderCount, maxConnections, request, idle, ack, maxInFlight, retryAfterSeconds,
                inlineDecodeBytes, decodeThreads, decodeQueue);
    }

    /** The same settings with another body limit and in-flight limit. */
    public ServerConfig withLimits(long bodyBytes, int inFlight) {
        return new ServerConfig(host, port, ioThreads, bodyBytes, maxInitialLineBytes, maxHeaderBytes,
                maxHeaderCount, maxConnections, requestTimeout, idleTimeout, ackTimeout, inFlight,
                retryAfterSeconds, inlineDecodeBytes, decodeThreads, decodeQueue);
    }

    /** The same settings with another connection limit. */
    public ServerConfig withMaxConnections(int connections) {
        return new ServerConfig(host, port, ioThreads, maxBodyBytes, maxInitialLineBytes, maxHeaderBytes,
                maxHeaderCount, connections, requestTimeout, idleTimeout, ackTimeout, maxInFlight,
                retryAfterSeconds, inlineDecodeBytes, decodeThreads, decodeQueue);
    }

    void check(ConfigChecks checks, String path) {
        checks.range(port, 0, 65535, path + ".port");
        checks.range(ioThreads, 1, 64, path + ".ioThreads");
        checks.range(maxBodyBytes, 1024, 64L << 20, path + ".maxBodyBytes");
        checks.range(maxInitialLineBytes, 256, 65536, path + ".maxInitialLineBytes");
        checks.range(maxHeaderBytes, 512, 1 << 20, path + ".maxHeaderBytes");
        checks.range(maxHeaderCount, 4, 1000, path + ".maxHeaderCount");
        checks.range(maxConnections, 1, 1_000_000, path + ".maxConnections");
        checks.range(maxInFlight, 1, 1_000_000, path + ".maxInFlight");
        checks.range(retryAfterSeconds, 1, 3600, path + ".retryAfterSeconds");
        checks.range(inlineDecodeBytes, 0, 64L << 20, path + ".inlineDecodeBytes");
        checks.range(decodeThreads, 1, 64, path + ".decodeThreads");
        checks.range(decodeQueue, 1, 1_000_000, path + ".decodeQueue");
        positive(checks, requestTimeout, path + ".requestTimeout");
        positive(checks, idleTimeout, path + ".idleTimeout");
        positive(checks, ackTimeout, path + ".ackTimeout");
    }

    private static void positive(ConfigChecks checks, Duration d, String path) {
        checks.require(!d.isNegative() && !d.isZero(), path, "must be a positive duration, was " + d);
    }
}
