package io.tocsin.console;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a submission's raw body can be embedded in another XML document (the Atom feed) or served
 * as {@code application/cap+xml}: only a bare CAP {@code <alert>} qualifies (not JSON, not an EDXL-DE or Atom
 * wrapper holding several alerts, never anything with a DOCTYPE). Returns the alert element's text without
 * the XML declaration, decoded with the declared encoding. Stateless and thread-safe.
 */
final class CapEmbedding {

    private static final Pattern DECLARATION = Pattern.compile("^\\uFEFF?\\s*<\\?xml[^>]*\\?>");
    private static final Pattern ENCODING = Pattern.compile("encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");
    private static final Pattern LEADING_MISC = Pattern.compile("^(\\s|<!--.*?-->)*", Pattern.DOTALL);
    private static final Pattern ALERT_START = Pattern.compile("^<([A-Za-z_][\\w.-]*:)?alert[\\s>]");

    private CapEmbedding() {
    }

    static Optional<String> alertElement(byte[] raw, String contentType) {
        if (raw == null || raw.length == 0 || (contentType != null && contentType.contains("json"))) {
            return Optional.empty();
        }
        String head = new String(raw, 0, Math.min(raw.length, 200), StandardCharsets.ISO_8859_1);
        Charset charset = StandardCharsets.UTF_8;
        Matcher decl = DECLARATION.matcher(head);
        if (decl.find()) {
            Matcher enc = ENCODING.matcher(decl.group());
            if (enc.find()) {
                try {
                    charset = Charset.forName(enc.group(1));
                } catch (IllegalArgumentException unknown) {
                    return Optional.empty();
                }
            }
        }
        String text = new String(raw, charset);
        text = DECLARATION.matcher(text).replaceFirst("");
        text = LEADING_MISC.matcher(text).replaceFirst("");
        if (!ALERT_START.matcher(text).find() || text.contains("<!DOCTYPE") || text.contains("<!ENTITY")) {
            return Optional.empty();
        }
        return Optional.of(text.strip());
    }
}
