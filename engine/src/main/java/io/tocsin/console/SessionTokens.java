package io.tocsin.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Short-lived tokens for the one place a browser cannot send an {@code Authorization} header: an
 * {@code EventSource} opening {@code /api/v1/events}. The console exchanges the operator key (sent as a
 * Bearer header to {@code POST /api/v1/session}) for a random 256-bit token valid for {@code ttl}, and puts it
 * in the stream URL's {@code token} query parameter. Only the token's SHA-256 is kept, so a heap dump does not
 * reveal live tokens; a token names its operator and expires by itself, so a leaked URL (logs, history) is
 * worth little. A stream already open stays open after its token expires; reconnecting needs a new token.
 *
 * <p>Thread-safe. Time comes from the injected clock.
 */
public final class SessionTokens {

    /** What an issued token grants. */
    public record Session(String token, String operator, Instant expiresAt) {
    }

    private final Clock clock;
    private final Duration ttl;
    private final int maxLive;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> byHash = new ConcurrentHashMap<>();
    /** Issue order per token hash: the oldest is evicted first, even when tokens share an expiry instant. */
    private final Map<String, Long> issuedSeq = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong sequence = new java.util.concurrent.atomic.AtomicLong();

    public SessionTokens(Clock clock, Duration ttl, int maxLive) {
        this.clock = clock;
        this.ttl = ttl;
        this.maxLive = maxLive;
    }

    public SessionTokens(Clock clock) {
        this(clock, Duration.ofSeconds(60), 10_000);
    }

    /** Issues a token for an authenticated operator (the caller checked the key). */
    public Session issue(String operator) {
        purgeExpired();
        if (byHash.size() >= maxLive) {
            // Bounded memory: a flood of logins cannot grow the table without limit; the oldest are dropped.
            issuedSeq.entrySet().stream().min(Map.Entry.comparingByValue()).ifPresent(e -> {
                byHash.remove(e.getKey());
                issuedSeq.remove(e.getKey());
            });
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Session session = new Session(token, operator, clock.instant().plus(ttl));
        String h = hash(token);
        byHash.put(h, session);
        issuedSeq.put(h, sequence.incrementAndGet());
        return session;
    }

    /** The operator a still-valid token was issued to. */
    public Optional<String> operator(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        Session s = byHash.get(hash(token));
        if (s == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(s.expiresAt())) {
            byHash.remove(hash(token));
            issuedSeq.remove(hash(token));
            return Optional.empty();
        }
        return Optional.of(s.operator());
    }

    int live() {
        return byHash.size();
    }

    private void purgeExpired() {
        Instant now = clock.instant();
        for (Iterator<Map.Entry<String, Session>> it = byHash.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Session> e = it.next();
            if (!now.isBefore(e.getValue().expiresAt())) {
                it.remove();
                issuedSeq.remove(e.getKey());
            }
        }
    }

    private static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
