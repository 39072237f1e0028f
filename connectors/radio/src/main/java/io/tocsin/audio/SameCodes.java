package io.tocsin.audio;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The SAME vocabulary: originator codes and the event codes of 47 CFR 11.31(d)/(e), plus the default mapping
 * from CAP event words (English and Chinese) to event codes. Constants only; thread-safe.
 *
 * <p>There is no SAME code for a landslide or a geological hazard: the default maps them to CEM (Civil
 * Emergency Message); operators can map them otherwise in settings ({@code same.eventCodes}).
 */
public final class SameCodes {

    public static final Set<String> ORIGINATORS = Set.of("EAS", "CIV", "WXR", "PEP", "EAN");

    public static final Set<String> EVENTS = Set.of(
            // national and administrative
            "EAN", "NPT", "RMT", "RWT", "ADR", "DMO", "NIC", "NMN",
            // warnings
            "AVW", "BZW", "BLU", "CAE", "CDW", "CEM", "CFW", "DSW", "EQW", "EVI", "EWW", "FRW", "FFW", "FLW",
            "HMW", "HWW", "HUW", "LAE", "LEW", "NUW", "RHW", "SMW", "SPW", "SQW", "SSW", "SVR", "TOE", "TOR",
            "TRW", "TSW", "VOW", "WSW",
            // watches
            "AVA", "CFA", "FFA", "FLA", "HWA", "HUA", "SSA", "SVA", "TOA", "TRA", "TSA", "WSA",
            // statements
            "FFS", "FLS", "HLS", "SPS", "SVS");

    /** Default event word → code, most specific first (the first word found in the CAP event wins). */
    public static Map<String, String> defaultEventMapping() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("flash flood", "FFW");
        m.put("山洪", "FFW");
        m.put("typhoon", "HUW");
        m.put("hurricane", "HUW");
        m.put("tropical cyclone", "HUW");
        m.put("台风", "HUW");
        m.put("rainstorm", "FFW");
        m.put("暴雨", "FFW");
        m.put("flood", "FLW");
        m.put("洪", "FLW");
        m.put("landslide", "CEM");
        m.put("geological", "CEM");
        m.put("地质灾害", "CEM");
        m.put("滑坡", "CEM");
        m.put("泥石流", "CEM");
        m.put("forest fire", "FRW");
        m.put("森林火险", "FRW");
        m.put("森林火灾", "FRW");
        m.put("wildfire", "FRW");
        m.put("fire", "FRW");
        m.put("tornado", "TOR");
        m.put("龙卷风", "TOR");
        m.put("thunderstorm", "SVR");
        m.put("雷", "SVR");
        m.put("tsunami", "TSW");
        m.put("海啸", "TSW");
        m.put("earthquake", "EQW");
        m.put("地震", "EQW");
        m.put("blizzard", "BZW");
        m.put("暴雪", "WSW");
        m.put("snow", "WSW");
        m.put("gale", "HWW");
        m.put("high wind", "HWW");
        m.put("大风", "HWW");
        m.put("dust", "DSW");
        m.put("沙尘", "DSW");
        m.put("storm surge", "SSW");
        m.put("风暴潮", "SSW");
        return m;
    }

    private SameCodes() {
    }
}
