package io.tocsin.console;

import io.tocsin.cap.Alert;
import io.tocsin.cap.AlertInfo;
import io.tocsin.cap.CapDateTime;
import io.tocsin.cap.MsgType;
import io.tocsin.cap.Scope;
import io.tocsin.cap.Status;
import io.tocsin.ledger.AlertState;
import io.tocsin.ledger.AlertView;
import io.tocsin.ledger.LedgerView;
import io.tocsin.pipeline.Submission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds {@code GET /feed.atom}: an Atom 1.0 feed (RFC 4287) of the active public alerts, shaped the way CAP
 * aggregators (e.g. Google Public Alerts) read feeds: one entry per alert with id, title, updated, author, a
 * summary, {@code <link rel="alternate" type="application/cap+xml">} to {@code /api/v1/alerts/{id}/cap}, and
 * the CAP {@code <alert>} itself embedded as {@code <content type="text/xml">} when the alert arrived as bare
 * CAP XML.
 *
 * <p>Active public: status Actual, scope Public, not pending approval/rejected/cancelled/superseded/expired,
 * and not past its {@code expires}. CAP Cancel messages stay in the feed for {@link #CANCEL_RETENTION} after
 * arrival so that aggregators learn to withdraw the alert they reference.
 *
 * <p>Thread-safe (stateless apart from its injected clock and ledger).
 */
public final class AtomFeed {

    static final Duration CANCEL_RETENTION = Duration.ofHours(24);
    static final String CAP_MEDIA_TYPE = "application/cap+xml";
    private static final Set<AlertState> INACTIVE = EnumSet.of(AlertState.PENDING_APPROVAL, AlertState.REJECTED,
            AlertState.CANCELLED, AlertState.SUPERSEDED, AlertState.EXPIRED);
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final LedgerView ledger;
    private final Clock clock;
    private final String title;

    public AtomFeed(LedgerView ledger, Clock clock, String title) {
        this.ledger = ledger;
        this.clock = clock;
        this.title = title;
    }

    /** The feed document; {@code baseUrl} (e.g. {@code http://host:8080}, no trailing slash) prefixes links. */
    public String render(String baseUrl) {
        Instant now = clock.instant();
        List<Entry> entries = new ArrayList<>();
        for (AlertView view : ledger.alerts()) {
            if (!mayBeActive(view, now)) {
                continue; // decided from the view alone: no body to read back for closed or expired alerts
            }
            Optional<Submission> submission = ledger.submission(view.id());
            if (submission.isPresent() && isActivePublic(view, submission.get().alert(), now)) {
                entries.add(new Entry(view, submission.get(), updatedOf(view, submission.get().alert())));
            }
        }
        entries.sort(Comparator.comparing(Entry::updated).reversed());
        OffsetDateTime feedUpdated = entries.isEmpty() ? now.atOffset(ZoneOffset.UTC) : entries.get(0).updated();
        StringBuilder out = new StringBuilder(4096);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
        element(out, "  ", "id", baseUrl + "/feed.atom");
        element(out, "  ", "title", title);
        element(out, "  ", "updated", RFC3339.format(feedUpdated));
        out.append("  <link rel=\"self\" type=\"application/atom+xml\" href=\"").append(Xml.attr(baseUrl))
                .append("/feed.atom\"/>\n  <author><name>").append(Xml.text(title)).append("</name></author>\n");
        for (Entry e : entries) {
            entry(out, baseUrl, e);
        }
        return out.append("</feed>\n").toString();
    }

    /** What {@link #isActivePublic} can rule out without the CAP body (a Cancel's retention aside). */
    static boolean mayBeActive(AlertView view, Instant now) {
        if (INACTIVE.contains(view.state()) || Status.parse(view.status()) != Status.Actual) {
            return false;
        }
        return MsgType.parse(view.msgType()) == MsgType.Cancel || view.expires() == null || view.expires().isAfter(now);
    }

    static boolean isActivePublic(AlertView view, Alert cap, Instant now) {
        if (cap.statusValue() != Status.Actual || cap.scopeValue() != Scope.Public || INACTIVE.contains(view.state())) {
            return false;
        }
        if (cap.msgTypeValue() == MsgType.Cancel) {
            return view.receivedAt() == null || view.receivedAt().plus(CANCEL_RETENTION).isAfter(now);
        }
        return view.expires() == null || view.expires().isAfter(now);
    }

    private static void entry(StringBuilder out, String baseUrl, Entry e) {
        Alert cap = e.submission().alert();
        AlertInfo info = cap.infos().isEmpty() ? null : cap.infos().get(0);
        String capUrl = baseUrl + "/api/v1/alerts/" + Xml.pathSegment(e.view().id()) + "/cap";
        out.append("  <entry>\n");
        element(out, "    ", "id", capUrl);
        element(out, "    ", "title", firstNonBlank(info == null ? null : info.headline(), e.view().headline(),
                e.view().event(), cap.identifier()));
        element(out, "    ", "updated", RFC3339.format(e.updated()));
        OffsetDateTime sent = cap.sentTime();
        if (sent != null) {
            element(out, "    ", "published", RFC3339.format(sent));
        }
        out.append("    <author><name>").append(Xml.text(firstNonBlank(info == null ? null : info.senderName(),
                cap.sender()))).append("</name></author>\n");
        if (info != null && info.description() != null) {
            element(out, "    ", "summary", info.description().strip());
        }
        if (info != null) {
            for (String category : info.categories()) {
                out.append("    <category term=\"").append(Xml.attr(category)).append("\"/>\n");
            }
        }
        out.append("    <link rel=\"alternate\" type=\"" + CAP_MEDIA_TYPE + "\" href=\"").append(Xml.attr(capUrl))
                .append("\"/>\n");
        Optional<String> embedded = CapEmbedding.alertElement(e.submission().raw(), e.submission().contentType());
        embedded.ifPresent(xml -> out.append("    <content type=\"text/xml\">").append(xml).append("</content>\n"));
        out.append("  </entry>\n");
    }

    private static OffsetDateTime updatedOf(AlertView view, Alert cap) {
        OffsetDateTime sent = CapDateTime.parseOrNull(cap.sent());
        if (sent != null) {
            return sent;
        }
        Instant received = view.receivedAt() == null ? Instant.EPOCH : view.receivedAt();
        return received.atOffset(ZoneOffset.UTC);
    }

    private static void element(StringBuilder out, String indent, String name, String text) {
        out.append(indent).append('<').append(name).append('>').append(Xml.text(text)).append("</").append(name)
                .append(">\n");
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }

    private record Entry(AlertView view, Submission submission, OffsetDateTime updated) {
    }
}
