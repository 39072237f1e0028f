package io.tocsin.connector;

/**
 * How an alert will look on one channel in one language, and whether it fits that channel's budget
 * (SMS segments, cell-broadcast pages, SAME location codes, crawl length). Shown before release: a channel
 * never cuts text silently.
 *
 * @param units   how many units the text takes (segments, pages, codes, characters)
 * @param budget  the most the channel allows
 */
public record Rendering(
        ChannelKind kind,
        String connector,
        String language,
        String text,
        int units,
        int budget,
        String unitName,
        String detail) {

    public boolean fits() { return units <= budget; }
}
