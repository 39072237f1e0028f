package io.tocsin.audio;

import java.util.Arrays;

/**
 * A growable buffer of 16-bit signed mono samples at one sample rate. Not thread-safe: one writer builds
 * it, then hands it over (the samples are copied out by {@link #samples()} / {@link #littleEndian()}).
 */
public final class Pcm {

    private final int sampleRate;
    private short[] samples;
    private int length;

    public Pcm(int sampleRate, int capacity) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        }
        this.sampleRate = sampleRate;
        this.samples = new short[Math.max(16, capacity)];
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int length() {
        return length;
    }

    public double seconds() {
        return (double) length / sampleRate;
    }

    public void add(short sample) {
        if (length == samples.length) {
            samples = Arrays.copyOf(samples, samples.length * 2);
        }
        samples[length++] = sample;
    }

    /** Appends n samples of silence. */
    public void silence(int n) {
        ensure(n);
        Arrays.fill(samples, length, length + n, (short) 0);
        length += n;
    }

    public void silenceSeconds(double seconds) {
        silence((int) Math.round(seconds * sampleRate));
    }

    public void append(Pcm other) {
        if (other.sampleRate != sampleRate) {
            throw new IllegalArgumentException("sample rates differ: " + other.sampleRate + " vs " + sampleRate);
        }
        append(other.samples, 0, other.length);
    }

    public void append(short[] src, int from, int n) {
        ensure(n);
        System.arraycopy(src, from, samples, length, n);
        length += n;
    }

    /** Grows the buffer so that n more samples fit. */
    public void ensure(int n) {
        if (length + n > samples.length) {
            samples = Arrays.copyOf(samples, Math.max(samples.length * 2, length + n));
        }
    }

    /** Direct access for generators: the backing array (valid up to {@link #length()} until the next write). */
    short[] array() {
        return samples;
    }

    void advance(int n) {
        length += n;
    }

    public short[] samples() {
        return Arrays.copyOf(samples, length);
    }

    public short sample(int i) {
        if (i >= length) {
            throw new IndexOutOfBoundsException(i);
        }
        return samples[i];
    }

    /** The samples as little-endian bytes, as WAV and raw PCM streams carry them. */
    public byte[] littleEndian() {
        byte[] out = new byte[length * 2];
        for (int i = 0; i < length; i++) {
            short s = samples[i];
            out[2 * i] = (byte) s;
            out[2 * i + 1] = (byte) (s >> 8);
        }
        return out;
    }
}
