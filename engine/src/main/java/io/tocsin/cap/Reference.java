package io.tocsin.cap;

/**
 * One entry of CAP {@code <references>}: {@code sender,identifier,sent}. A malformed token keeps its
 * raw text and has null parts, so the validator can point at it.
 */
public record Reference(String raw, String sender, String identifier, String sent) {

    public static Reference parse(String token) {
        String[] parts = token.split(",", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            return new Reference(token, null, null, null);
        }
        return new Reference(token, parts[0], parts[1], parts[2]);
    }

    public boolean wellFormed() { return sender != null; }

    /** Same key shape as {@link Alert#key()}. */
    public String key() { return sender + "," + identifier + "," + sent; }
}
