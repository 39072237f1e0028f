package io.tocsin.cap;

import java.util.List;

/**
 * China's national early-warning feed (CPEAS, as published by the CMA): CAP 1.2; a {@code zh-CN} info block
 * is required and {@code en-US} is optional (other languages are warned about); every area carries a geocode
 * {@code CPEAS Geographic Code} whose value is 12 digits, a GB/T 2260 county code (a known province prefix)
 * followed by 6 digits; {@code expires} is expected. GB/T 35965.1 identifiers
 * ({@code ZZZZZZDDDUUUXX_YYYYMMDDhhmmss_N}, 31 characters) are accepted as they are; other identifiers are
 * warned about. Codes start with {@code CPEAS_}. Thread-safe.
 */
public final class ChinaCpeasProfile implements CapProfile {
    public static final String GEOCODE = "CPEAS Geographic Code";

    @Override
    public String name() {
        return "china";
    }

    @Override
    public String title() {
        return "China CPEAS feed";
    }

    @Override
    public void check(Alert alert, List<Reason> out) {
        if (alert.version() != CapVersion.V1_2) {
            out.add(Reason.error("/alert", "CPEAS_VERSION", "the CPEAS feed is CAP 1.2"));
        }
        if (alert.identifier() != null && !gbt35965Identifier(alert.identifier())) {
            out.add(Reason.warning("/alert/identifier", "CPEAS_IDENTIFIER",
                    "identifier is not GB/T 35965.1 form ZZZZZZDDDUUUXX_YYYYMMDDhhmmss_N"));
        }
        boolean zh = false;
        for (int i = 0; i < alert.infos().size(); i++) {
            AlertInfo info = alert.infos().get(i);
            String path = "/alert/info[" + i + "]";
            String lang = info.language();
            if ("zh-CN".equals(lang)) {
                zh = true;
            } else if (!"en-US".equals(lang)) {
                out.add(Reason.warning(path + "/language", "CPEAS_LANGUAGE",
                        "CPEAS info blocks are zh-CN (required) or en-US, not " + lang));
            }
            if (info.expires() == null) {
                out.add(Reason.warning(path + "/expires", "CPEAS_EXPIRES", "CPEAS alerts carry <expires>"));
            }
            if (info.areas().isEmpty()) {
                out.add(Reason.error(path + "/area", "CPEAS_AREA", "CPEAS alerts need at least one <area>"));
            }
            for (int a = 0; a < info.areas().size(); a++) {
                area(info.areas().get(a), path + "/area[" + a + "]", out);
            }
        }
        if (!alert.infos().isEmpty() && !zh && !"Cancel".equals(alert.msgType())) {
            out.add(Reason.error("/alert/info", "CPEAS_ZH_CN", "CPEAS alerts need a zh-CN info block"));
        }
    }

    private static void area(Area area, String path, List<Reason> out) {
        boolean any = false;
        List<NamedValue> geocodes = area.geocodes();
        for (int g = 0; g < geocodes.size(); g++) {
            NamedValue nv = geocodes.get(g);
            if (!GEOCODE.equals(nv.valueName())) {
                continue;
            }
            any = true;
            if (!cpeasCode(nv.value())) {
                out.add(Reason.error(path + "/geocode[" + g + "]/value", "CPEAS_GEOCODE",
                        "'" + nv.value() + "' is not a 12-digit GB/T 2260-based code"));
            }
        }
        if (!any) {
            out.add(Reason.error(path + "/geocode", "CPEAS_GEOCODE_REQUIRED",
                    "each area needs a geocode named '" + GEOCODE + "'"));
        }
    }

    /** 12 digits whose first two are a GB/T 2260 province-level prefix. */
    static boolean cpeasCode(String v) {
        if (v == null || v.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return false;
            }
        }
        int p = Integer.parseInt(v.substring(0, 2));
        return (p >= 11 && p <= 15) || (p >= 21 && p <= 23) || (p >= 31 && p <= 37) || (p >= 41 && p <= 46)
                || (p >= 50 && p <= 54) || (p >= 61 && p <= 65) || p == 71 || p == 81 || p == 82;
    }

    /** GB/T 35965.1: 14 digits (6 area + 3 department + 3 unit + 2 serial), '_', 14-digit time, '_', digit(s). */
    static boolean gbt35965Identifier(String id) {
        return id.matches("\\d{14}_\\d{14}_\\d+");
    }
}
