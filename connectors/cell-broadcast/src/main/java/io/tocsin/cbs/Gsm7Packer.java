package io.tocsin.cbs;

/**
 * Packs septets into octets and back, least significant bit first (3GPP TS 23.038 §6.1.2.1.1):
 *
 * <pre>
 *   septets  s0=1101000 ('h')  s1=1100101 ('e') ...
 *   octet 0  = s1[0] | s0[6..0]          (bit 7 takes the low bit of the next septet)
 *   octet 1  = s2[1..0] | s1[6..1]
 * </pre>
 *
 * Stateless; thread-safe.
 */
public final class Gsm7Packer {

    private Gsm7Packer() {
    }

    /** Octets needed for this many septets. */
    public static int octetsFor(int septets) {
        return (septets * 7 + 7) / 8;
    }

    /** Packs {@code count} septets from {@code septets[from..]} into {@code out[offset..]}; returns octets written. */
    public static int pack(byte[] septets, int from, int count, byte[] out, int offset) {
        int bits = 0;
        int acc = 0;
        int o = offset;
        for (int i = 0; i < count; i++) {
            acc |= (septets[from + i] & 0x7F) << bits;
            bits += 7;
            while (bits >= 8) {
                out[o++] = (byte) acc;
                acc >>>= 8;
                bits -= 8;
            }
        }
        if (bits > 0) {
            out[o++] = (byte) acc;
        }
        return o - offset;
    }

    /** Convenience form of {@link #pack(byte[], int, int, byte[], int)} returning a new array. */
    public static byte[] pack(byte[] septets) {
        byte[] out = new byte[octetsFor(septets.length)];
        pack(septets, 0, septets.length, out, 0);
        return out;
    }

    /** Unpacks {@code count} septets from {@code octets[offset..]}. */
    public static byte[] unpack(byte[] octets, int offset, int count) {
        byte[] out = new byte[count];
        int bits = 0;
        int acc = 0;
        int o = offset;
        for (int i = 0; i < count; i++) {
            if (bits < 7) {
                acc |= (octets[o++] & 0xFF) << bits;
                bits += 8;
            }
            out[i] = (byte) (acc & 0x7F);
            acc >>>= 7;
            bits -= 7;
        }
        return out;
    }
}
