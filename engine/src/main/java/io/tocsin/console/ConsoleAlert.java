package io.tocsin.console;

import io.tocsin.cap.Alert;
import io.tocsin.cap.AlertInfo;
import io.tocsin.cap.Area;
import io.tocsin.cap.NamedValue;
import io.tocsin.cap.Severity;
import io.tocsin.cap.WarningColour;
import io.tocsin.ledger.AlertState;
import io.tocsin.ledger.AlertView;
import io.tocsin.ledger.ChannelCounters;
import io.tocsin.ledger.RegionDelivery;
import io.tocsin.ledger.TimelineEntry;
import io.tocsin.pipeline.Submission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the console shows for one alert: the ledger's snapshot plus what the page derives from the CAP message
 * (warning colour, scope, area description, targeted region codes, an English headline). Immutable; serialised
 * to JSON for SSE events.
 *
 * @param colour  blue/yellow/orange/red/white, from the CAP parameter {@code color}/{@code colour} or else
 *                from the severity; null when neither says
 * @param regions region codes named by the areas' geocodes (e.g. {@code 440106}), trailing zeros of 12-digit
 *                CPEAS codes removed so they match region codes by prefix
 * @param reach   planned dispatches over every channel (what a cancel stops)
 * @param regionDelivery the ledger's delivered reach per region code (SMS to subscribers located there):
 *                planned, delivered, failed; empty when the ledger keeps none
 */
public record ConsoleAlert(
        String id,
        String sender,
        String identifier,
        String sent,
        String status,
        String msgType,
        String scope,
        String event,
        String headline,
        String headlineEn,
        String severity,
        String urgency,
        String colour,
        String publisher,
        AlertState state,
        Instant receivedAt,
        Instant expires,
        String areaDesc,
        List<String> regions,
        long reach,
        Map<String, ChannelCounters> channels,
        Map<String, RegionDelivery> regionDelivery,
        List<TimelineEntry> timeline) {

    /** Joins a ledger snapshot with its submission (which may be absent). */
    public static ConsoleAlert of(AlertView view, Submission submission) {
        return of(view, submission, Map.of());
    }

    /** Joins a ledger snapshot with its submission (which may be absent) and its delivery per region. */
    public static ConsoleAlert of(AlertView view, Submission submission, Map<String, RegionDelivery> delivered) {
        Alert cap = submission == null ? null : submission.alert();
        List<AlertInfo> infos = cap == null ? List.of() : cap.infos();
        String colour = colourOf(infos, view.severity());
        String headlineEn = null;
        String areaDesc = null;
        Set<String> regions = new LinkedHashSet<>();
        for (AlertInfo info : infos) {
            if (headlineEn == null && info.languageOrDefault().toLowerCase().startsWith("en")) {
                headlineEn = info.headline();
            }
            for (Area area : info.areas()) {
                if (areaDesc == null) {
                    areaDesc = area.areaDesc();
                }
                for (NamedValue code : area.geocodes()) {
                    regions.add(regionCode(code.value()));
                }
            }
        }
        long reach = 0;
        for (ChannelCounters c : view.channels().values()) {
            reach += c.planned();
        }
        return new ConsoleAlert(view.id(), view.sender(), view.identifier(), view.sent(), view.status(),
                view.msgType(), cap == null ? null : cap.scope(), view.event(), view.headline(), headlineEn,
                view.severity(), view.urgency(), colour, view.publisher(), view.state(), view.receivedAt(),
                view.expires(), areaDesc, new ArrayList<>(regions), reach, view.channels(),
                delivered == null ? Map.of() : delivered, view.timeline());
    }

    /** This alert with a newer ledger snapshot: what was derived from the CAP body is kept as it was. */
    public ConsoleAlert refreshed(AlertView view, Map<String, RegionDelivery> delivered) {
        long planned = 0;
        for (ChannelCounters c : view.channels().values()) {
            planned += c.planned();
        }
        return new ConsoleAlert(view.id(), view.sender(), view.identifier(), view.sent(), view.status(),
                view.msgType(), scope, view.event(), view.headline(), headlineEn, view.severity(), view.urgency(),
                colour, view.publisher(), view.state(), view.receivedAt(), view.expires(), areaDesc, regions, planned,
                view.channels(), delivered == null ? Map.of() : delivered, view.timeline());
    }

    /** "440106000000" → "440106"; other codes unchanged. */
    static String regionCode(String value) {
        if (value == null) {
            return "";
        }
        String v = value.trim();
        if (v.length() == 12 && v.chars().allMatch(Character::isDigit)) {
            int end = v.length();
            while (end > 6 && v.startsWith("000", end - 3)) {
                end -= 3;
            }
            return v.substring(0, end);
        }
        return v;
    }

    private static String colourOf(List<AlertInfo> infos, String severity) {
        for (AlertInfo info : infos) {
            for (String name : List.of("color", "colour", "warningColor", "预警颜色")) {
                WarningColour c = WarningColour.parse(info.parameter(name));
                if (c != null) {
                    return c.name().toLowerCase();
                }
            }
        }
        WarningColour c = WarningColour.ofSeverity(Severity.parse(severity));
        return c == null ? null : c.name().toLowerCase();
    }
}
