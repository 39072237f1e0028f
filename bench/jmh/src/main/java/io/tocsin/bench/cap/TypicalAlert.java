package io.tocsin.bench.cap;

import java.util.Locale;

/** A typical real-world-sized CAP 1.2 alert (about 3 KB): two languages, polygon, geocodes, parameters. */
final class TypicalAlert {
    private TypicalAlert() {
    }

    static String xml() {
        StringBuilder polygon = new StringBuilder();
        for (int i = 0; i <= 24; i++) {
            double a = 2 * Math.PI * (i % 24) / 24;
            polygon.append(String.format(Locale.ROOT, "%.4f,%.4f", 23.0 + 0.4 * Math.sin(a), 113.4 + 0.5 * Math.cos(a)));
            if (i < 24) {
                polygon.append(' ');
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">\n"
                + "  <identifier>44010041600000_20261129093000_1</identifier>\n"
                + "  <sender>Guangzhou_Meteorological_Observatory</sender>\n"
                + "  <sent>2026-11-29T09:30:00+08:00</sent>\n"
                + "  <status>Actual</status>\n  <msgType>Alert</msgType>\n  <scope>Public</scope>\n"
                + info("zh-CN", "台风", "广州市气象台", "广州市气象台发布台风红色预警信号",
                        "受台风影响，预计未来12小时内南沙区、番禺区、海珠区、黄埔区将出现12级以上大风和特大暴雨。",
                        "请立即停止户外活动，远离海边和低洼地带，留在安全的室内。", "南沙区、番禺区、海珠区、黄埔区", polygon)
                + info("en-US", "Typhoon", "Guangzhou Meteorological Observatory", "Red typhoon warning for Guangzhou",
                        "Winds of force 12 and above and torrential rain are expected within 12 hours.",
                        "Stop all outdoor activity now and stay indoors.", "Nansha, Panyu, Haizhu, Huangpu", polygon)
                + "</alert>\n";
    }

    private static String info(String lang, String event, String senderName, String headline, String description,
            String instruction, String areaDesc, CharSequence polygon) {
        return "  <info>\n    <language>" + lang + "</language>\n    <category>Met</category>\n"
                + "    <event>" + event + "</event>\n    <responseType>Shelter</responseType>\n"
                + "    <urgency>Immediate</urgency>\n    <severity>Extreme</severity>\n    <certainty>Observed</certainty>\n"
                + "    <eventCode><valueName>SAME</valueName><value>HUW</value></eventCode>\n"
                + "    <expires>2026-11-29T21:30:00+08:00</expires>\n"
                + "    <senderName>" + senderName + "</senderName>\n    <headline>" + headline + "</headline>\n"
                + "    <description>" + description + "</description>\n"
                + "    <instruction>" + instruction + "</instruction>\n"
                + "    <parameter><valueName>color</valueName><value>red</value></parameter>\n"
                + "    <area>\n      <areaDesc>" + areaDesc + "</areaDesc>\n"
                + "      <polygon>" + polygon + "</polygon>\n"
                + "      <geocode><valueName>CPEAS Geographic Code</valueName><value>440115000000</value></geocode>\n"
                + "      <geocode><valueName>CPEAS Geographic Code</valueName><value>440113000000</value></geocode>\n"
                + "    </area>\n  </info>\n";
    }
}
