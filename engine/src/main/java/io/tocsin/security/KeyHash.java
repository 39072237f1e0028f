package io.tocsin.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a bearer key: the only form in which keys are stored. Comparison is constant-time
 * ({@link MessageDigest#isEqual}). Immutable and thread-safe.
 */
public final class KeyHash {

    private final byte[] digest;

    private KeyHash(byte[] digest) {
        this.digest = digest;
    }

    /** From the 64 hex digits written in the configuration. */
    public static KeyHash ofHex(String hex) {
        byte[] d = HexFormat.of().parseHex(hex.toLowerCase());
        if (d.length != 32) {
            throw new IllegalArgumentException("a SHA-256 has 32 bytes, got " + d.length);
        }
        return new KeyHash(d);
    }

    /** The hash of a plain key (what a client presents). */
    public static KeyHash ofKey(String key) {
        return new KeyHash(digest(key));
    }

    /** Hex SHA-256 of a plain key, for writing configuration. */
    public static String hexOf(String key) {
        return HexFormat.of().formatHex(digest(key));
    }

    /** Constant-time comparison with another hash. */
    public boolean matches(KeyHash other) {
        return MessageDigest.isEqual(digest, other.digest);
    }

    /** One digest per thread: every request's key is hashed, and a new MessageDigest per request is costly. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    });

    static byte[] digest(String key) {
        return SHA256.get().digest(key.getBytes(StandardCharsets.UTF_8)); // digest() also resets it
    }

    @Override
    public String toString() {
        return "KeyHash[sha256:" + HexFormat.of().formatHex(digest, 0, 4) + "...]";
    }
}
