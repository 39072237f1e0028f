package io.tocsin.audio;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One SAME header per 47 CFR 11.31(c):
 *
 * <pre>
 *   ZCZC-ORG-EEE-PSSCCC(-PSSCCC...)+TTTT-JJJHHMM-LLLLLLLL-
 *        │   │   │                   │    │       └ station id, 8 characters
 *        │   │   │                   │    └ issue time, UTC: day of year, hour, minute
 *        │   │   │                   └ purge time (valid period), hhmm
 *        │   │   └ 1 to 31 location codes: portion, state, county
 *        │   └ event code
 *        └ originator
 * </pre>
 *
 * Immutable; validated on construction (a bad field is a bug in the builder or a bad setting).
 */
public record SameHeader(
        String originator,
        String event,
        List<String> locations,
        String purge,
        Instant issued,
        String station) {

    /** The most location codes one header may carry. */
    public static final int MAX_LOCATIONS = 31;

    /** The end-of-message code, sent three times after the message. */
    public static final String EOM = "NNNN";

    private static final Pattern ORG = Pattern.compile("[A-Z]{3}");
    private static final Pattern LOCATION = Pattern.compile("\\d{6}");
    private static final Pattern PURGE = Pattern.compile("\\d{4}");

    public SameHeader {
        locations = List.copyOf(locations);
        require(ORG.matcher(originator).matches(), "originator must be 3 capital letters: " + originator);
        require(ORG.matcher(event).matches(), "event code must be 3 capital letters: " + event);
        require(!locations.isEmpty() && locations.size() <= MAX_LOCATIONS,
                "a header carries 1 to 31 location codes, got " + locations.size());
        for (String l : locations) {
            require(LOCATION.matcher(l).matches(), "location code must be 6 digits (PSSCCC): " + l);
        }
        require(PURGE.matcher(purge).matches(), "purge time must be hhmm: " + purge);
        require(issued != null, "issue time is required");
        require(validStation(station), "station id must be 8 printable ASCII characters without '-' or '+': " + station);
    }

    /** True when {@code id} can stand in the LLLLLLLL field. */
    public static boolean validStation(String id) {
        if (id == null || id.length() != 8) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '-' || c == '+') {
                return false;
            }
        }
        return true;
    }

    /** The header text exactly as it goes on the air (after the preamble). */
    public String text() {
        ZonedDateTime t = issued.atZone(ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(64 + 7 * locations.size());
        sb.append("ZCZC-").append(originator).append('-').append(event);
        for (String l : locations) {
            sb.append('-').append(l);
        }
        sb.append('+').append(purge).append('-');
        sb.append(String.format("%03d%02d%02d", t.getDayOfYear(), t.getHour(), t.getMinute()));
        sb.append('-').append(station).append('-');
        return sb.toString();
    }

    @Override
    public String toString() {
        return text();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
