package io.tocsin.ingress;

/**
 * What is known of a request once its headers have arrived, before any body is read: enough to refuse it
 * early (404, 405, 401, 403, 413, 415) without buffering anything. Immutable.
 *
 * @param contentLength the declared length, or -1 when absent (chunked)
 * @param bearerKey     the key from {@code Authorization: Bearer KEY}, or null
 */
public record RequestHead(String method, String path, String query, String contentType, long contentLength,
                          String bearerKey) {

    /** The media type without parameters, lower case, or "" when absent. */
    public String mediaType() {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase();
    }
}
