package io.tocsin.cbs.connector;

import io.tocsin.cap.AlertInfo;

/**
 * The text a cell broadcast carries for one CAP info block: headline, description and instruction on
 * separate lines. CR is the CBS padding character, so CRLF and lone CR become LF; trailing blanks go.
 * Stateless; thread-safe.
 */
public final class CbsText {

    private CbsText() {
    }

    public static String of(AlertInfo info) {
        StringBuilder sb = new StringBuilder(256);
        append(sb, info.headline());
        append(sb, info.description());
        append(sb, info.instruction());
        if (sb.length() == 0) {
            append(sb, info.event());
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, String part) {
        if (part == null) {
            return;
        }
        String p = part.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (p.isEmpty()) {
            return;
        }
        if (sb.length() > 0) {
            sb.append('\n');
        }
        sb.append(p);
    }
}
