package io.tocsin.audio;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How alerts become SAME headers at one installation. Immutable once built.
 *
 * @param station          the LLLLLLLL station id (exactly 8 characters, e.g. {@code GZMB/TOC})
 * @param originator       originator forced for every alert, or null (then CAP {@code EAS-ORG}, else WXR for
 *                         category Met, else CIV)
 * @param eventCodes       event word → code, tried before {@link SameCodes#defaultEventMapping()}
 * @param testEventCode    the code of a Test-status alert (RWT or RMT)
 * @param locationCodes    region code (full, or its first 6 digits) → 6-digit SAME location code
 * @param defaultLocations used when no geocode of the alert maps to a location (empty = such alerts fail)
 * @param defaultPurge     valid period of an alert without {@code expires}
 */
public record SameSettings(
        String station,
        String originator,
        Map<String, String> eventCodes,
        String testEventCode,
        Map<String, String> locationCodes,
        List<String> defaultLocations,
        Duration defaultPurge) {

    public SameSettings {
        eventCodes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(eventCodes == null ? Map.of() : eventCodes));
        locationCodes = Map.copyOf(locationCodes == null ? Map.of() : locationCodes);
        defaultLocations = List.copyOf(defaultLocations == null ? List.of() : defaultLocations);
        testEventCode = testEventCode == null ? "RWT" : testEventCode;
        defaultPurge = defaultPurge == null ? Duration.ofHours(1) : defaultPurge;
        if (!SameHeader.validStation(station)) {
            throw new IllegalArgumentException("same.station must be 8 printable characters without '-' or '+': "
                    + station);
        }
        if (originator != null && !SameCodes.ORIGINATORS.contains(originator)) {
            throw new IllegalArgumentException("same.originator must be one of " + SameCodes.ORIGINATORS);
        }
        for (var e : eventCodes.entrySet()) {
            if (!SameCodes.EVENTS.contains(e.getValue())) {
                throw new IllegalArgumentException("same.eventCodes." + e.getKey() + ": unknown SAME event code "
                        + e.getValue());
            }
        }
        if (!testEventCode.equals("RWT") && !testEventCode.equals("RMT")) {
            throw new IllegalArgumentException("same.testEventCode must be RWT or RMT");
        }
        for (var e : locationCodes.entrySet()) {
            if (!e.getValue().matches("\\d{6}")) {
                throw new IllegalArgumentException("same.locationCodes." + e.getKey() + " must be 6 digits");
            }
        }
        for (String l : defaultLocations) {
            if (!l.matches("\\d{6}")) {
                throw new IllegalArgumentException("same.defaultLocations: " + l + " must be 6 digits");
            }
        }
    }

    /** Configured words first, then the defaults, in order. */
    public Map<String, String> eventMapping() {
        Map<String, String> m = new LinkedHashMap<>();
        eventCodes.forEach((k, v) -> m.put(k.toLowerCase(java.util.Locale.ROOT), v));
        SameCodes.defaultEventMapping().forEach(m::putIfAbsent);
        return m;
    }

    public static SameSettings of(String station) {
        return new SameSettings(station, null, Map.of(), "RWT", Map.of(), List.of(), Duration.ofHours(1));
    }
}
