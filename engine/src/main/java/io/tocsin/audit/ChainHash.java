package io.tocsin.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SHA-256 of a record body, or HMAC-SHA256 when a key is configured: with a key, someone who can write the
 * file still cannot forge a consistent chain. Not thread-safe; one per writer or verifier.
 */
final class ChainHash {
    static final String GENESIS = "0".repeat(64);
    private final MessageDigest sha;
    private final Mac mac;

    ChainHash(byte[] key) {
        try {
            if (key == null || key.length == 0) {
                sha = MessageDigest.getInstance("SHA-256");
                mac = null;
            } else {
                sha = null;
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** The body already contains {@code prev}, so hashing the body chains the records. */
    String of(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] digest = mac != null ? mac.doFinal(bytes) : sha.digest(bytes);
        return HexFormat.of().formatHex(digest);
    }
}
