package io.tocsin.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tocsin.cap.Alert;
import io.tocsin.cap.NamedValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every header we build decodes with the real decoder, {@code multimon-ng -a EAS}, to exactly the text we
 * built: one decoded header per SAME message (multimon-ng reports a header once for its three bursts) and
 * three NNNN per message.
 */
@Timeout(120)
class SameDecodeTest {

    private static final SameSettings SAME = new SameSettings("GZMB/TOC", null, null, null,
            Map.of("440106", "044106", "440104", "044104"), null, null);

    @TempDir
    Path dir;

    @BeforeAll
    static void needsDecoder() {
        assumeTrue(Multimon.installed(), "multimon-ng and sox are not installed (apt-get install -y multimon-ng sox): "
                + "SAME decode tests skipped");
    }

    static Stream<Arguments> alerts() {
        return Stream.of(
                Arguments.of("red typhoon, 6 h, CPEAS geocodes mapped", TestAlerts.typhoon("Actual"), 22_050),
                Arguments.of("31 locations exactly, 45 min", many(31, "Flood", "2026-03-01T10:44:00Z"), 22_050),
                Arguments.of("45 locations, 1 h 10 min -> 0130", many(45, "Rainstorm", "2026-03-01T11:10:00Z"), 22_050),
                Arguments.of("70 locations at 44.1 kHz, 14 min -> 0015", many(70, "Forest fire", "2026-03-01T10:14:00Z"),
                        44_100),
                Arguments.of("exercise -> DMO", TestAlerts.typhoon("Exercise"), 22_050),
                Arguments.of("test -> RWT", TestAlerts.typhoon("Test"), 44_100));
    }

    private static Alert many(int n, String event, String expires) {
        return TestAlerts.alert("M-" + n, "Actual", "Alert", "2026-03-01T10:00:00Z", List.of(
                TestAlerts.info("en-US", "Met", event, expires, event + " warning", "Move to higher ground.",
                        List.of(), TestAlerts.sameCodes(n))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("alerts")
    void everyHeaderDecodesToExactlyWhatWeBuilt(String name, Alert alert, int rate) throws Exception {
        AudioSettings settings = new AudioSettings(rate, 8, Map.of(), List.of());
        AlertAudio audio = new AlertAudio(new SameHeaderBuilder(SAME, Clock.systemUTC()), settings,
                SpeechSynthesizer.none("tones only in this test"));
        AudioMessage m = audio.compose(alert);
        assertThat(m.ok()).as("built: %s", m.problems()).isTrue();

        List<String> decoded = decode(m);

        List<String> built = m.headers().stream().map(SameHeader::text).toList();
        assertThat(decoded.stream().filter(l -> l.startsWith("ZCZC")).toList()).containsExactlyElementsOf(built);
        assertEachHeaderIsClosedByEndOfMessage(decoded, built.size(), rate);
    }

    /**
     * Each message: its header, then NNNN. At 22,050 Hz multimon-ng reads our samples as they are and reports
     * all three NNNN. At 44,100 Hz it resamples through sox, which adds random dither; multimon-ng 1.2 does
     * not reset its frame state on a new preamble, so a dither-made character just before a burst can swallow
     * one NNNN burst now and then (its header bursts are voted 2 of 3, so headers are not affected). There we
     * require at least one NNNN per message.
     */
    private static void assertEachHeaderIsClosedByEndOfMessage(List<String> decoded, int messages, int rate) {
        List<Integer> eomsPerMessage = new ArrayList<>();
        for (String line : decoded) {
            if (line.startsWith("ZCZC")) {
                eomsPerMessage.add(0);
            } else if (line.equals("NNNN")) {
                assertThat(eomsPerMessage).as("NNNN before any header in %s", decoded).isNotEmpty();
                eomsPerMessage.set(eomsPerMessage.size() - 1, eomsPerMessage.get(eomsPerMessage.size() - 1) + 1);
            }
        }
        assertThat(eomsPerMessage).hasSize(messages);
        if (rate == 22_050) {
            assertThat(eomsPerMessage).as("NNNN per message").allMatch(n -> n == 3);
        } else {
            assertThat(eomsPerMessage).as("NNNN per message").allMatch(n -> n >= 1 && n <= 3);
        }
    }

    @Test
    void moreThan31LocationsBecomeSeveralMessagesThatAllDecode() throws Exception {
        AlertAudio audio = new AlertAudio(new SameHeaderBuilder(SAME, Clock.systemUTC()), AudioSettings.defaults(),
                SpeechSynthesizer.none("tones only"));
        AudioMessage m = audio.compose(many(64, "Flood", "2026-03-01T12:29:00Z"));

        List<String> decoded = decode(m).stream().filter(l -> l.startsWith("ZCZC")).toList();

        assertThat(decoded).hasSize(3);
        List<String> codes = new ArrayList<>();
        for (String header : decoded) {
            String locations = header.substring("ZCZC-WXR-FLW-".length(), header.indexOf('+'));
            codes.addAll(List.of(locations.split("-")));
            assertThat(header).contains("+0230-0601000-GZMB/TOC-");
        }
        assertThat(codes).containsExactlyElementsOf(TestAlerts.sameCodes(64).stream().map(NamedValue::value).toList());
    }

    @Test
    void spokenMessageInMandarinAndEnglishKeepsTheHeaderDecodable() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/espeak-ng")), "espeak-ng not installed: speech test skipped");
        AlertAudio audio = new AlertAudio(new SameHeaderBuilder(SAME, Clock.systemUTC()), AudioSettings.defaults(),
                new EspeakSynthesizer("espeak-ng", Duration.ofSeconds(30)));
        Alert alert = TestAlerts.typhoon("Exercise");

        AudioMessage m = audio.compose(alert);

        assertThat(m.problems()).isEmpty();
        assertThat(m.spoken()).extracting(AudioMessage.SpokenPart::voice).containsExactly("cmn", "en");
        assertThat(m.spoken()).allMatch(AudioMessage.SpokenPart::spoken);
        assertThat(m.spoken().get(0).text()).startsWith("演习，演习。广州市台风红色预警");
        assertThat(m.spoken().get(1).text()).startsWith("This is an exercise. Red typhoon warning");
        double tonesOnly = tonesOnlySeconds(alert);
        assertThat(m.pcm().seconds()).isGreaterThan(tonesOnly + 2);
        assertThat(decode(m)).containsExactly(m.headers().get(0).text(), "NNNN", "NNNN", "NNNN");
    }

    @Test
    void missingTextToSpeechGivesAClearReasonAndStillSendsTheTones() throws Exception {
        AlertAudio audio = new AlertAudio(new SameHeaderBuilder(SAME, Clock.systemUTC()), AudioSettings.defaults(),
                new EspeakSynthesizer("/nonexistent/espeak-ng", Duration.ofSeconds(5)));

        AudioMessage m = audio.compose(TestAlerts.typhoon("Actual"));

        assertThat(m.ok()).isTrue();
        assertThat(m.speechMissing()).isTrue();
        assertThat(m.problems()).hasSize(2).allMatch(p -> p.contains("text-to-speech")
                && p.contains("/nonexistent/espeak-ng") && p.contains("tones only"));
        assertThat(decode(m)).containsExactly(m.headers().get(0).text(), "NNNN", "NNNN", "NNNN");
    }

    private double tonesOnlySeconds(Alert alert) {
        return new AlertAudio(new SameHeaderBuilder(SAME, Clock.systemUTC()), AudioSettings.defaults(),
                SpeechSynthesizer.none("x")).compose(alert).pcm().seconds();
    }

    private List<String> decode(AudioMessage m) throws Exception {
        Path wav = Files.createTempFile(dir, "same-", ".wav");
        Wav.writeFile(m.pcm(), wav);
        return Multimon.decode(wav);
    }
}
