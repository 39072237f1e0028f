package io.tocsin.sim.smpp;

import java.time.Duration;
import java.util.List;

/**
 * Knobs of one simulated carrier SMSC. Immutable; start from {@link #defaults} and change with the withers.
 *
 * @param name                  carrier name (message ids and logs)
 * @param port                  TCP port to listen on; 0 = ephemeral (read the real one from {@link SmscSimulator#port()})
 * @param password              bind password required, or null to accept any
 * @param bindTps               submit_sm per second accepted per bind (0 = unlimited); beyond → 0x58
 * @param accountTps            submit_sm per second per system_id over all its binds (0 = unlimited); beyond → 0x58
 * @param window                unanswered submit_sm per bind (0 = unlimited); beyond → 0x58
 * @param latency               time taken before answering each submit_sm
 * @param throttleFraction      share of submit_sm answered 0x58 at random (fault)
 * @param dropBindEvery         every so often one bound session is cut abruptly (fault; null = never)
 * @param receiptDelay          time between submit_sm_resp and its delivery receipt
 * @param lostReceiptFraction   share of receipts never sent (fault)
 * @param rejectPrefixes        destinations starting with these are refused with 0x0B (invalid dest address)
 * @param undeliverablePrefixes destinations starting with these get an UNDELIV receipt
 * @param receiptFormat         receipts as text, as TLVs, or both
 * @param recordTexts           keep every reassembled text per MSISDN (small tests; off for millions)
 * @param seed                  random seed for the faults
 */
public record SmscConfig(
        String name,
        int port,
        String password,
        double bindTps,
        double accountTps,
        int window,
        Duration latency,
        double throttleFraction,
        Duration dropBindEvery,
        Duration receiptDelay,
        double lostReceiptFraction,
        List<String> rejectPrefixes,
        List<String> undeliverablePrefixes,
        ReceiptFormat receiptFormat,
        boolean recordTexts,
        long seed) {

    /** How a delivery receipt carries its message id and state. */
    public enum ReceiptFormat { TEXT, TLV, TEXT_AND_TLV }

    public SmscConfig {
        rejectPrefixes = List.copyOf(rejectPrefixes);
        undeliverablePrefixes = List.copyOf(undeliverablePrefixes);
    }

    /** No limits, no latency, no faults, receipts at once in both forms, ephemeral port. */
    public static SmscConfig defaults(String name) {
        return new SmscConfig(name, 0, null, 0, 0, 0, Duration.ZERO, 0, null, Duration.ZERO, 0, List.of(), List.of(),
                ReceiptFormat.TEXT_AND_TLV, false, 42);
    }

    public SmscConfig withPort(int p) {
        return new SmscConfig(name, p, password, bindTps, accountTps, window, latency, throttleFraction,
                dropBindEvery, receiptDelay, lostReceiptFraction, rejectPrefixes, undeliverablePrefixes,
                receiptFormat, recordTexts, seed);
    }

    public SmscConfig withPassword(String p) {
        return new SmscConfig(name, port, p, bindTps, accountTps, window, latency, throttleFraction,
                dropBindEvery, receiptDelay, lostReceiptFraction, rejectPrefixes, undeliverablePrefixes,
                receiptFormat, recordTexts, seed);
    }

    public SmscConfig withLimits(double perBindTps, double perAccountTps, int perBindWindow) {
        return new SmscConfig(name, port, password, perBindTps, perAccountTps, perBindWindow, latency,
                throttleFraction, dropBindEvery, receiptDelay, lostReceiptFraction, rejectPrefixes,
                undeliverablePrefixes, receiptFormat, recordTexts, seed);
    }

    public SmscConfig withLatency(Duration d) {
        return new SmscConfig(name, port, password, bindTps, accountTps, window, d, throttleFraction,
                dropBindEvery, receiptDelay, lostReceiptFraction, rejectPrefixes, undeliverablePrefixes,
                receiptFormat, recordTexts, seed);
    }

    public SmscConfig withFaults(double throttle, Duration dropEvery, double lostReceipts) {
        return new SmscConfig(name, port, password, bindTps, accountTps, window, latency, throttle, dropEvery,
                receiptDelay, lostReceipts, rejectPrefixes, undeliverablePrefixes, receiptFormat, recordTexts, seed);
    }

    public SmscConfig withReceipts(Duration delay, ReceiptFormat format) {
        return new SmscConfig(name, port, password, bindTps, accountTps, window, latency, throttleFraction,
                dropBindEvery, delay, lostReceiptFraction, rejectPrefixes, undeliverablePrefixes, format,
                recordTexts, seed);
    }

    public SmscConfig withNumbers(List<String> reject, List<String> undeliverable) {
        return new SmscConfig(name, port, password, bindTps, accountTps, window, latency, throttleFraction,
                dropBindEvery, receiptDelay, lostReceiptFraction, reject, undeliverable, receiptFormat,
                recordTexts, seed);
    }

    public SmscConfig withRecordTexts(boolean record) {
        return new SmscConfig(name, port, password, bindTps, accountTps, window, latency, throttleFraction,
                dropBindEvery, receiptDelay, lostReceiptFraction, rejectPrefixes, undeliverablePrefixes,
                receiptFormat, record, seed);
    }
}
