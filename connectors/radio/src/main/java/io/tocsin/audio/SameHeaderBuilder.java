package io.tocsin.audio;

import io.tocsin.cap.Alert;
import io.tocsin.cap.AlertInfo;
import io.tocsin.cap.Area;
import io.tocsin.cap.Category;
import io.tocsin.cap.NamedValue;
import io.tocsin.cap.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the SAME headers of a CAP alert: originator, event code, location codes (split into several
 * headers past 31), purge time from {@code expires − sent}, issue time from {@code sent}, station from
 * settings. Immutable and thread-safe.
 */
public final class SameHeaderBuilder {

    private final SameSettings settings;
    private final Map<String, String> eventMapping;
    private final Clock clock;

    public SameHeaderBuilder(SameSettings settings, Clock clock) {
        this.settings = settings;
        this.eventMapping = settings.eventMapping();
        this.clock = clock;
    }

    public SameBuild build(Alert alert) {
        List<String> problems = new ArrayList<>();
        if (alert.infos().isEmpty()) {
            return new SameBuild(List.of(), 0, List.of("alert has no info block"));
        }
        AlertInfo info = alert.infos().get(0);
        List<String> locations = locations(alert, problems);
        if (locations.isEmpty()) {
            problems.add("no SAME location code: the alert's geocodes map to none and same.defaultLocations is empty");
            return new SameBuild(List.of(), 0, problems);
        }
        Instant issued = issued(alert);
        String purge = PurgeTime.of(validPeriod(alert, issued));
        String originator = originator(info);
        String event = eventCode(alert, info);
        List<SameHeader> headers = new ArrayList<>();
        for (int from = 0; from < locations.size(); from += SameHeader.MAX_LOCATIONS) {
            List<String> chunk = locations.subList(from, Math.min(locations.size(), from + SameHeader.MAX_LOCATIONS));
            headers.add(new SameHeader(originator, event, chunk, purge, issued, settings.station()));
        }
        return new SameBuild(headers, locations.size(), problems);
    }

    String originator(AlertInfo info) {
        if (settings.originator() != null) {
            return settings.originator();
        }
        String given = info.parameter("EAS-ORG");
        if (given != null && SameCodes.ORIGINATORS.contains(given.trim())) {
            return given.trim();
        }
        for (String c : info.categories()) {
            if (Category.parse(c) == Category.Met) {
                return "WXR";
            }
        }
        return "CIV";
    }

    String eventCode(Alert alert, AlertInfo info) {
        // an exercise or test airs as DMO / the test code even when the CAP names a real SAME event
        Status status = alert.statusValue();
        if (status == Status.Exercise) {
            return "DMO";
        }
        if (status == Status.Test) {
            return settings.testEventCode();
        }
        String given = info.eventCode("SAME");
        if (given != null && SameCodes.EVENTS.contains(given.trim())) {
            return given.trim();
        }
        String event = info.event() == null ? "" : info.event().toLowerCase(Locale.ROOT);
        for (var e : eventMapping.entrySet()) {
            if (event.contains(e.getKey())) {
                return e.getValue();
            }
        }
        for (String c : info.categories()) {
            String mapped = eventMapping.get(c.toLowerCase(Locale.ROOT));
            if (mapped != null) {
                return mapped;
            }
        }
        return info.categories().stream().anyMatch(c -> Category.parse(c) == Category.Met) ? "SPS" : "CEM";
    }

    private List<String> locations(Alert alert, List<String> problems) {
        Set<String> out = new LinkedHashSet<>();
        for (AlertInfo info : alert.infos()) {
            for (Area area : info.areas()) {
                for (NamedValue g : area.geocodes()) {
                    String code = location(g);
                    if (code != null) {
                        out.add(code);
                    } else {
                        problems.add("geocode " + g.valueName() + "=" + g.value() + " has no SAME location code");
                    }
                }
            }
        }
        if (out.isEmpty()) {
            out.addAll(settings.defaultLocations());
        }
        return new ArrayList<>(out);
    }

    private String location(NamedValue g) {
        String name = g.valueName() == null ? "" : g.valueName().trim();
        String value = g.value() == null ? "" : g.value().trim();
        if (name.equalsIgnoreCase("SAME") && value.matches("\\d{6}")) {
            return value;
        }
        if (name.equalsIgnoreCase("FIPS6") && value.matches("\\d{5,6}")) {
            return value.length() == 5 ? "0" + value : value;
        }
        String mapped = settings.locationCodes().get(value);
        if (mapped == null && value.length() > 6) {
            mapped = settings.locationCodes().get(value.substring(0, 6));
        }
        return mapped;
    }

    private Instant issued(Alert alert) {
        OffsetDateTime sent = alert.sentTime();
        return sent != null ? sent.toInstant() : clock.instant();
    }

    private Duration validPeriod(Alert alert, Instant issued) {
        for (AlertInfo info : alert.infos()) {
            OffsetDateTime expires = info.expiresTime();
            if (expires != null) {
                return Duration.between(issued, expires.toInstant());
            }
        }
        return settings.defaultPurge();
    }
}
