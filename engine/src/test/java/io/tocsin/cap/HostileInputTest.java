package io.tocsin.cap;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile inputs each yield a clear located reason, quickly, allocating a bounded amount of memory (measured
 * per thread with {@code com.sun.management.ThreadMXBean}; the input array itself is built before measuring).
 * "Quickly" is this thread's CPU time, so a loaded build machine does not make the test flaky.
 */
@Timeout(60)
class HostileInputTest {
    private static final String CAP_OPEN = "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">";
    private static final CapDecoder DECODER = new CapDecoder();
    private static final CapValidator VALIDATOR = new CapValidator();

    record Outcome(List<Reason> reasons, long allocatedBytes, long millis) {
    }

    private static Outcome measure(Supplier<List<Reason>> work) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(id);
        long start = mx.getCurrentThreadCpuTime();
        List<Reason> reasons = work.get();
        long millis = (mx.getCurrentThreadCpuTime() - start) / 1_000_000;
        return new Outcome(reasons, mx.getThreadAllocatedBytes(id) - before, millis);
    }

    private static List<Reason> decodeAndValidate(byte[] body) {
        Decoded d = DECODER.decodeXml(body);
        List<Reason> all = new ArrayList<>(d.reasons());
        d.alerts().forEach(a -> all.addAll(VALIDATOR.validate(a)));
        return all;
    }

    @Test
    void billionLaughsIsRefusedAtItsDoctype() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE alert [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int k = 0; k < 10; k++) {
                dtd.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            dtd.append("\">\n");
        }
        dtd.append("]>\n").append(CAP_OPEN).append("<note>&lol9;</note></alert>");
        byte[] body = dtd.toString().getBytes(StandardCharsets.UTF_8);

        Outcome o = measure(() -> decodeAndValidate(body));

        assertThat(o.reasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("XML_DOCTYPE");
            assertThat(r.message()).contains("line 2");
        });
        assertThat(o.allocatedBytes()).isLessThan(4L << 20);
        assertThat(o.millis()).isLessThan(10_000);
    }

    @Test
    void fiftyMegabyteBodyIsRefusedBeforeParsing() {
        byte[] body = new byte[50 << 20];
        byte[] head = (CAP_OPEN + "<note>").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, body, 0, head.length);
        java.util.Arrays.fill(body, head.length, body.length, (byte) 'a');

        Outcome o = measure(() -> decodeAndValidate(body));

        assertThat(o.reasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("CAP_TOO_LARGE");
            assertThat(r.message()).contains(String.valueOf(body.length));
        });
        assertThat(o.allocatedBytes()).isLessThan(1L << 20);
        assertThat(o.millis()).isLessThan(10_000);
    }

    @Test
    void tenThousandDeepNestingStopsAtTheDepthLimit() {
        StringBuilder sb = new StringBuilder(CAP_OPEN);
        sb.append("<note>".repeat(10_000)).append("x").append("</note>".repeat(10_000)).append("</alert>");
        byte[] body = sb.toString().getBytes(StandardCharsets.UTF_8);

        Outcome o = measure(() -> decodeAndValidate(body));

        assertThat(o.reasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("XML_LIMIT");
            assertThat(r.message()).containsIgnoringCase("depth").contains("line 1");
        });
        assertThat(o.allocatedBytes()).isLessThan(16L << 20);
        assertThat(o.millis()).isLessThan(10_000);
    }

    @Test
    void invalidUtf8IsALocatedEncodingError() {
        byte[] head = (CAP_OPEN + "\n<identifier>ab").getBytes(StandardCharsets.UTF_8);
        byte[] tail = "</identifier></alert>".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        body[head.length] = (byte) 0xE4; // a 3-byte lead followed by ASCII: malformed
        body[head.length + 1] = 'x';
        System.arraycopy(tail, 0, body, head.length + 2, tail.length);

        Outcome o = measure(() -> decodeAndValidate(body));

        assertThat(o.reasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("XML_ENCODING");
            assertThat(r.message()).contains("UTF-8").contains("line 2");
        });
    }

    @Test
    void millionPointPolygonIsRefusedWithoutParsingItsNumbers() {
        StringBuilder sb = new StringBuilder(9_000_000);
        sb.append(CAP_OPEN).append("<identifier>P1</identifier><sender>s</sender>")
                .append("<sent>2026-11-29T09:30:00+08:00</sent><status>Actual</status><msgType>Alert</msgType>")
                .append("<scope>Public</scope><info><category>Met</category><event>e</event>")
                .append("<urgency>Immediate</urgency><severity>Extreme</severity><certainty>Observed</certainty>")
                .append("<area><areaDesc>a</areaDesc><polygon>");
        for (int i = 0; i < 1_000_000; i++) {
            sb.append(i % 10).append(".5,").append(i % 7).append(".5 ");
        }
        sb.append("</polygon></area></info></alert>");
        byte[] body = sb.toString().getBytes(StandardCharsets.UTF_8);

        Outcome o = measure(() -> decodeAndValidate(body));

        assertThat(o.reasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("CAP_POLYGON_TOO_LARGE");
            assertThat(r.path()).isEqualTo("/alert/info[0]/area[0]/polygon[0]");
            assertThat(r.message()).contains("1000000 points");
        });
        // The text itself (8 MB of chars, 16 MB as a String) is read once; nothing per point is allocated.
        assertThat(o.allocatedBytes()).isLessThan(96L << 20);
        // CPU time, with head-room for a shared 2-core machine (measured ~1 s when idle, ~9 s at load 40).
        assertThat(o.millis()).isLessThan(30_000);
    }

    @Test
    void tooManyAttributesAndHugeTextHitWoodstoxLimits() {
        CapDecoder small = new CapDecoder(new CapLimits(1 << 20, 16, 1_000, 8, 1_000, 100));
        String attrs = CAP_OPEN.replace(">", "") + " a1='1' a2='2' a3='3' a4='4' a5='5' a6='6' a7='7' a8='8' a9='9'></alert>";
        assertThat(small.decodeXml(attrs.getBytes(StandardCharsets.UTF_8)).reasons())
                .extracting(Reason::code).containsExactly("XML_LIMIT");
        String text = CAP_OPEN + "<note>" + "x".repeat(5_000) + "</note></alert>";
        assertThat(small.decodeXml(text.getBytes(StandardCharsets.UTF_8)).reasons())
                .extracting(Reason::code).containsExactly("XML_LIMIT");
        String many = CAP_OPEN + "<code>c</code>".repeat(2_000) + "</alert>";
        assertThat(small.decodeXml(many.getBytes(StandardCharsets.UTF_8)).reasons())
                .extracting(Reason::code).containsExactly("XML_LIMIT");
    }

    @Test
    void truncatedAndGarbageInputsAreErrorsNotExceptions() {
        for (String s : List.of("", "   ", "<", "<alert", CAP_OPEN, "not xml at all", "<?xml version='1.0'?>",
                "<a></b>", CAP_OPEN + "</alert><alert/>", "{\"identifier\":")) {
            Decoded d = DECODER.decode(s.getBytes(StandardCharsets.UTF_8));
            assertThat(d.ok()).as("input %s", s).isFalse();
            assertThat(d.reasons()).as("input %s", s).allSatisfy(r -> assertThat(r.code()).isNotBlank());
        }
    }
}
