package io.tocsin.journal;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps new alerts out of a journal whose disk is nearly full, so the space left is a reserve for the records
 * of alerts already accepted (their dispatches, receipts, closes) and an append never meets a full disk
 * (a memory-mapped journal page that cannot be backed kills the process with SIGBUS instead of failing cleanly).
 *
 * <p>Cheap: the free space is probed at most once per {@code checkEvery} (one {@code statfs}), never per record;
 * between probes {@link #admitsNewAlert()} answers from the cached value. The probe is pluggable
 * ({@link #FreeSpaceGuard(LongSupplier, long, LongSupplier, long)}) for tests that cannot mount a small disk.
 *
 * <p>Thread-safe: the pipeline thread asks {@link #admitsNewAlert()}, {@code /health} calls {@link #refresh()};
 * both share the rate-limited probe.
 */
public final class FreeSpaceGuard {
    private static final Logger LOG = LoggerFactory.getLogger(FreeSpaceGuard.class);
    /** Default reserve kept free on the journal's disk. */
    public static final long DEFAULT_MIN_FREE_BYTES = 64L << 20;
    private static final long CHECK_EVERY_NANOS = 250_000_000L;

    private final LongSupplier freeBytes;
    private final long minFreeBytes;
    private final LongSupplier nanoTime;
    private final long checkEveryNanos;
    private volatile long lastFree = Long.MAX_VALUE;
    private volatile long refused; // written by the pipeline thread only
    private long nextCheck;
    private boolean checkedOnce;

    /**
     * @param freeBytes    bytes usable on the journal's disk now (negative = unknown: admit)
     * @param minFreeBytes below this, new alerts are refused (0 = never refuse)
     * @param nanoTime     monotonic clock
     * @param checkEvery   nanoseconds between probes
     */
    public FreeSpaceGuard(LongSupplier freeBytes, long minFreeBytes, LongSupplier nanoTime, long checkEvery) {
        this.freeBytes = freeBytes;
        this.minFreeBytes = minFreeBytes;
        this.nanoTime = nanoTime;
        this.checkEveryNanos = checkEvery;
    }

    /** Probes the file store holding {@code directory} (created if missing) every 250 ms. */
    public static FreeSpaceGuard forDirectory(Path directory, long minFreeBytes) {
        FileStore store;
        try {
            Files.createDirectories(directory);
            store = Files.getFileStore(directory);
        } catch (IOException e) {
            LOG.warn("cannot watch free space of {}: {}; new alerts are not limited by disk space", directory,
                    e.toString());
            return unlimited();
        }
        FileStore s = store;
        return new FreeSpaceGuard(() -> {
            try {
                return s.getUsableSpace();
            } catch (IOException e) {
                return -1;
            }
        }, minFreeBytes, System::nanoTime, CHECK_EVERY_NANOS);
    }

    /** Never refuses (journals in memory, tests). */
    public static FreeSpaceGuard unlimited() {
        return new FreeSpaceGuard(() -> -1, 0, System::nanoTime, Long.MAX_VALUE / 4);
    }

    /** True when a new alert may be journaled; re-probes the disk when the last probe is older than the period. */
    public boolean admitsNewAlert() {
        if (minFreeBytes <= 0) {
            return true;
        }
        if (refresh() >= minFreeBytes) {
            return true;
        }
        refused++;
        return false;
    }

    /** Bytes free now, re-probed when the last probe is older than the period (else the cached value). */
    public synchronized long refresh() {
        long now = nanoTime.getAsLong();
        if (checkedOnce && now - nextCheck < 0) {
            return lastFree;
        }
        checkedOnce = true;
        nextCheck = now + checkEveryNanos;
        long free = freeBytes.getAsLong();
        long before = lastFree;
        lastFree = free < 0 ? Long.MAX_VALUE : free;
        if (minFreeBytes > 0 && (before >= minFreeBytes) != (lastFree >= minFreeBytes)) {
            if (lastFree < minFreeBytes) {
                LOG.warn("journal disk nearly full: {} bytes free, {} reserved; refusing new alerts", lastFree,
                        minFreeBytes);
            } else {
                LOG.info("journal disk has room again ({} bytes free); accepting new alerts", lastFree);
            }
        }
        return lastFree;
    }

    /** Bytes free at the last probe (Long.MAX_VALUE when unknown or never probed). */
    public long lastFreeBytes() { return lastFree; }

    public long minFreeBytes() { return minFreeBytes; }

    /** True when the last probe found less than the reserve free. */
    public boolean refusing() { return minFreeBytes > 0 && lastFree < minFreeBytes; }

    /** New alerts refused so far for lack of space. */
    public long refused() { return refused; }

    /** The refusal's reason, for the 503 body. */
    public String reason() {
        return "journal disk nearly full (" + lastFree + " bytes free, " + minFreeBytes
                + " kept in reserve for alerts already accepted); new alerts are refused until space is freed";
    }
}
