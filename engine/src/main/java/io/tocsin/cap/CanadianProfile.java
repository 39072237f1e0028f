package io.tocsin.cap;

import java.util.List;

/**
 * CAP-CP (Canadian Profile, 0.4): {@code <code>profile:CAP-CP:0.4</code>}; Update and Cancel carry
 * references; every info is in en-CA or fr-CA, has an event code {@code profile:CAP-CP:Event:0.4} and an
 * {@code expires}; every area has a {@code profile:CAP-CP:Location:0.3} geocode. Codes start with
 * {@code CAPCP_}. Thread-safe.
 */
public final class CanadianProfile implements CapProfile {
    static final String CODE = "profile:CAP-CP:0.4";
    static final String EVENT = "profile:CAP-CP:Event:0.4";
    static final String LOCATION = "profile:CAP-CP:Location:0.3";

    @Override
    public String name() {
        return "cap-cp";
    }

    @Override
    public String title() {
        return "CAP-CP 0.4 (Canada)";
    }

    @Override
    public void check(Alert alert, List<Reason> out) {
        if (!alert.codes().contains(CODE)) {
            out.add(Reason.error("/alert/code", "CAPCP_CODE", "CAP-CP needs <code>" + CODE + "</code>"));
        }
        String msgType = alert.msgType();
        if (("Update".equals(msgType) || "Cancel".equals(msgType)) && CapValidator.blank(alert.references())) {
            out.add(Reason.error("/alert/references", "CAPCP_REFERENCES",
                    "CAP-CP Update and Cancel messages must reference earlier messages"));
        }
        for (int i = 0; i < alert.infos().size(); i++) {
            AlertInfo info = alert.infos().get(i);
            String path = "/alert/info[" + i + "]";
            String lang = info.languageOrDefault();
            if (!"en-CA".equals(lang) && !"fr-CA".equals(lang)) {
                out.add(Reason.error(path + "/language", "CAPCP_LANGUAGE", "CAP-CP needs en-CA or fr-CA, not " + lang));
            }
            if (info.eventCode(EVENT) == null) {
                out.add(Reason.error(path + "/eventCode", "CAPCP_EVENT", "CAP-CP needs an eventCode " + EVENT));
            }
            if (info.expires() == null) {
                out.add(Reason.warning(path + "/expires", "CAPCP_EXPIRES", "CAP-CP recommends <expires>"));
            }
            for (int a = 0; a < info.areas().size(); a++) {
                if (NamedValue.first(info.areas().get(a).geocodes(), LOCATION) == null) {
                    out.add(Reason.error(path + "/area[" + a + "]/geocode", "CAPCP_LOCATION",
                            "CAP-CP needs a geocode " + LOCATION + " in every area"));
                }
            }
        }
    }
}
