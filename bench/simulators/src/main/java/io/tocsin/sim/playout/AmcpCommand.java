package io.tocsin.sim.playout;

import java.util.ArrayList;
import java.util.List;

/**
 * One AMCP command line as received, split into parameters the way CasparCG does: whitespace separates,
 * double quotes group, and inside quotes {@code \"}, {@code \\} and {@code \n} are escapes. Immutable.
 *
 * @param line   the line as received, without its CRLF
 * @param params the parameters, unescaped; {@code params.get(0)} is the verb
 * @param error  why the line could not be split (unterminated quote, empty), else null
 */
public record AmcpCommand(String line, List<String> params, String error) {

    public AmcpCommand {
        params = List.copyOf(params);
    }

    public String verb() {
        return params.isEmpty() ? "" : params.get(0).toUpperCase(java.util.Locale.ROOT);
    }

    public static AmcpCommand parse(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean inToken = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '\\' && i + 1 < line.length()) {
                    char n = line.charAt(++i);
                    cur.append(n == 'n' ? '\n' : n);
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                inToken = true;
            } else if (Character.isWhitespace(c)) {
                if (inToken) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inToken = false;
                }
            } else {
                cur.append(c);
                inToken = true;
            }
        }
        if (quoted) {
            return new AmcpCommand(line, out, "unterminated quote");
        }
        if (inToken) {
            out.add(cur.toString());
        }
        return new AmcpCommand(line, out, out.isEmpty() ? "empty command" : null);
    }
}
