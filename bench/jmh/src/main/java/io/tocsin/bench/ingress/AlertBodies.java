package io.tocsin.bench.ingress;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Request bytes for the load: the demo's red typhoon warning (two info blocks, four districts, ~3 KB of CAP
 * XML) with a unique identifier per request, so that every request is a new alert (no duplicates).
 * One instance per client thread; not thread-safe.
 */
final class AlertBodies {

    private static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private final String head;
    private final String tail;
    private final String requestHead;
    private final String prefix;
    private long next;

    AlertBodies(String template, String key, String clientName) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
        String xml = template.replaceFirst("<sent>[^<]*</sent>", "<sent>" + CAP_TIME.format(now) + "</sent>")
                .replaceAll("<expires>[^<]*</expires>", "<expires>" + CAP_TIME.format(now.plusHours(12))
                        + "</expires>");
        int open = xml.indexOf("<identifier>") + "<identifier>".length();
        int close = xml.indexOf("</identifier>");
        head = xml.substring(0, open);
        tail = xml.substring(close);
        prefix = "bench-" + clientName + "-" + System.nanoTime() + "-";
        requestHead = "POST /api/v1/alerts HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + key
                + "\r\nContent-Type: application/cap+xml\r\nContent-Length: ";
    }

    /** The next whole request (head and body). */
    byte[] nextRequest() {
        byte[] body = (head + prefix + (next++) + tail).getBytes(StandardCharsets.UTF_8);
        byte[] start = (requestHead + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[start.length + body.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(body, 0, all, start.length, body.length);
        return all;
    }
}
