package io.tocsin.connector.smpp;

import java.util.List;

/**
 * A text cut into what goes out as {@code short_message} payloads, known before release.
 *
 * @param text      the full text, exactly as rendered
 * @param encoding  GSM-7 or UCS2
 * @param payloads  encoded bodies, one per segment, without UDH (the submitter prefixes a UDH or sets SAR TLVs)
 * @param parts     the text of each segment (joined they give {@code text} back exactly)
 */
public record SegmentPlan(String text, SmsEncoding encoding, List<byte[]> payloads, List<String> parts) {

    public SegmentPlan {
        payloads = List.copyOf(payloads);
        parts = List.copyOf(parts);
    }

    public int segments() { return payloads.size(); }

    public boolean concatenated() { return payloads.size() > 1; }
}
