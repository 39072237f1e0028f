package io.tocsin.bench.audio;

import java.nio.charset.StandardCharsets;

/**
 * The raw baseline: the same message layout as {@code AlertAudio} written the obvious way — Math.sin per
 * sample, one short[] grown by copying per part, bit lengths rounded per bit. Not for production.
 */
final class NaiveSameAudio {

    private NaiveSameAudio() {
    }

    static short[] message(String header, double attentionSeconds, int rate) {
        short[] out = silence(new short[0], 0.5, rate);
        for (int i = 0; i < 3; i++) {
            out = concat(out, afsk(header, rate));
            out = silence(out, 1, rate);
        }
        out = concat(out, attention(attentionSeconds, rate));
        out = silence(out, 1, rate);
        for (int i = 0; i < 3; i++) {
            out = concat(out, afsk("NNNN", rate));
            out = silence(out, 1, rate);
        }
        return out;
    }

    private static short[] afsk(String text, int rate) {
        byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[16 + ascii.length];
        for (int i = 0; i < 16; i++) {
            frame[i] = (byte) 0xAB;
        }
        System.arraycopy(ascii, 0, frame, 16, ascii.length);
        int perBit = (int) Math.round(rate * 0.00192);
        short[] out = new short[frame.length * 8 * perBit];
        double phase = 0;
        int n = 0;
        for (byte b : frame) {
            for (int k = 0; k < 8; k++) {
                double hz = ((b >> k) & 1) == 1 ? 2083.3333 : 1562.5;
                for (int i = 0; i < perBit; i++) {
                    out[n++] = (short) Math.round(Math.sin(phase) * 0.6 * 32767);
                    phase += 2 * Math.PI * hz / rate;
                }
            }
        }
        return out;
    }

    private static short[] attention(double seconds, int rate) {
        int n = (int) Math.round(seconds * rate);
        short[] out = new short[n];
        for (int i = 0; i < n; i++) {
            double t = (double) i / rate;
            out[i] = (short) Math.round((Math.sin(2 * Math.PI * 853 * t) + Math.sin(2 * Math.PI * 960 * t)) * 0.3 * 32767);
        }
        return out;
    }

    private static short[] silence(short[] a, double seconds, int rate) {
        return concat(a, new short[(int) Math.round(seconds * rate)]);
    }

    private static short[] concat(short[] a, short[] b) {
        short[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
