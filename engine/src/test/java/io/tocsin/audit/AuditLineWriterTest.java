package io.tocsin.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The byte-buffer writer against the String writer it replaced ({@link ReferenceAuditLog}, the old code frozen):
 * the same records at the same instants make the same file, byte for byte, keyed or not, however the flushes fall.
 */
class AuditLineWriterTest {
    private static final byte[] KEY = "audit-k3y".getBytes(StandardCharsets.UTF_8);

    @Property(tries = 300)
    void writesTheSameBytesAsTheStringWriterItReplaced(@ForAll("records") List<List<String>> records,
                                                       @ForAll long clockSeed, @ForAll boolean keyed,
                                                       @ForAll @IntRange(min = 1, max = 25) int flushEvery)
            throws Exception {
        byte[] key = keyed ? KEY : null;
        Path dir = Files.createTempDirectory("audit-bytes");
        try {
            Path referenceFile = dir.resolve("reference.log");
            List<String> referenceHashes = new ArrayList<>();
            try (ReferenceAuditLog reference = new ReferenceAuditLog(referenceFile, new SteppingClock(clockSeed), key)) {
                for (int i = 0; i < records.size(); i++) {
                    List<String> r = records.get(i);
                    referenceHashes.add(reference.append(r.get(0), r.get(1), r.get(2), r.get(3)));
                    if (i % flushEvery == 0) {
                        reference.flush();
                    }
                }
            }
            List<String> hashes = new ArrayList<>();
            AuditLog log = AuditLog.open(dir.resolve("new"), new SteppingClock(clockSeed), key, false);
            try (log) {
                for (int i = 0; i < records.size(); i++) {
                    List<String> r = records.get(i);
                    hashes.add(log.append(r.get(0), r.get(1), r.get(2), r.get(3)));
                    if (i % flushEvery == 0) {
                        log.flush();
                    }
                }
                assertThat(log.head()).isEqualTo(referenceHashes.get(referenceHashes.size() - 1));
            }

            assertThat(Files.readAllBytes(log.file())).isEqualTo(Files.readAllBytes(referenceFile));
            assertThat(hashes).isEqualTo(referenceHashes);
            AuditVerdict verdict = AuditVerifier.verify(log.file(), key);
            assertThat(verdict.intact()).as(verdict.problem()).isTrue();
            assertThat(verdict.records()).isEqualTo(records.size());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * A lone surrogate has no UTF-8 form: the String writer hashed it as {@code ?} (String.getBytes) but its file
     * encoder refused it, so every flush from then on failed and nothing more reached the file (tried on the old
     * code: three flushes, three MalformedInputExceptions, an empty file). Now the line
     * holds the {@code ?} it is hashed as, verifies, and the chain goes on.
     */
    @Test
    void aLoneSurrogateIsWrittenAsTheQuestionMarkItIsHashedAs(@TempDir Path dir) throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-29T21:40:00.5Z"), ZoneOffset.UTC);
        AuditLog log = AuditLog.open(dir, clock, null, false);
        try (log) {
            log.append("submit", "pub\uD800", "A-1", "half an emoji: \uDE00 and a whole one: 😀");
            log.append("close", "engine", "A-1", "after");
        }
        String first = Files.readAllLines(log.file(), StandardCharsets.UTF_8).get(0);
        String body = ReferenceAuditLog.body(0, clock.instant(), new ReferenceAuditLog.Times(), "submit", "pub?", "A-1",
                "half an emoji: ? and a whole one: 😀", ChainHash.GENESIS);
        assertThat(first).isEqualTo(ReferenceAuditLog.withHash(body, new ChainHash(null).of(body)));
        assertThat(new ChainHash(null).of(body)).isEqualTo(new ChainHash(null).of(
                ReferenceAuditLog.body(0, clock.instant(), new ReferenceAuditLog.Times(), "submit", "pub\uD800", "A-1",
                        "half an emoji: \uDE00 and a whole one: 😀", ChainHash.GENESIS)));
        assertThat(AuditVerifier.verify(log.file(), null).records()).isEqualTo(2);
        assertThat(AuditVerifier.verify(log.file(), null).intact()).isTrue();
    }

    @Test
    void bytesAFailedWriteLeftBehindGoOutOnTheNextDrainOnceAndInOrder() throws Exception {
        FlakyChannel channel = new FlakyChannel();
        AuditLineWriter writer = new AuditLineWriter(channel, new ChainHash(null), ChainHash.GENESIS, 256);
        Instant at = Instant.parse("2026-11-29T21:40:00Z");
        writer.add(0, at, "submit", "pub", "A-1", "x".repeat(100));
        channel.failAfter = 37; // takes 37 bytes, then the disk is full
        assertThatThrownBy(writer::drain).isInstanceOf(IOException.class);
        assertThat(writer.buffered()).isPositive();
        writer.add(1, at, "close", "engine", "A-1", "y".repeat(300)); // more than the buffer holds: drains, grows
        writer.drain();

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        AuditLineWriter clean = new AuditLineWriter(java.nio.channels.Channels.newChannel(expected), new ChainHash(null),
                ChainHash.GENESIS, 1 << 16);
        clean.add(0, at, "submit", "pub", "A-1", "x".repeat(100));
        clean.add(1, at, "close", "engine", "A-1", "y".repeat(300));
        clean.drain();
        assertThat(channel.written.toByteArray()).isEqualTo(expected.toByteArray());
        assertThat(writer.buffered()).isZero();
    }

    @Provide
    Arbitrary<List<List<String>>> records() {
        Arbitrary<String> type = Arbitraries.oneOf(Arbitraries.of("submit", "planning", "close", "cancel", "dispatch"),
                text());
        Arbitrary<String> detail = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, text()),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("台风红色预警：", "quote \" back\\slash\n", "x", "😀", "\u0001")
                        .flatMap(s -> Arbitraries.integers().between(1_000, 25_000).map(s::repeat))));
        return net.jqwik.api.Combinators.combine(type, text(), text(), detail)
                .as((t, actor, alert, d) -> Arrays.asList(t, actor, alert, d)).list().ofMinSize(1).ofMaxSize(60);
    }

    private static Arbitrary<String> text() {
        Arbitrary<String> tricky = Arbitraries.strings()
                .withChars("\"\\/\n\r\t\b\f\u0000\u0001\u001f\u007f é台风😀 ,:{}[]").ofMaxLength(40)
                .map(AuditLineTest::withoutLoneSurrogates);
        Arbitrary<String> chinese = Arbitraries.strings().withCharRange('\u4e00', '\u9fa5').ofMaxLength(60);
        Arbitrary<String> pieces = Arbitraries.of("A-000123", "广州市气象台", "😀", "\"", "\\", "\n", "\r\n", "\u0000",
                "é", "\u2028", "\uFFFF", "𠀀").list().ofMaxSize(20).map(l -> String.join("", l));
        Arbitrary<String> any = Arbitraries.strings().ofMaxLength(30).map(AuditLineTest::withoutLoneSurrogates);
        return Arbitraries.oneOf(tricky, chinese, pieces, any, Arbitraries.just(""), Arbitraries.just(null));
    }

    /**
     * Instants that move on by varied steps: none, whole milli- and microseconds, any nanoseconds, into the next
     * second and minute, and onto whole seconds (no fraction).
     */
    static final class SteppingClock extends Clock {
        private final Random random;
        private Instant now;

        SteppingClock(long seed) {
            random = new Random(seed);
            now = Instant.ofEpochSecond(1_700_000_000L + random.nextInt(400_000_000), random.nextInt(1_000_000_000));
        }

        @Override
        public Instant instant() {
            now = switch (random.nextInt(7)) {
                case 0 -> now;
                case 1 -> now.plusMillis(random.nextInt(1500));
                case 2 -> now.plusNanos(1000L * random.nextInt(2_000_000));
                case 3 -> now.plusNanos(random.nextInt(1_000_000_000));
                case 4 -> Instant.ofEpochSecond(now.getEpochSecond() + 1 + random.nextInt(120));
                case 5 -> Instant.ofEpochSecond(now.getEpochSecond() + 1, 1_000_000L * random.nextInt(1000));
                default -> now.plusNanos(random.nextInt(1000));
            };
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** Takes {@code failAfter} more bytes, then throws once. */
    private static final class FlakyChannel implements WritableByteChannel {
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        int failAfter = Integer.MAX_VALUE;

        @Override
        public int write(ByteBuffer src) throws IOException {
            if (failAfter == 0) {
                failAfter = Integer.MAX_VALUE;
                throw new IOException("No space left on device");
            }
            int n = Math.min(src.remaining(), failAfter);
            byte[] b = new byte[n];
            src.get(b);
            written.writeBytes(b);
            failAfter = failAfter == Integer.MAX_VALUE ? failAfter : failAfter - n;
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
