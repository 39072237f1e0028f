package io.tocsin.cap;

import java.util.List;
import java.util.Set;

/**
 * CAP rules for {@code <info>}, {@code <resource>} and {@code <area>}: required elements, enumerations per
 * version, date-times and their order against {@code sent}, language tags, name/value pairs and geometry.
 * Codes: {@code CAP_REQUIRED}, {@code CAP_ENUM}, {@code CAP_DATETIME}, {@code CAP_EXPIRES_BEFORE_SENT},
 * {@code CAP_EXPIRES_BEFORE_ONSET} (warning), {@code CAP_LANGUAGE}, {@code CAP_DEPRECATED} (warning),
 * {@code CAP_URI} (warning), {@code CAP_RESOURCE_SIZE}, {@code CAP_NUMBER}, {@code CAP_CEILING_WITHOUT_ALTITUDE}.
 * Thread-safe.
 */
final class InfoRules {
    private final GeometryRules geometry;

    InfoRules(GeometryRules geometry) {
        this.geometry = geometry;
    }

    /** Paths are built only for the reasons recorded: a valid block allocates none. */
    void check(CapVersion v, AlertInfo info, long sent, String path, List<Reason> out) {
        if (info.language() != null && !languageTag(info.language())) {
            out.add(Reason.error(path + "/language", "CAP_LANGUAGE", "'" + info.language()
                    + "' is not an RFC 3066 language tag such as en-US or zh-CN"));
        }
        List<String> categories = info.categories();
        if (categories.isEmpty()) {
            out.add(Reason.error(path + "/category", "CAP_REQUIRED", "at least one <category> is required"));
        }
        Set<String> allowedCategories = CapVocabulary.category(v);
        for (int i = 0; i < categories.size(); i++) {
            if (!allowedCategories.contains(categories.get(i))) {
                CapValidator.enumerated(categories.get(i), allowedCategories, path + "/category[" + i + "]", true, out);
            }
        }
        if (CapValidator.missing(info.event())) {
            CapValidator.required(info.event(), path + "/event", out);
        }
        List<String> responseTypes = info.responseTypes();
        Set<String> allowedResponses = CapVocabulary.responseType(v);
        for (int i = 0; i < responseTypes.size(); i++) {
            if (!allowedResponses.contains(responseTypes.get(i))) {
                CapValidator.enumerated(responseTypes.get(i), allowedResponses, path + "/responseType[" + i + "]",
                        true, out);
            }
        }
        enumerated(info.urgency(), CapVocabulary.URGENCY, path, "/urgency", out);
        enumerated(info.severity(), CapVocabulary.SEVERITY, path, "/severity", out);
        if ("Very Likely".equals(info.certainty()) && v != CapVersion.V1_0) {
            out.add(Reason.warning(path + "/certainty", "CAP_DEPRECATED",
                    "'Very Likely' is deprecated since CAP 1.1; read as 'Likely'"));
        } else {
            enumerated(info.certainty(), CapVocabulary.certainty(v), path, "/certainty", out);
        }
        namedValues(info.eventCodes(), path, "/eventCode", out);
        long effective = optionalTime(info.effective(), path, "/effective", out);
        long onset = optionalTime(info.onset(), path, "/onset", out);
        long expires = optionalTime(info.expires(), path, "/expires", out);
        if (expires != CapTimes.INVALID && sent != CapTimes.INVALID && expires < sent) {
            out.add(Reason.error(path + "/expires", "CAP_EXPIRES_BEFORE_SENT", "expires " + info.expires()
                    + " is before the alert was sent"));
        } else if (expires != CapTimes.INVALID && Math.max(effective, onset) > expires) {
            out.add(Reason.warning(path + "/expires", "CAP_EXPIRES_BEFORE_ONSET",
                    "expires is before effective or onset"));
        }
        if (info.web() != null && !absoluteUri(info.web())) {
            out.add(Reason.warning(path + "/web", "CAP_URI", "web should be a full absolute URI: '" + info.web() + "'"));
        }
        namedValues(info.parameters(), path, "/parameter", out);
        for (int i = 0; i < info.resources().size(); i++) {
            resource(v, info.resources().get(i), path + "/resource[" + i + "]", out);
        }
        for (int i = 0; i < info.areas().size(); i++) {
            area(info.areas().get(i), path + "/area[" + i + "]", out);
        }
    }

    /** A required enumerated value; the path {@code path + name} is built only when it is reported. */
    private static void enumerated(String value, Set<String> allowed, String path, String name, List<Reason> out) {
        if (value == null || !allowed.contains(value)) {
            CapValidator.enumerated(value, allowed, path + name, true, out);
        }
    }

    private void resource(CapVersion v, Resource r, String path, List<Reason> out) {
        CapValidator.required(r.resourceDesc(), path + "/resourceDesc", out);
        if (v == CapVersion.V1_2) { // optional in 1.0 and 1.1
            CapValidator.required(r.mimeType(), path + "/mimeType", out);
        }
        if (r.size() != null && !digits(r.size())) {
            out.add(Reason.error(path + "/size", "CAP_RESOURCE_SIZE", "size must be a whole number of bytes: '"
                    + r.size() + "'"));
        }
        if (r.uri() != null && !r.uri().isEmpty() && !uri(r.uri())) {
            out.add(Reason.warning(path + "/uri", "CAP_URI", "uri is not a URI: '" + r.uri() + "'"));
        }
    }

    private void area(Area a, String path, List<Reason> out) {
        if (CapValidator.missing(a.areaDesc())) {
            CapValidator.required(a.areaDesc(), path + "/areaDesc", out);
        }
        for (int i = 0; i < a.polygons().size(); i++) {
            geometry.polygon(a.polygons().get(i), path + "/polygon[" + i + "]", out);
        }
        for (int i = 0; i < a.circles().size(); i++) {
            geometry.circle(a.circles().get(i), path + "/circle[" + i + "]", out);
        }
        namedValues(a.geocodes(), path, "/geocode", out);
        if (a.altitude() != null && !decimal(a.altitude())) {
            out.add(Reason.error(path + "/altitude", "CAP_NUMBER", "altitude must be a number of feet"));
        }
        if (a.ceiling() != null) {
            if (!decimal(a.ceiling())) {
                out.add(Reason.error(path + "/ceiling", "CAP_NUMBER", "ceiling must be a number of feet"));
            }
            if (a.altitude() == null) {
                out.add(Reason.error(path + "/ceiling", "CAP_CEILING_WITHOUT_ALTITUDE",
                        "ceiling may only be used with altitude"));
            }
        }
    }

    private static void namedValues(List<NamedValue> values, String path, String name, List<Reason> out) {
        for (int i = 0; i < values.size(); i++) {
            NamedValue nv = values.get(i);
            if (nv.valueName() == null || nv.valueName().isEmpty()) {
                out.add(Reason.error(path + name + "[" + i + "]/valueName", "CAP_REQUIRED", "valueName is required"));
            }
            if (nv.value() == null) {
                out.add(Reason.error(path + name + "[" + i + "]/value", "CAP_REQUIRED", "value is required"));
            }
        }
    }

    private static long optionalTime(String value, String path, String name, List<Reason> out) {
        if (value == null) {
            return CapTimes.INVALID;
        }
        long t = CapTimes.epochSeconds(value);
        return t != CapTimes.INVALID ? t : CapValidator.dateTime(value, path + name, out);
    }

    /** RFC 3066 / xs:language: 1-8 letters, then "-" and 1-8 letters or digits, repeated. */
    static boolean languageTag(String s) {
        int run = 0;
        boolean first = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '-') {
                if (run == 0) {
                    return false;
                }
                run = 0;
                first = false;
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (!first && c >= '0' && c <= '9')) {
                if (++run > 8) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return run > 0;
    }

    private static boolean digits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean decimal(String s) {
        try {
            Double.parseDouble(s);
            return !s.isEmpty() && Character.isDigit(s.charAt(s.length() - 1));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean uri(String s) {
        try {
            new java.net.URI(s);
            return true;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static boolean absoluteUri(String s) {
        try {
            return new java.net.URI(s).isAbsolute();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
