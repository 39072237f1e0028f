package io.tocsin.console;

import java.util.ArrayList;
import java.util.List;

/** An SSE client that keeps frames in a bounded buffer a test drains (or not, to play a slow client). */
final class RecordingSubscriber implements EventSubscriber {

    private final int capacity;
    private final List<String> frames = new ArrayList<>();
    private boolean closed;

    RecordingSubscriber(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public synchronized boolean offer(String frame) {
        if (closed || frames.size() >= capacity) {
            return false;
        }
        frames.add(frame);
        return true;
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    synchronized List<String> drain() {
        List<String> out = new ArrayList<>(frames);
        frames.clear();
        return out;
    }

    synchronized boolean closed() {
        return closed;
    }
}
