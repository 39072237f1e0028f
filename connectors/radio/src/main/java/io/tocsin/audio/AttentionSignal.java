package io.tocsin.audio;

/**
 * The EAS attention signal: 853 Hz and 960 Hz sounded together (47 CFR 11.32(a)(9)), for 8 to 25 seconds.
 * Stateless and thread-safe.
 */
public final class AttentionSignal {

    public static final double LOW_HZ = 853;
    public static final double HIGH_HZ = 960;

    private final float amplitude;

    public AttentionSignal(double amplitude) {
        this.amplitude = (float) amplitude;
    }

    public void append(double seconds, Pcm out) {
        int n = (int) Math.round(seconds * out.sampleRate());
        out.ensure(n);
        short[] a = out.array();
        int base = out.length();
        Oscillator low = new Oscillator(out.sampleRate());
        Oscillator high = new Oscillator(out.sampleRate());
        float half = amplitude / 2;
        for (int i = 0; i < n; i++) {
            a[base + i] = Oscillator.toPcm((low.next(LOW_HZ) + high.next(HIGH_HZ)) * half);
        }
        out.advance(n);
    }
}
