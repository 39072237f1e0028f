package io.tocsin.audio;

import java.nio.charset.StandardCharsets;

/**
 * SAME AFSK per 47 CFR 11.31(a): 520 5/6 bit/s (1.92 ms a bit), mark (1) 2083 1/3 Hz, space (0) 1562.5 Hz,
 * phase continuous, 8-bit bytes least significant bit first, each burst led by 16 bytes of 0xAB. Bit
 * boundaries are placed on the exact fractional sample positions, so the rate does not drift at 22,050 or
 * 44,100 Hz. Stateless and thread-safe; each call uses its own oscillator.
 */
public final class AfskModulator {

    public static final double BIT_SECONDS = 0.00192;
    public static final double MARK_HZ = 4 / BIT_SECONDS;   // 2083.33 Hz: four cycles per bit
    public static final double SPACE_HZ = 3 / BIT_SECONDS;  // 1562.5 Hz: three cycles per bit
    public static final int PREAMBLE_BYTES = 16;
    public static final byte PREAMBLE = (byte) 0xAB;

    private final float amplitude;

    /** @param amplitude peak level, 0..1 of full scale */
    public AfskModulator(double amplitude) {
        this.amplitude = (float) amplitude;
    }

    /** Appends preamble + text as one burst. */
    public void burst(String text, Pcm out) {
        byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[PREAMBLE_BYTES + ascii.length];
        java.util.Arrays.fill(frame, 0, PREAMBLE_BYTES, PREAMBLE);
        System.arraycopy(ascii, 0, frame, PREAMBLE_BYTES, ascii.length);
        modulate(frame, out);
    }

    /** Appends these bytes, LSB first. */
    public void modulate(byte[] bytes, Pcm out) {
        double samplesPerBit = out.sampleRate() * BIT_SECONDS;
        long totalBits = (long) bytes.length * 8;
        int total = (int) Math.round(totalBits * samplesPerBit);
        out.ensure(total);
        short[] a = out.array();
        int base = out.length();
        Oscillator osc = new Oscillator(out.sampleRate());
        int written = 0;
        long bit = 0;
        for (byte b : bytes) {
            for (int k = 0; k < 8; k++, bit++) {
                double hz = ((b >> k) & 1) == 1 ? MARK_HZ : SPACE_HZ;
                int end = (int) Math.round((bit + 1) * samplesPerBit);
                for (; written < end; written++) {
                    a[base + written] = Oscillator.toPcm(osc.next(hz) * amplitude);
                }
            }
        }
        out.advance(written);
    }
}
