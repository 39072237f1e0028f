package io.tocsin.ingress;

/** The alert body formats {@code POST /alerts} reads, by media type. */
public enum BodyFormat {
    XML, JSON;

    /** The format for a media type (without parameters), or null when it is not one we read (→ 415). */
    public static BodyFormat ofMediaType(String mediaType) {
        return switch (mediaType) {
            case "application/cap+xml", "application/xml", "text/xml" -> XML;
            case "application/json", "application/cap+json" -> JSON;
            default -> null;
        };
    }
}
