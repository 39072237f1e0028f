package io.tocsin.cap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/**
 * The properties every CAP fuzz target asserts, shared by the fuzz targets and the named regression tests:
 * decoding gives located reasons (never an exception), every validator (plain and each built-in profile)
 * gives located reasons, and an alert that decoded (and, from JSON, validated) cleanly survives
 * XML write → decode unchanged. Stateless; thread-safe.
 */
final class CapFuzzChecks {
    static final CapDecoder DECODER = new CapDecoder();
    static final CapXmlWriter XML = new CapXmlWriter();
    static final CapJsonWriter JSON = new CapJsonWriter();
    static final CapValidator CORE = new CapValidator();
    static final List<CapValidator> VALIDATORS = validators();

    private CapFuzzChecks() {
    }

    private static List<CapValidator> validators() {
        List<CapValidator> all = new ArrayList<>();
        all.add(CORE);
        for (CapProfile p : CapProfiles.all()) {
            all.add(CORE.with(p));
        }
        all.add(new CapValidator(CapProfiles.all()));
        return List.copyOf(all);
    }

    /**
     * Every reason names a path, a code and a message. (An Atom or RSS index feed may hold no alert and no
     * error; a JSON body with no alert must say why: see {@link #jsonBody}.)
     */
    static void located(Decoded d) {
        assertThat(d).isNotNull();
        assertThat(d.alerts()).doesNotContainNull();
        located(d.reasons(), "/");
    }

    static void located(List<Reason> reasons, String pathPrefix) {
        for (Reason r : reasons) {
            assertThat(r.path()).as("path of %s", r).startsWith(pathPrefix);
            assertThat(r.code()).as("code of %s", r).isNotBlank();
            assertThat(r.message()).as("message of %s", r).isNotNull();
            assertThat(r.level()).isNotNull();
        }
    }

    /** Runs every validator over every alert; returns whether the core rules found no error in all of them. */
    static boolean validateAll(Decoded d) {
        boolean valid = true;
        for (Alert a : d.alerts()) {
            for (CapValidator v : VALIDATORS) {
                List<Reason> reasons = v.validate(a);
                located(reasons, "/alert");
                if (v == CORE) {
                    valid &= reasons.stream().noneMatch(Reason::isError);
                }
            }
        }
        return valid;
    }

    /** XML write → decode gives the same alert back, without errors. */
    static void xmlRoundTrips(Alert alert) {
        byte[] xml = XML.write(alert);
        Decoded again = DECODER.decodeXml(xml);
        assertThat(again.reasons()).as("re-reading what the writer wrote:\n%s", new String(xml,
                java.nio.charset.StandardCharsets.UTF_8)).noneMatch(Reason::isError);
        assertThat(again.alerts()).containsExactly(alert);
    }

    /** JSON write → decode gives the same alert back, without errors. */
    static void jsonRoundTrips(Alert alert) {
        Decoded again = DECODER.decodeJson(JSON.write(alert));
        assertThat(again.reasons()).noneMatch(Reason::isError);
        assertThat(again.alerts()).containsExactly(alert);
    }

    /** The whole property for one XML body. */
    static void xmlBody(byte[] body) {
        Decoded d = DECODER.decodeXml(body);
        located(d);
        validateAll(d);
        if (d.ok()) {
            for (Alert a : d.alerts()) {
                xmlRoundTrips(a);
                jsonRoundTrips(a);
            }
        }
    }

    /** The whole property for one JSON body. */
    static void jsonBody(byte[] body) {
        Decoded d = DECODER.decodeJson(body);
        located(d);
        if (d.alerts().isEmpty()) {
            assertThat(d.reasons()).as("no alert and no reason why").isNotEmpty();
        }
        boolean valid = validateAll(d);
        if (d.ok()) {
            for (Alert a : d.alerts()) {
                jsonRoundTrips(a);
            }
            if (valid) {
                for (Alert a : d.alerts()) {
                    xmlRoundTrips(a);
                }
            }
        }
    }
}
