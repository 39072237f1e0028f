package io.tocsin.cap;

/** A CAP {@code <resource>}: a file or link that goes with the info (image, audio, map). */
public record Resource(
        String resourceDesc,
        String mimeType,
        String size,
        String uri,
        String derefUri,
        String digest) {
}
