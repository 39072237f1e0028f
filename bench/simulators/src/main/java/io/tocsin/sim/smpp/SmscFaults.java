package io.tocsin.sim.smpp;

import java.util.concurrent.atomic.LongAdder;

/**
 * Faults switched on and off while the simulated SMSC runs (the {@link SmscConfig} knobs are fixed at start):
 * <ul>
 *   <li>{@link #refuseBinds} — every bind is answered {@code ESME_RBINDFAIL} (0x0D), as an SMSC that is
 *       restarting or has blacklisted the account; with {@link SmscSimulator#dropAll()} this is a link that
 *       drops and will not come back until the switch is off;</li>
 *   <li>{@link #throttleAll} — every submit_sm is answered with this status, e.g. {@code ESME_RTHROTTLED}
 *       (0x58) or {@code ESME_RMSGQFUL} (0x14): a throttling storm;</li>
 *   <li>{@link #loseReceipts} — accepted messages get no delivery receipt at all.</li>
 * </ul>
 * {@link #clear()} ends every fault. Thread-safe.
 */
public final class SmscFaults {
    /** ESME_RTHROTTLED. */
    public static final int THROTTLED = 0x58;
    /** ESME_RMSGQFUL. */
    public static final int QUEUE_FULL = 0x14;

    private volatile boolean refuseBinds;
    private volatile int throttleStatus;
    private volatile boolean loseReceipts;
    final LongAdder bindsRefused = new LongAdder();
    final LongAdder stormAnswers = new LongAdder();

    public SmscFaults refuseBinds(boolean on) {
        refuseBinds = on;
        return this;
    }

    /** Answers every submit_sm with {@code commandStatus}; 0 ends the storm. */
    public SmscFaults throttleAll(int commandStatus) {
        throttleStatus = commandStatus;
        return this;
    }

    public SmscFaults loseReceipts(boolean on) {
        loseReceipts = on;
        return this;
    }

    public SmscFaults clear() {
        refuseBinds = false;
        throttleStatus = 0;
        loseReceipts = false;
        return this;
    }

    public boolean refusingBinds() { return refuseBinds; }

    public int throttleStatus() { return throttleStatus; }

    public boolean losingReceipts() { return loseReceipts; }

    /** Binds refused while {@link #refuseBinds} was on. */
    public long bindsRefused() { return bindsRefused.sum(); }

    /** submit_sm answered by {@link #throttleAll}. */
    public long stormAnswers() { return stormAnswers.sum(); }
}
