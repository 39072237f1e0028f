package io.tocsin.audio;

import io.tocsin.cap.Alert;
import io.tocsin.cap.AlertInfo;
import io.tocsin.cap.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Composes the full EAS/SAME audio of an alert, once per header (more than 31 locations make several
 * complete messages, back to back):
 *
 * <pre>
 *   ½ s ─ [AB×16 ZCZC…] 1 s [AB×16 ZCZC…] 1 s [AB×16 ZCZC…] 1 s ─ attention 853+960 Hz ─ 1 s ─
 *   spoken message (each language, ½ s apart) ─ 1 s ─ [AB×16 NNNN] 1 s [AB×16 NNNN] 1 s [AB×16 NNNN] 1 s
 * </pre>
 *
 * Thread-safe if its synthesizer is (everything else is immutable).
 */
public final class AlertAudio {

    private static final double LEVEL = 0.6;

    private final SameHeaderBuilder headers;
    private final AudioSettings settings;
    private final SpeechSynthesizer tts;
    private final AfskModulator afsk = new AfskModulator(LEVEL);
    private final AttentionSignal attention = new AttentionSignal(LEVEL);

    public AlertAudio(SameHeaderBuilder headers, AudioSettings settings, SpeechSynthesizer tts) {
        this.headers = headers;
        this.settings = settings;
        this.tts = tts;
    }

    public SameHeaderBuilder headers() {
        return headers;
    }

    public AudioSettings settings() {
        return settings;
    }

    public AudioMessage compose(Alert alert) {
        SameBuild build = headers.build(alert);
        List<String> problems = new ArrayList<>(build.problems());
        List<AudioMessage.SpokenPart> parts = new ArrayList<>();
        if (!build.ok()) {
            return new AudioMessage(List.of(), null, parts, problems);
        }
        Pcm speech = speak(alert, parts, problems);
        Pcm out = new Pcm(settings.sampleRate(), estimate(build, speech));
        for (SameHeader header : build.headers()) {
            appendMessage(header.text(), speech, out);
        }
        return new AudioMessage(build.headers(), out, parts, problems);
    }

    /** Appends one complete message (header ×3, attention, speech, EOM ×3). Public for benchmarks. */
    public void appendMessage(String header, Pcm speech, Pcm out) {
        out.silenceSeconds(0.5);
        for (int i = 0; i < 3; i++) {
            afsk.burst(header, out);
            out.silenceSeconds(1);
        }
        attention.append(settings.attentionSeconds(), out);
        out.silenceSeconds(1);
        if (speech != null && speech.length() > 0) {
            out.append(speech);
            out.silenceSeconds(1);
        }
        for (int i = 0; i < 3; i++) {
            afsk.burst(SameHeader.EOM, out);
            out.silenceSeconds(1);
        }
    }

    /** The text spoken for each selected info block, with the exercise/test marker first. */
    public List<AudioMessage.SpokenPart> texts(Alert alert) {
        List<AudioMessage.SpokenPart> out = new ArrayList<>();
        for (AlertInfo info : selected(alert)) {
            String lang = info.languageOrDefault();
            out.add(new AudioMessage.SpokenPart(lang, settings.voiceFor(lang), spokenText(alert, info), false));
        }
        return out;
    }

    private Pcm speak(Alert alert, List<AudioMessage.SpokenPart> parts, List<String> problems) {
        Pcm all = new Pcm(settings.sampleRate(), settings.sampleRate() * 10);
        for (AudioMessage.SpokenPart part : texts(alert)) {
            Speech s = tts.speak(part.text(), part.voice());
            if (s.ok()) {
                if (all.length() > 0) {
                    all.silenceSeconds(0.5);
                }
                all.append(Resampler.to(s.pcm(), settings.sampleRate()));
            } else {
                problems.add("text-to-speech failed for " + part.language() + " (voice " + part.voice() + "): "
                        + s.error() + "; message sent with tones only for this language");
            }
            parts.add(new AudioMessage.SpokenPart(part.language(), part.voice(), part.text(), s.ok()));
        }
        return all;
    }

    private List<AlertInfo> selected(Alert alert) {
        if (settings.languages().isEmpty()) {
            return alert.infos();
        }
        List<AlertInfo> out = new ArrayList<>();
        for (String want : settings.languages()) {
            String w = want.toLowerCase(Locale.ROOT);
            for (AlertInfo info : alert.infos()) {
                if (info.languageOrDefault().toLowerCase(Locale.ROOT).startsWith(w) && !out.contains(info)) {
                    out.add(info);
                }
            }
        }
        return out;
    }

    static String spokenText(Alert alert, AlertInfo info) {
        String lang = info.languageOrDefault();
        boolean chinese = lang.toLowerCase(Locale.ROOT).startsWith("zh") || lang.toLowerCase(Locale.ROOT).startsWith("yue");
        String stop = chinese ? "。" : ". ";
        StringBuilder sb = new StringBuilder();
        String marker = StatusMarker.word(alert.statusValue(), lang);
        if (marker != null) {
            sb.append(chinese ? marker + "，" + marker + "。" : "This is an " + marker.toLowerCase(Locale.ROOT)
                    + ". ");
            if (!chinese && alert.statusValue() == Status.Test) {
                sb.setLength(0);
                sb.append("This is a test. ");
            }
        }
        for (String s : new String[] {info.headline(), info.description(), info.instruction()}) {
            if (s != null && !s.isBlank()) {
                sb.append(s.trim());
                if (!s.trim().endsWith("。") && !s.trim().endsWith(".")) {
                    sb.append(stop);
                } else if (!chinese) {
                    sb.append(' ');
                }
            }
        }
        return sb.toString().trim();
    }

    private int estimate(SameBuild build, Pcm speech) {
        double perMessage = 0.5 + 3 * 2.2 + settings.attentionSeconds() + 1 + 3 * 1.5 + 2;
        return (int) (build.headers().size() * (perMessage * settings.sampleRate() + speech.length()));
    }
}
