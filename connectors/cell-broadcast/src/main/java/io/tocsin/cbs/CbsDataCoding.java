package io.tocsin.cbs;

import java.util.Locale;
import java.util.Map;

/**
 * The CBS Data Coding Scheme (3GPP TS 23.038 §5): which character set, and which language where the DCS can
 * say it.
 *
 * <pre>
 *   0000 llll  GSM 7-bit, language llll (0 de, 1 en, 2 it, 3 fr, 4 es, 5 nl, 6 sv, 7 da, 8 pt, 9 fi,
 *              A no, B el, C tr, D hu, E pl, F unspecified)
 *   0001 0001  UCS2, message preceded by a two-character language indication (GSM 7-bit, 2 octets)
 *   0010 0lll  GSM 7-bit, language (0 cs, 1 he, 2 ar, 3 ru, 4 is)
 *   0100 10xx  general data coding, uncompressed, no class: UCS2 (0x48)
 * </pre>
 *
 * Immutable; thread-safe.
 */
public final class CbsDataCoding {

    /** GSM 7-bit, language unspecified. */
    public static final int GSM7_UNSPECIFIED = 0x0F;
    /** UCS2, each page starting with a 2-octet GSM 7-bit language indication. */
    public static final int UCS2_WITH_LANGUAGE = 0x11;
    /** UCS2 through the general data coding group: uncompressed, no message class. */
    public static final int UCS2_GENERAL = 0x48;

    private static final Map<String, Integer> GSM7_LANGUAGES = Map.ofEntries(
            Map.entry("de", 0x00), Map.entry("en", 0x01), Map.entry("it", 0x02), Map.entry("fr", 0x03),
            Map.entry("es", 0x04), Map.entry("nl", 0x05), Map.entry("sv", 0x06), Map.entry("da", 0x07),
            Map.entry("pt", 0x08), Map.entry("fi", 0x09), Map.entry("no", 0x0A), Map.entry("el", 0x0B),
            Map.entry("tr", 0x0C), Map.entry("hu", 0x0D), Map.entry("pl", 0x0E),
            Map.entry("cs", 0x20), Map.entry("he", 0x21), Map.entry("ar", 0x22), Map.entry("ru", 0x23),
            Map.entry("is", 0x24));

    private CbsDataCoding() {
    }

    /** The two-letter ISO 639-1 part of a CAP/BCP 47 language tag ("zh-CN" → "zh"), lower case. */
    public static String iso639(String languageTag) {
        if (languageTag == null || languageTag.isBlank()) {
            return "";
        }
        String t = languageTag.trim().toLowerCase(Locale.ROOT);
        int dash = t.indexOf('-');
        return dash < 0 ? t : t.substring(0, dash);
    }

    /** DCS for GSM 7-bit text in this language: the language's own code, else "unspecified" (0x0F). */
    public static int gsm7(String languageTag) {
        Integer code = GSM7_LANGUAGES.get(iso639(languageTag));
        return code == null ? GSM7_UNSPECIFIED : code;
    }

    /** DCS for UCS2 text: 0x11 when pages carry a language indication, else 0x48. */
    public static int ucs2(boolean languageIndication) {
        return languageIndication ? UCS2_WITH_LANGUAGE : UCS2_GENERAL;
    }

    /** The character set a DCS announces; null for coding groups this encoder does not produce. */
    public static CbsCharset charsetOf(int dcs) {
        int group = (dcs >> 4) & 0x0F;
        if (group == 0x0 || group == 0x2 || group == 0x3 || dcs == 0x10) {
            return CbsCharset.GSM7;
        }
        if (dcs == UCS2_WITH_LANGUAGE) {
            return CbsCharset.UCS2;
        }
        if ((group & 0xC) == 0x4) {
            int alphabet = (dcs >> 2) & 0x3;
            return alphabet == 0 ? CbsCharset.GSM7 : alphabet == 2 ? CbsCharset.UCS2 : null;
        }
        if (group == 0xF) {
            return (dcs & 0x04) == 0 ? CbsCharset.GSM7 : null;
        }
        return null;
    }

    /** True when every page starts with a language indication (DCS 0x11). */
    public static boolean hasLanguageIndication(int dcs) {
        return dcs == UCS2_WITH_LANGUAGE;
    }

    /** The ISO 639-1 language a GSM 7-bit DCS names, or "" when it names none. */
    public static String languageOf(int dcs) {
        for (Map.Entry<String, Integer> e : GSM7_LANGUAGES.entrySet()) {
            if (e.getValue() == dcs) {
                return e.getKey();
            }
        }
        return "";
    }
}
