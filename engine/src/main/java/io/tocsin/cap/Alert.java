package io.tocsin.cap;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One CAP alert message (CAP 1.2 element {@code <alert>}; 1.1 and 1.0 read into the same shape).
 *
 * <p>Immutable. Enumerated and date-time fields are kept as the text that was received so that
 * validation can report a bad value with its location and the message can be written back as it was
 * read; typed views ({@link #statusValue()}, {@link #sentTime()} ...) return {@code null} for text
 * that does not parse. Lists are never null.
 */
public record Alert(
        CapVersion version,
        String identifier,
        String sender,
        String sent,
        String status,
        String msgType,
        String source,
        String scope,
        String restriction,
        String addresses,
        List<String> codes,
        String note,
        String references,
        String incidents,
        List<AlertInfo> infos) {

    public Alert {
        codes = codes == null ? List.of() : List.copyOf(codes);
        infos = infos == null ? List.of() : List.copyOf(infos);
    }

    public Status statusValue() { return Status.parse(status); }

    public MsgType msgTypeValue() { return MsgType.parse(msgType); }

    public Scope scopeValue() { return Scope.parse(scope); }

    public OffsetDateTime sentTime() { return CapDateTime.parseOrNull(sent); }

    /** The idempotency key of CAP: sender, identifier and sent together name one message. */
    public String key() { return sender + "," + identifier + "," + sent; }

    /** The parsed {@code references} list: whitespace-separated {@code sender,identifier,sent} triples. */
    public List<Reference> referenceList() {
        if (references == null || references.isBlank()) {
            return List.of();
        }
        List<Reference> out = new ArrayList<>();
        for (String token : references.trim().split("\\s+")) {
            out.add(Reference.parse(token));
        }
        return out;
    }

    public Alert withInfos(List<AlertInfo> newInfos) {
        return new Alert(version, identifier, sender, sent, status, msgType, source, scope, restriction,
                addresses, codes, note, references, incidents, newInfos);
    }
}
