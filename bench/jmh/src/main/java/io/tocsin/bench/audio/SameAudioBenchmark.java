package io.tocsin.bench.audio;

import io.tocsin.audio.AlertAudio;
import io.tocsin.audio.AudioMessage;
import io.tocsin.audio.AudioSettings;
import io.tocsin.audio.EspeakSynthesizer;
import io.tocsin.audio.SameHeaderBuilder;
import io.tocsin.audio.SameSettings;
import io.tocsin.audio.Speech;
import io.tocsin.audio.SpeechSynthesizer;
import io.tocsin.cap.Alert;
import io.tocsin.cap.AlertInfo;
import io.tocsin.cap.Area;
import io.tocsin.cap.CapVersion;
import io.tocsin.cap.NamedValue;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Audio generation speed: one complete SAME message (header ×3, 8 s attention signal, EOM ×3; about 17 s of
 * audio) per operation, against the naive baseline. Real-time factor = audio seconds ÷ time per operation
 * (printed in setup). {@code espeakMandarin} times the espeak-ng process alone (text-to-speech is outside
 * the tones path and reported separately).
 *
 * <pre>java -jar bench/jmh/target/benchmarks.jar SameAudioBenchmark -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SameAudioBenchmark {

    @Param({"22050", "44100"})
    int sampleRate;

    private AlertAudio audio;
    private Alert alert;
    private String header;
    private SpeechSynthesizer espeak;
    private AlertAudio withSpeech;

    @Setup
    public void setUp() {
        SameSettings same = new SameSettings("GZMB/TOC", null, null, null, Map.of("440106", "044106"), null, null);
        audio = new AlertAudio(new SameHeaderBuilder(same, Clock.systemUTC()),
                new AudioSettings(sampleRate, 8, Map.of(), List.of()), SpeechSynthesizer.none("tones only"));
        Area area = new Area("天河区", List.of(), List.of(),
                List.of(new NamedValue("CPEAS Geographic Code", "440106000000")), null, null);
        AlertInfo info = new AlertInfo("zh-CN", List.of("Met"), "台风", List.of(), "Immediate", "Extreme", "Observed",
                null, List.of(), null, null, "2026-09-14T14:00:00+08:00", "广州市气象台", "广州市台风红色预警", null,
                "请留在室内。", null, null, List.of(), List.of(), List.of(area));
        alert = new Alert(CapVersion.V1_2, "B-1", "bench", "2026-09-14T08:00:00+08:00", "Actual", "Alert", null,
                "Public", null, null, List.of(), null, null, null, List.of(info));
        AudioMessage m = audio.compose(alert);
        header = m.headers().get(0).text();
        espeak = new EspeakSynthesizer("espeak-ng", Duration.ofSeconds(30));
        withSpeech = new AlertAudio(new SameHeaderBuilder(same, Clock.systemUTC()),
                new AudioSettings(sampleRate, 8, Map.of(), List.of()), espeak);
        System.out.printf("%n[audio] %d Hz: one message = %.2f s of audio tones only, %.2f s with speech%n", sampleRate,
                m.pcm().seconds(), withSpeech.compose(alert).pcm().seconds());
    }

    @Benchmark
    public AudioMessage composeTonesOnly() {
        return audio.compose(alert);
    }

    @Benchmark
    public short[] naiveBaseline() {
        return NaiveSameAudio.message(header, 8, sampleRate);
    }

    /** The whole message including the espeak-ng process for its Mandarin text. */
    @Benchmark
    public AudioMessage composeWithSpeech() {
        return withSpeech.compose(alert);
    }

    @Benchmark
    public Speech espeakMandarin() {
        return espeak.speak("广州市台风红色预警。请留在室内，远离门窗。", "cmn");
    }
}
