package io.tocsin.ingress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * CAP bodies for HTTP tests: the demo's red typhoon warning with a fresh identifier and times around now, and
 * paths to the shared corpus (skipped by callers when absent).
 */
final class CapSamples {

    private static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private CapSamples() {
    }

    static Path root() {
        return Path.of(System.getProperty("tocsin.root", "..")).toAbsolutePath().normalize();
    }

    /** {@code ../shared} as surefire names it, else /work/shared; null when neither exists. */
    static Path shared() {
        Path p = Path.of(System.getProperty("tocsin.shared", "../shared"));
        if (Files.isDirectory(p)) {
            return p;
        }
        Path fallback = Path.of("/work/shared");
        return Files.isDirectory(fallback) ? fallback : null;
    }

    /** The demo typhoon alert (two info blocks, four Guangzhou districts) as a new message sent now. */
    static String typhoon(String identifier) {
        try {
            String xml = Files.readString(root().resolve("config/demo/typhoon-red.xml"));
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
            return xml.replaceFirst("<identifier>[^<]*</identifier>", "<identifier>" + identifier + "</identifier>")
                    .replaceFirst("<sent>[^<]*</sent>", "<sent>" + CAP_TIME.format(now) + "</sent>")
                    .replaceAll("<expires>[^<]*</expires>", "<expires>" + CAP_TIME.format(now.plusHours(12))
                            + "</expires>");
        } catch (IOException e) {
            throw new IllegalStateException("config/demo/typhoon-red.xml is part of the project", e);
        }
    }

    /** The typhoon alert with one more area holding a polygon of {@code points} pairs around Guangzhou. */
    static String typhoonWithPolygon(String identifier, int points) {
        StringBuilder poly = new StringBuilder(points * 22);
        // Points on a circle of radius 0.1 degree, rounded to 1e-6 degree, ring closed on the first point.
        for (int i = 0; i < points - 1; i++) {
            double a = 2 * Math.PI * i / (points - 1);
            poly.append(Math.round((23.1 + 0.1 * Math.sin(a)) * 1e6) / 1e6).append(',')
                    .append(Math.round((113.3 + 0.1 * Math.cos(a)) * 1e6) / 1e6).append(' ');
        }
        poly.append("23.1,113.4");
        String area = "<area><areaDesc>ring</areaDesc><polygon>" + poly + "</polygon></area>";
        return typhoon(identifier).replaceFirst("</area>", "</area>" + area);
    }
}
