package io.tocsin.cap;

import java.util.List;

/**
 * IPAWS v1.0 (FEMA's CAP 1.2 profile for EAS, WEA and NWEM): {@code <code>IPAWSv1.0</code>}; Update and
 * Cancel carry references; every info has {@code expires}, a 3-letter SAME event code and an
 * {@code EAS-ORG} parameter when it goes to EAS; every area has a 6-digit SAME geocode; languages en-US or
 * es-US. Codes start with {@code IPAWS_}. Thread-safe.
 */
public final class IpawsProfile implements CapProfile {

    @Override
    public String name() {
        return "ipaws";
    }

    @Override
    public String title() {
        return "IPAWS v1.0";
    }

    @Override
    public void check(Alert alert, List<Reason> out) {
        if (!alert.codes().contains("IPAWSv1.0")) {
            out.add(Reason.error("/alert/code", "IPAWS_CODE", "IPAWS needs <code>IPAWSv1.0</code>"));
        }
        if (alert.version() != CapVersion.V1_2) {
            out.add(Reason.error("/alert", "IPAWS_VERSION", "IPAWS accepts CAP 1.2 only"));
        }
        String msgType = alert.msgType();
        if (("Update".equals(msgType) || "Cancel".equals(msgType)) && CapValidator.blank(alert.references())) {
            out.add(Reason.error("/alert/references", "IPAWS_REFERENCES",
                    "IPAWS Update and Cancel messages must reference the messages they replace"));
        }
        for (int i = 0; i < alert.infos().size(); i++) {
            AlertInfo info = alert.infos().get(i);
            String path = "/alert/info[" + i + "]";
            String lang = info.languageOrDefault();
            if (!"en-US".equals(lang) && !"es-US".equals(lang)) {
                out.add(Reason.warning(path + "/language", "IPAWS_LANGUAGE",
                        "IPAWS expects en-US or es-US, not " + lang));
            }
            if (info.expires() == null) {
                out.add(Reason.error(path + "/expires", "IPAWS_EXPIRES", "IPAWS needs <expires> in every info"));
            }
            String same = info.eventCode("SAME");
            if (same == null || !same.matches("[A-Z]{3}")) {
                out.add(Reason.error(path + "/eventCode", "IPAWS_SAME_EVENT",
                        "IPAWS needs an eventCode SAME with a 3-letter event code"));
            }
            if (same != null && info.parameter("EAS-ORG") == null) {
                out.add(Reason.warning(path + "/parameter", "IPAWS_EAS_ORG",
                        "an EAS-bound IPAWS message should carry parameter EAS-ORG"));
            }
            for (int a = 0; a < info.areas().size(); a++) {
                String geo = NamedValue.first(info.areas().get(a).geocodes(), "SAME");
                if (geo == null || !geo.matches("\\d{6}")) {
                    out.add(Reason.error(path + "/area[" + a + "]/geocode", "IPAWS_SAME_GEOCODE",
                            "IPAWS needs a 6-digit SAME geocode in every area"));
                }
            }
        }
    }
}
