package io.tocsin.sim.smpp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the simulated handsets received: segments reassembled into messages (8-bit or 16-bit concatenation UDH,
 * or SAR TLVs), and per MSISDN how many complete messages arrived (and, when asked, their texts).
 *
 * <p>Thread-safe: the SMSC's PDU threads add segments concurrently.
 */
public final class Inbox {

    private final boolean recordTexts;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Map<String, List<String>> texts = new ConcurrentHashMap<>();
    private final Map<String, String[]> partial = new ConcurrentHashMap<>();
    private final LongAdder messages = new LongAdder();
    private final LongAdder segments = new LongAdder();

    Inbox(boolean recordTexts) {
        this.recordTexts = recordTexts;
    }

    /** One accepted short message (a whole message or one segment). */
    void add(String msisdn, byte esmClass, byte dataCoding, byte[] sm, Integer sarRef, Integer sarTotal,
             Integer sarSeq) {
        segments.increment();
        int offset = 0;
        int ref = -1;
        int total = 1;
        int seq = 1;
        if ((esmClass & 0x40) != 0 && sm.length > 0) {
            int udhl = sm[0] & 0xFF;
            offset = 1 + udhl;
            for (int i = 1; i + 1 < offset; ) {
                int iei = sm[i] & 0xFF;
                int len = sm[i + 1] & 0xFF;
                if (iei == 0x00 && len == 3) {
                    ref = sm[i + 2] & 0xFF;
                    total = sm[i + 3] & 0xFF;
                    seq = sm[i + 4] & 0xFF;
                } else if (iei == 0x08 && len == 4) {
                    ref = ((sm[i + 2] & 0xFF) << 8) | (sm[i + 3] & 0xFF);
                    total = sm[i + 4] & 0xFF;
                    seq = sm[i + 5] & 0xFF;
                }
                i += 2 + len;
            }
        } else if (sarRef != null && sarTotal != null && sarSeq != null) {
            ref = sarRef;
            total = sarTotal;
            seq = sarSeq;
        }
        // Counting needs no text: decode only when texts are kept (a String per message at thousands a second).
        String text = recordTexts ? decode(dataCoding, sm, offset, sm.length - offset) : "";
        if (total <= 1) {
            complete(msisdn, text);
            return;
        }
        String key = msisdn + '/' + ref + '/' + total;
        String whole = null;
        int size = total;
        String[] parts = partial.computeIfAbsent(key, k -> new String[size]);
        synchronized (parts) {
            if (seq >= 1 && seq <= total) {
                parts[seq - 1] = text;
            }
            boolean all = true;
            for (String p : parts) {
                all &= p != null;
            }
            if (all && partial.remove(key, parts)) {
                whole = String.join("", parts);
            }
        }
        if (whole != null) {
            complete(msisdn, whole);
        }
    }

    private void complete(String msisdn, String text) {
        messages.increment();
        counts.computeIfAbsent(msisdn, k -> new AtomicInteger()).incrementAndGet();
        if (recordTexts) {
            texts.computeIfAbsent(msisdn, k -> Collections.synchronizedList(new ArrayList<>())).add(text);
        }
    }

    static String decode(byte dataCoding, byte[] b, int offset, int length) {
        switch (dataCoding & 0xFF) {
            case 0x00: return GsmAlphabet.decode(b, offset, length);
            case 0x08: return new String(b, offset, length, StandardCharsets.UTF_16BE);
            default: return new String(b, offset, length, StandardCharsets.ISO_8859_1);
        }
    }

    /** Complete messages received by this MSISDN. */
    public int count(String msisdn) {
        AtomicInteger n = counts.get(msisdn);
        return n == null ? 0 : n.get();
    }

    /** Texts received by this MSISDN (only with recordTexts). */
    public List<String> texts(String msisdn) {
        List<String> t = texts.get(msisdn);
        return t == null ? List.of() : List.copyOf(t);
    }

    /** Distinct MSISDNs that received at least one complete message. */
    public int recipients() { return counts.size(); }

    /** Complete messages received in all. */
    public long messages() { return messages.sum(); }

    /** Short messages (segments) accepted in all. */
    public long segments() { return segments.sum(); }

    /** Concatenated messages still missing a segment (or stray duplicate segments). */
    public int incomplete() { return partial.size(); }

    /** Recipients that got more than one message, and how many extra messages in all. */
    public long duplicates() {
        long extra = 0;
        for (AtomicInteger n : counts.values()) {
            extra += Math.max(0, n.get() - 1);
        }
        return extra;
    }

    /** Snapshot of per-MSISDN counts (a copy; expensive for millions). */
    public Map<String, Integer> counts() {
        Map<String, Integer> out = new java.util.HashMap<>();
        counts.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }
}
