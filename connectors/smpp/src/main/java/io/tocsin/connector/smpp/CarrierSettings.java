package io.tocsin.connector.smpp;

import java.util.List;

/**
 * One carrier: its binds, the account's total TPS across all of them (0 = unlimited), the MSISDN prefixes it
 * serves (used when a target names no carrier), and an optional source address override.
 */
public record CarrierSettings(
        String name,
        double accountTps,
        List<String> prefixes,
        String sourceAddress,
        List<BindSettings> binds) {

    public CarrierSettings {
        prefixes = List.copyOf(prefixes);
        binds = List.copyOf(binds);
    }

    /** Theoretical ceiling in submit_sm per second: the lower of the account cap and the binds' sum. */
    public double ceilingTps() {
        double sum = 0;
        for (BindSettings b : binds) {
            if (b.tps() <= 0) {
                return accountTps > 0 ? accountTps : Double.POSITIVE_INFINITY;
            }
            sum += b.tps();
        }
        return accountTps > 0 ? Math.min(sum, accountTps) : sum;
    }
}
