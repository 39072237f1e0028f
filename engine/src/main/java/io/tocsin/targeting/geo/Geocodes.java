package io.tocsin.targeting.geo;

import io.tocsin.cap.NamedValue;
import io.tocsin.cap.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Resolves CAP geocodes to regions. GB/T 2260 codes (valueName {@code CPEAS Geographic Code}, {@code GB2260},
 * {@code ADCODE}) of 6, 9 or 12 digits match hierarchically: {@code 440106000000} is Tianhe, {@code
 * 440100000000} every district of Guangzhou, a town-level code below a known district targets that
 * district (with a warning). SAME/FIPS6 and UGC go through {@link GeocodeAliases}. Unknown or malformed
 * codes are located errors, never a silent empty target. Immutable; thread-safe.
 */
public final class Geocodes {
    public static final String GB2260 = "GB2260";
    public static final String SAME = "SAME";
    public static final String UGC = "UGC";

    private final RegionSet regions;
    private final GeocodeAliases aliases;

    public Geocodes(RegionSet regions, GeocodeAliases aliases) {
        this.regions = regions;
        this.aliases = aliases;
    }

    /** The scheme a CAP valueName names, or null when unsupported. */
    public static String scheme(String valueName) {
        String v = valueName == null ? "" : valueName.strip().toUpperCase(Locale.ROOT).replace(" ", "").replace("/", "");
        switch (v) {
            case "CPEASGEOGRAPHICCODE": case "GB2260": case "GBT2260": case "ADCODE":
                return GB2260;
            case "SAME": case "FIPS6":
                return SAME;
            case "UGC":
                return UGC;
            default:
                return null;
        }
    }

    public GeocodeMatch resolve(NamedValue geocode, String path) {
        String scheme = scheme(geocode.valueName());
        String value = geocode.value() == null ? "" : geocode.value().strip();
        if (scheme == null) {
            return new GeocodeMatch(List.of(), List.of(Reason.warning(path, "GEO_UNSUPPORTED_SCHEME",
                    "geocode scheme '" + geocode.valueName() + "' is not used for targeting")));
        }
        if (scheme.equals(GB2260)) {
            return gb2260(value, path);
        }
        String code = scheme.equals(SAME) && value.length() == 5 ? "0" + value : value;
        List<Region> out = new ArrayList<>();
        for (String rc : aliases.regionsFor(scheme, code)) {
            Region r = regions.byCode(rc);
            if (r != null) {
                out.add(r);
            }
        }
        if (out.isEmpty()) {
            return new GeocodeMatch(out, List.of(Reason.error(path, "GEO_UNKNOWN_CODE",
                    scheme + " code " + value + " is not in the geocode table")));
        }
        return new GeocodeMatch(out, List.of());
    }

    private GeocodeMatch gb2260(String value, String path) {
        if (!value.chars().allMatch(c -> c >= '0' && c <= '9')
                || (value.length() != 6 && value.length() != 9 && value.length() != 12)) {
            return new GeocodeMatch(List.of(), List.of(Reason.error(path, "GEO_MALFORMED_CODE",
                    "GB/T 2260 code must be 6, 9 or 12 digits: '" + value + "'")));
        }
        Region exact = regions.byCode(value);
        if (exact != null) {
            return new GeocodeMatch(List.of(exact), List.of());
        }
        String county = value.substring(0, 6);
        boolean belowCounty = value.length() > 6 && !value.substring(6).chars().allMatch(c -> c == '0');
        Region countyRegion = regions.byCode(county);
        if (countyRegion != null) {
            List<Reason> why = belowCounty
                    ? List.of(Reason.warning(path, "GEO_COARSENED", "no boundary for town-level code " + value
                        + "; targeting all of " + countyRegion.code() + " " + countyRegion.displayName()))
                    : List.of();
            return new GeocodeMatch(List.of(countyRegion), why);
        }
        if (!belowCounty) {
            String prefix = county;
            while (prefix.length() > 2 && prefix.endsWith("00")) {
                prefix = prefix.substring(0, prefix.length() - 2);
            }
            if (prefix.length() < 6) {
                List<Region> below = regions.withPrefix(prefix);
                if (!below.isEmpty()) {
                    return new GeocodeMatch(below, List.of());
                }
            }
        }
        return new GeocodeMatch(List.of(), List.of(Reason.error(path, "GEO_UNKNOWN_CODE",
                "GB/T 2260 code " + value + " names no known region")));
    }
}
