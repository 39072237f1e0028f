package io.tocsin.cap;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks one alert against the CAP 1.2 rules and any {@code CapProfile}s, returning located reasons.
 * Thread-safe.
 *
 * <p>Alert-level rules live here; {@code <info>} and below are checked by {@link InfoRules}. Stable codes:
 * {@code CAP_REQUIRED}, {@code CAP_ENUM}, {@code CAP_DATETIME}, {@code CAP_IDENTIFIER_CHARS},
 * {@code CAP_SENDER_CHARS}, {@code CAP_REFERENCES_REQUIRED} (Update/Cancel/Ack/Error without references),
 * {@code CAP_REFERENCES_EMPTY} (warning), {@code CAP_REFERENCES_FORMAT},
 * {@code CAP_REFERENCES_SELF}, {@code CAP_REFERENCES_POSTDATED}, {@code CAP_REFERENCES_DUPLICATE} (warning),
 * {@code CAP_RESTRICTION_REQUIRED}, {@code CAP_ADDRESSES_REQUIRED},
 * {@code CAP_VERSION} and those of {@link InfoRules} and {@link GeometryRules}.
 */
public final class CapValidator {
    private final CapLimits limits;
    private final List<CapProfile> profiles;
    private final InfoRules infoRules;

    public CapValidator() {
        this(CapLimits.DEFAULT, List.of());
    }

    public CapValidator(List<CapProfile> profiles) {
        this(CapLimits.DEFAULT, profiles);
    }

    public CapValidator(CapLimits limits, List<CapProfile> profiles) {
        this.limits = limits;
        this.profiles = List.copyOf(profiles);
        this.infoRules = new InfoRules(new GeometryRules(limits.maxPolygonPoints()));
    }

    public List<CapProfile> profiles() {
        return profiles;
    }

    /** A validator with the same limits and these profiles added. */
    public CapValidator with(CapProfile profile) {
        List<CapProfile> more = new ArrayList<>(profiles);
        more.add(profile);
        return new CapValidator(limits, more);
    }

    public List<Reason> validate(Alert alert) {
        List<Reason> out = new ArrayList<>();
        CapVersion v = alert.version();
        if (v == null) {
            out.add(Reason.error("/alert", "CAP_VERSION", "no CAP namespace: the CAP version is unknown"));
        }
        String id = alert.identifier();
        if (required(id, "/alert/identifier", out) && !plainToken(id, true)) {
            out.add(Reason.error("/alert/identifier", "CAP_IDENTIFIER_CHARS",
                    "identifier must not contain spaces, commas, '<' or '&': '" + id + "'"));
        }
        String sender = alert.sender();
        if (required(sender, "/alert/sender", out) && !plainToken(sender, true)) {
            out.add(Reason.error("/alert/sender", "CAP_SENDER_CHARS",
                    "sender must not contain spaces, commas, '<' or '&': '" + sender + "'"));
        }
        long sent = CapTimes.INVALID;
        if (required(alert.sent(), "/alert/sent", out)) {
            sent = dateTime(alert.sent(), "/alert/sent", out);
        }
        enumerated(alert.status(), CapVocabulary.status(v), "/alert/status", true, out);
        enumerated(alert.msgType(), CapVocabulary.MSG_TYPE, "/alert/msgType", true, out);
        enumerated(alert.scope(), CapVocabulary.SCOPE, "/alert/scope", true, out);
        if ("Restricted".equals(alert.scope()) && blank(alert.restriction())) {
            out.add(Reason.error("/alert/restriction", "CAP_RESTRICTION_REQUIRED",
                    "scope Restricted needs a <restriction> saying who may see the alert"));
        }
        if ("Private".equals(alert.scope()) && blank(alert.addresses())) {
            out.add(Reason.error("/alert/addresses", "CAP_ADDRESSES_REQUIRED",
                    "scope Private needs <addresses> naming the recipients"));
        }
        references(alert, sent, out);
        List<AlertInfo> infos = alert.infos();
        for (int i = 0; i < infos.size(); i++) {
            infoRules.check(v, infos.get(i), sent, "/alert/info[" + i + "]", out);
        }
        for (CapProfile p : profiles) {
            p.check(alert, out);
        }
        return out;
    }

    /** True when no reason is an error. */
    public boolean isValid(Alert alert) {
        for (Reason r : validate(alert)) {
            if (r.isError()) {
                return false;
            }
        }
        return true;
    }

    private static void references(Alert alert, long sent, List<Reason> out) {
        String refs = alert.references();
        String msgType = alert.msgType();
        boolean needsRefs = "Update".equals(msgType) || "Cancel".equals(msgType) || "Ack".equals(msgType)
                || "Error".equals(msgType);
        if (refs == null || refs.isBlank()) {
            if (needsRefs) {
                out.add(Reason.error("/alert/references", "CAP_REFERENCES_REQUIRED",
                        "msgType " + msgType + " must name the earlier message(s) it refers to in <references>"));
            } else if (refs != null) {
                out.add(Reason.warning("/alert/references", "CAP_REFERENCES_EMPTY",
                        "<references> is present but empty"));
            }
            return;
        }
        List<Reference> list = alert.referenceList();
        Set<String> seen = new java.util.HashSet<>();
        String self = alert.key();
        for (int i = 0; i < list.size(); i++) {
            Reference ref = list.get(i);
            String path = "/alert/references";
            if (!ref.wellFormed()) {
                out.add(Reason.error(path, "CAP_REFERENCES_FORMAT", "reference " + i + " '" + ref.raw()
                        + "' is not sender,identifier,sent"));
                continue;
            }
            long refSent = CapTimes.epochSeconds(ref.sent());
            if (refSent == CapTimes.INVALID) {
                out.add(Reason.error(path, "CAP_REFERENCES_FORMAT", "reference " + i + " has sent '" + ref.sent()
                        + "', not a CAP date-time"));
            }
            if (!plainToken(ref.identifier(), true) || !plainToken(ref.sender(), true)) {
                out.add(Reason.error(path, "CAP_REFERENCES_FORMAT", "reference " + i
                        + " has a sender or identifier with forbidden characters"));
            }
            if (ref.key().equals(self)) {
                out.add(Reason.error(path, "CAP_REFERENCES_SELF", "the alert references itself"));
            } else if (sent != CapTimes.INVALID && refSent != CapTimes.INVALID && refSent > sent) {
                out.add(Reason.error(path, "CAP_REFERENCES_POSTDATED", "reference " + i + " was sent at "
                        + ref.sent() + ", after this alert (" + alert.sent() + ")"));
            }
            if (!seen.add(ref.key())) {
                out.add(Reason.warning(path, "CAP_REFERENCES_DUPLICATE", "reference " + i + " is listed twice"));
            }
        }
    }

    static boolean required(String value, String path, List<Reason> out) {
        if (value == null || value.isEmpty()) {
            out.add(Reason.error(path, "CAP_REQUIRED", path.substring(path.lastIndexOf('/') + 1)
                    + (value == null ? " is required" : " is required and must not be empty")));
            return false;
        }
        return true;
    }

    static void enumerated(String value, Set<String> allowed, String path, boolean isRequired, List<Reason> out) {
        if (value == null && !isRequired) {
            return;
        }
        if (value == null) {
            required(null, path, out);
            return;
        }
        if (!allowed.contains(value)) {
            out.add(Reason.error(path, "CAP_ENUM", "'" + value + "' is not one of " + new java.util.TreeSet<>(allowed)));
        }
    }

    static long dateTime(String value, String path, List<Reason> out) {
        long t = CapTimes.epochSeconds(value);
        if (t == CapTimes.INVALID) {
            String hint = value.endsWith("Z") ? " (CAP 1.2 forbids 'Z': write -00:00 or +00:00)" : "";
            out.add(Reason.error(path, "CAP_DATETIME", "'" + value
                    + "' is not a CAP date-time YYYY-MM-DDThh:mm:ss+hh:mm" + hint));
        }
        return t;
    }

    /** No whitespace, comma, '<' or '&' (CAP 1.2 identifier and sender rule). */
    static boolean plainToken(String s, boolean noComma) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = c > ' ' && c < 0x80 // printable ASCII: only these three are refused
                    ? c == '<' || c == '&' || (noComma && c == ',')
                    : Character.isWhitespace(c);
            if (bad) {
                return false;
            }
        }
        return true;
    }

    /** True when {@link #required} would report {@code value}. */
    static boolean missing(String value) {
        return value == null || value.isEmpty();
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
