package io.tocsin.radio;

import io.tocsin.audio.AlertAudio;
import io.tocsin.audio.AudioMessage;
import io.tocsin.cap.Alert;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The composed audio of recent alerts, so that one alert on twenty transmitters runs text-to-speech once.
 * Keeps the last {@code capacity} alerts. Thread-safe.
 */
public final class AudioLibrary {

    private final AlertAudio audio;
    private final Map<String, CompletableFuture<AudioMessage>> recent;

    public AudioLibrary(AlertAudio audio, int capacity) {
        this.audio = audio;
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<AudioMessage>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The audio of this alert, composing it on the calling thread the first time. */
    public AudioMessage get(String alertId, Alert alert) {
        CompletableFuture<AudioMessage> mine = new CompletableFuture<>();
        CompletableFuture<AudioMessage> existing;
        synchronized (recent) {
            existing = recent.putIfAbsent(alertId, mine);
        }
        if (existing != null) {
            return existing.join();
        }
        try {
            mine.complete(audio.compose(alert));
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            synchronized (recent) {
                recent.remove(alertId, mine);
            }
            throw e;
        }
        return mine.join();
    }

    public AlertAudio audio() {
        return audio;
    }
}
