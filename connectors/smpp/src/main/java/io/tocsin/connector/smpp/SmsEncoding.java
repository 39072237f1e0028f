package io.tocsin.connector.smpp;

/**
 * The two alphabets the connector sends, with SMPP's {@code data_coding} and their budgets in characters
 * (septets for GSM-7, UTF-16 code units for UCS2) for a single message and for one concatenated segment.
 */
public enum SmsEncoding {
    /** GSM 03.38 default alphabet, sent unpacked: 160 septets alone, 153 per segment with an 8-bit UDH. */
    GSM7((byte) 0x00, 160, 153),
    /** UCS2 (UTF-16BE): 70 characters alone, 67 per segment with an 8-bit UDH. */
    UCS2((byte) 0x08, 70, 67);

    private final byte dataCoding;
    private final int single;
    private final int perSegment;

    SmsEncoding(byte dataCoding, int single, int perSegment) {
        this.dataCoding = dataCoding;
        this.single = single;
        this.perSegment = perSegment;
    }

    public byte dataCoding() { return dataCoding; }

    /** Characters (septets for GSM-7) that fit one unsegmented message. */
    public int single() { return single; }

    /** Characters (septets for GSM-7) per segment of a concatenated message. */
    public int perSegment() { return perSegment; }

    /** GSM-7 when every character has a GSM-7 encoding, otherwise UCS2. */
    public static SmsEncoding bestFor(CharSequence text) {
        return Gsm7.canEncode(text) ? GSM7 : UCS2;
    }
}
