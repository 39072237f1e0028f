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
    /** Characters of the lowercase hex text of a hash. */
    static final int HEX_LENGTH = 64;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final MessageDigest sha;
    private final Mac mac;
    private final byte[] digest = new byte[32];

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

    /**
     * The same for a body already in UTF-8 ({@code body[off..off+len)}): writes the {@value #HEX_LENGTH} lowercase
     * hex characters as ASCII at {@code hex[at]}, allocating nothing.
     */
    void of(byte[] body, int off, int len, byte[] hex, int at) {
        try {
            if (mac != null) {
                mac.update(body, off, len);
                mac.doFinal(digest, 0);
            } else {
                sha.update(body, off, len);
                sha.digest(digest, 0, digest.length);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 failed", e); // a 32-byte output always fits
        }
        for (byte d : digest) {
            hex[at++] = HEX[(d >> 4) & 0xF];
            hex[at++] = HEX[d & 0xF];
        }
    }
}
