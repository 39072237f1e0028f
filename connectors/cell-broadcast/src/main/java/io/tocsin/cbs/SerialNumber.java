package io.tocsin.cbs;

/**
 * The 16-bit CBS serial number (TS 23.041 §9.4.1.2.1):
 *
 * <pre>
 *   bit 15 14 | 13 ............ 4 | 3 .. 0
 *       GS    |  message code     | update number
 * </pre>
 *
 * A phone shows a message again only when the serial number (or message identifier) changes: an Update keeps
 * GS and message code and increments the update number (mod 16). Immutable; thread-safe.
 */
public record SerialNumber(GeoScope geoScope, int messageCode, int updateNumber) {

    public SerialNumber {
        if (messageCode < 0 || messageCode > 1023) {
            throw new IllegalArgumentException("message code must be 0..1023, was " + messageCode);
        }
        if (updateNumber < 0 || updateNumber > 15) {
            throw new IllegalArgumentException("update number must be 0..15, was " + updateNumber);
        }
    }

    public int encoded() {
        return (geoScope.code() << 14) | (messageCode << 4) | updateNumber;
    }

    public static SerialNumber decode(int serial) {
        return new SerialNumber(GeoScope.ofCode(serial >>> 14), (serial >>> 4) & 0x3FF, serial & 0xF);
    }

    /** The same message with the update number incremented (wrapping 15 → 0, as the spec does). */
    public SerialNumber nextUpdate() {
        return new SerialNumber(geoScope, messageCode, (updateNumber + 1) & 0xF);
    }

    /** A stable 10-bit message code for an alert id (FNV-1a folded): the same alert always gets the same code. */
    public static int messageCodeFor(String alertId) {
        int h = 0x811C9DC5;
        for (int i = 0; i < alertId.length(); i++) {
            h ^= alertId.charAt(i);
            h *= 0x01000193;
        }
        return (h ^ (h >>> 10) ^ (h >>> 20)) & 0x3FF;
    }
}
