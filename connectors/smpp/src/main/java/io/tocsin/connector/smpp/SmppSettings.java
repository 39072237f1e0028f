package io.tocsin.connector.smpp;

import java.time.Duration;
import java.util.List;

/**
 * All settings of one SMPP connector instance, validated once by {@link SmppSettingsReader}. One instance
 * serves one or several carriers and routes each dispatch by {@code Target.carrier}, else by MSISDN prefix.
 * See {@code connectors/smpp/README.md} for the JSON shape and defaults.
 */
public record SmppSettings(
        String defaultLanguage,
        String sourceAddress,
        byte sourceTon,
        byte sourceNpi,
        byte destTon,
        byte destNpi,
        Concatenation concatenation,
        int maxSegments,
        Duration enquireLink,
        Duration transactionTimeout,
        Duration reconnectInitial,
        Duration reconnectMax,
        Duration throttleInitial,
        Duration throttleMax,
        Duration receiptTimeout,
        int maxAttempts,
        int queueCapacity,
        List<CarrierSettings> carriers) {

    public SmppSettings {
        carriers = List.copyOf(carriers);
    }

    /** How segments of a long message are tied together. */
    public enum Concatenation {
        /** 8-bit reference UDH (IEI 0x00) in the short message, esm_class UDHI set: what handsets expect. */
        UDH,
        /** sar_msg_ref_num / sar_total_segments / sar_segment_seqnum TLVs; the SMSC builds the UDH. */
        SAR
    }
}
