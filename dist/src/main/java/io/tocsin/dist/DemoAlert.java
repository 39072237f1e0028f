package io.tocsin.dist;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The demo's sample alert, made current: {@code sent} = now (Beijing time), {@code expires} = now + 12 h, and
 * a fresh GB/T 35965.1 identifier carrying the same timestamp, so every run is a new alert and never stale.
 */
final class DemoAlert {
    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter CAP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private DemoAlert() {
    }

    static byte[] current(Path file, ZonedDateTime now) throws java.io.IOException {
        String xml = Files.readString(file, StandardCharsets.UTF_8);
        ZonedDateTime sent = now.withZoneSameInstant(BEIJING).truncatedTo(ChronoUnit.SECONDS);
        String expires = CAP.format(sent.plusHours(12));
        xml = xml.replaceAll("<sent>[^<]*</sent>", "<sent>" + CAP.format(sent) + "</sent>")
                .replaceAll("<expires>[^<]*</expires>", "<expires>" + expires + "</expires>")
                .replaceAll("<identifier>(\\d{14})_\\d{14}_(\\d)</identifier>",
                        "<identifier>$1_" + STAMP.format(sent) + "_$2</identifier>");
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
