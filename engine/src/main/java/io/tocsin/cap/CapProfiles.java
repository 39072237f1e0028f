package io.tocsin.cap;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The built-in {@link CapProfile}s by name: {@code ipaws}, {@code cap-cp}, {@code china}. Thread-safe. */
public final class CapProfiles {
    private static final List<CapProfile> ALL = List.of(new IpawsProfile(), new CanadianProfile(),
            new ChinaCpeasProfile());

    private CapProfiles() {
    }

    public static List<CapProfile> all() {
        return ALL;
    }

    /** Looks a profile up by name, ignoring case; "cpeas"/"cn" and "capcp"/"canada" are accepted aliases. */
    public static Optional<CapProfile> byName(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        switch (n) {
            case "cpeas": case "cn": case "cn-cpeas": n = "china"; break;
            case "capcp": case "canada": case "cap-cp-0.4": n = "cap-cp"; break;
            case "ipaws-1.0": case "ipawsv1.0": n = "ipaws"; break;
            default: break;
        }
        for (CapProfile p : ALL) {
            if (p.name().equals(n)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
