package io.tocsin.audio;

/**
 * A phase-continuous sine source over a shared lookup table, so that frequency changes (AFSK bit
 * boundaries) never click. Not thread-safe: one per generator run.
 */
final class Oscillator {

    private static final int TABLE_BITS = 12;
    private static final int TABLE_SIZE = 1 << TABLE_BITS;
    private static final float[] SINE = new float[TABLE_SIZE + 1];

    static {
        for (int i = 0; i <= TABLE_SIZE; i++) {
            SINE[i] = (float) Math.sin(2 * Math.PI * i / TABLE_SIZE);
        }
    }

    private final double sampleRate;
    private double phase; // in cycles, [0, 1)

    Oscillator(int sampleRate) {
        this.sampleRate = sampleRate;
    }

    /** The next sample (−1..1) of a tone at {@code hz}, advancing the phase. */
    float next(double hz) {
        double p = phase * TABLE_SIZE;
        int i = (int) p;
        float frac = (float) (p - i);
        float v = SINE[i] + (SINE[i + 1] - SINE[i]) * frac;
        phase += hz / sampleRate;
        if (phase >= 1) {
            phase -= Math.floor(phase);
        }
        return v;
    }

    static short toPcm(float v) {
        int s = Math.round(v * 32767f);
        return (short) Math.max(-32768, Math.min(32767, s));
    }
}
