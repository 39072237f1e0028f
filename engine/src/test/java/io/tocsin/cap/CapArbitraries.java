package io.tocsin.cap;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;

/** jqwik generators: any alert the model can hold (for codec identity) and valid CAP 1.2 alerts. */
public final class CapArbitraries {
    private CapArbitraries() {
    }

    /** Text as the decoder returns it: no leading or trailing whitespace; markup characters and CJK inside. */
    static Arbitrary<String> text() {
        // 'E' stands for a supplementary character (a surrogate pair), so pairs are never split.
        return Arbitraries.strings().withChars("aZ09 <>&\"';,.=:/-\n\r\t中文台风é\u00a0E")
                .ofMaxLength(24).map(s -> s.replace("E", "\uD83C\uDF00").trim())
                .filter(s -> !s.isEmpty());
    }

    static Arbitrary<String> optional() {
        return Arbitraries.oneOf(text(), Arbitraries.just("")).injectNull(0.3);
    }

    static Arbitrary<List<String>> texts() {
        return Arbitraries.oneOf(text(), Arbitraries.just("")).list().ofMaxSize(3);
    }

    static Arbitrary<NamedValue> namedValue(CapVersion v) {
        if (v == CapVersion.V1_0) {
            // 1.0 writes "name=value": the name cannot hold '=' and neither part can be absent.
            return Combinators.combine(text().map(s -> s.replace("=", "").trim()), text())
                    .as(NamedValue::new);
        }
        return Combinators.combine(optional(), optional()).as(NamedValue::new);
    }

    public static Arbitrary<Alert> anyAlert() {
        return Arbitraries.of(CapVersion.values()).flatMap(CapArbitraries::anyAlert);
    }

    private static Arbitrary<Alert> anyAlert(CapVersion v) {
        Arbitrary<Area> area = Combinators.combine(optional(), texts(), texts(), namedValue(v).list().ofMaxSize(3),
                optional(), optional()).as(Area::new);
        Arbitrary<Resource> resource = Combinators.combine(optional(), optional(), optional(), optional(),
                optional(), optional()).as(Resource::new);
        Arbitrary<AlertInfo> info = Builders.withBuilder(InfoParts::new)
                .use(optional()).in((p, s) -> p.set(0, s))
                .use(texts()).in((p, l) -> { p.cats = l; return p; })
                .use(optional().list().ofSize(16)).in((p, l) -> p.fill(1, l))
                .use(namedValue(v).list().ofMaxSize(2)).in((p, l) -> { p.codes = l; return p; })
                .use(namedValue(v).list().ofMaxSize(3)).in((p, l) -> { p.params = l; return p; })
                .use(resource.list().ofMaxSize(2)).in((p, l) -> { p.resources = l; return p; })
                .use(area.list().ofMaxSize(2)).in((p, l) -> { p.areas = l; return p; })
                .build(InfoParts::info);
        return Combinators.combine(optional().list().ofSize(13), texts(), info.list().ofMaxSize(2))
                .as((f, codes, infos) -> new Alert(v, f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5),
                        f.get(6), f.get(7), f.get(8), codes, f.get(9), f.get(10), f.get(11), infos));
    }

    /** Mutable assembly of an info's 21 fields for the builder above. */
    static final class InfoParts {
        final String[] s = new String[17];
        List<String> cats = List.of();
        List<NamedValue> codes = List.of();
        List<NamedValue> params = List.of();
        List<Resource> resources = List.of();
        List<Area> areas = List.of();

        InfoParts set(int i, String v) {
            s[i] = v;
            return this;
        }

        InfoParts fill(int from, List<String> values) {
            for (int i = 0; i < values.size() && from + i < s.length; i++) {
                s[from + i] = values.get(i);
            }
            return this;
        }

        AlertInfo info() {
            List<String> responses = s[16] == null ? List.of() : List.of(s[16]);
            return new AlertInfo(s[0], cats, s[1], responses, s[2], s[3], s[4], s[5], codes, s[6], s[7], s[8],
                    s[9], s[10], s[11], s[12], s[13], s[14], params, resources, areas);
        }
    }

    // ---- valid CAP 1.2 alerts ----

    static Arbitrary<String> token() {
        return Arbitraries.strings().withChars("abcXYZ0189._-@:").ofMinLength(1).ofMaxLength(20);
    }

    static Arbitrary<OffsetDateTime> time() {
        return Combinators.combine(Arbitraries.longs().between(946_684_800L, 4_102_444_800L),
                Arbitraries.integers().between(-12 * 4, 14 * 4))
                .as((s, q) -> OffsetDateTime.ofInstant(Instant.ofEpochSecond(s), ZoneOffset.ofTotalSeconds(q * 900)));
    }

    /** A convex ring (regular polygon) around a point well inside the coordinate ranges: closed, simple. */
    static Arbitrary<String> polygon() {
        return Combinators.combine(Arbitraries.doubles().between(-80, 80).ofScale(4),
                Arbitraries.doubles().between(-170, 170).ofScale(4), Arbitraries.integers().between(3, 40),
                Arbitraries.doubles().between(0.01, 5).ofScale(3))
                .as((lat, lon, n, r) -> {
                    StringBuilder sb = new StringBuilder();
                    String first = null;
                    for (int i = 0; i < n; i++) {
                        double a = 2 * Math.PI * i / n;
                        String p = String.format(java.util.Locale.ROOT, "%.5f,%.5f", lat + r * Math.sin(a),
                                lon + r * Math.cos(a));
                        first = first == null ? p : first;
                        sb.append(p).append(' ');
                    }
                    return sb.append(first).toString();
                });
    }

    static Arbitrary<String> circle() {
        return Combinators.combine(Arbitraries.doubles().between(-90, 90).ofScale(4),
                Arbitraries.doubles().between(-180, 180).ofScale(4), Arbitraries.doubles().between(0, 500).ofScale(1))
                .as((lat, lon, r) -> String.format(java.util.Locale.ROOT, "%.4f,%.4f %.1f", lat, lon, r));
    }

    static Arbitrary<Alert> validAlert() {
        Arbitrary<Area> area = Combinators.combine(text(), polygon().list().ofMaxSize(2), circle().list().ofMaxSize(2),
                Combinators.combine(token(), token()).as(NamedValue::new).list().ofMaxSize(3))
                .as((d, p, c, g) -> new Area(d, p, c, g, null, null));
        Arbitrary<List<String>> categories = Arbitraries.of(CapVocabulary.CATEGORY).list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<List<String>> responses = Arbitraries.of(CapVocabulary.RESPONSE).list().ofMaxSize(2);
        Arbitrary<String> language = Arbitraries.of("en-US", "zh-CN", "fr-CA", "es-419", "de").injectNull(0.3);
        return Combinators.combine(token(), token(), time(), Arbitraries.of(CapVocabulary.STATUS),
                Arbitraries.of("Public", "Restricted", "Private"), Arbitraries.integers().between(0, 3),
                Arbitraries.longs().between(0, 86_400 * 3), text())
                .flatAs((id, sender, sent, status, scope, infoCount, life, word) -> {
                    Arbitrary<AlertInfo> info = Combinators.combine(language, categories, responses,
                            Arbitraries.of(CapVocabulary.URGENCY), Arbitraries.of(CapVocabulary.SEVERITY),
                            Arbitraries.of(CapVocabulary.CERTAINTY), area.list().ofMaxSize(3), text())
                            .as((lang, cats, resp, urg, sev, cert, areas, event) -> new AlertInfo(lang, cats, event,
                                    resp, urg, sev, cert, null, List.of(), CapDateTime.format(sent), null,
                                    CapDateTime.format(sent.plusSeconds(life)), word, word, word, null,
                                    "https://example.org/a", null, List.of(), List.of(), areas));
                    return info.list().ofSize(infoCount).map(infos -> new Alert(CapVersion.V1_2, id, sender,
                            CapDateTime.format(sent), status, "Alert", null, scope,
                            "Restricted".equals(scope) ? "responders only" : null,
                            "Private".equals(scope) ? "ops@example.org" : null, new ArrayList<>(), null, null, null,
                            infos));
                });
    }
}
