package io.tocsin.audio;

/** Linear-interpolation resampling of speech to the message's rate. Stateless and thread-safe. */
final class Resampler {

    private Resampler() {
    }

    static Pcm to(Pcm in, int rate) {
        if (in.sampleRate() == rate) {
            return in;
        }
        int n = (int) ((long) in.length() * rate / in.sampleRate());
        Pcm out = new Pcm(rate, n);
        double step = (double) in.sampleRate() / rate;
        for (int i = 0; i < n; i++) {
            double x = i * step;
            int j = (int) x;
            double f = x - j;
            int a = in.sample(j);
            int b = j + 1 < in.length() ? in.sample(j + 1) : a;
            out.add((short) Math.round(a + (b - a) * f));
        }
        return out;
    }
}
