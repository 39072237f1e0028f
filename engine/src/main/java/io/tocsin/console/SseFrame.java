package io.tocsin.console;

/** Text of Server-Sent Events frames (WHATWG HTML §9.2). Data must not contain CR or LF; JSON from Jackson does not. */
final class SseFrame {

    private SseFrame() {
    }

    static String event(long id, String name, String jsonData) {
        return "id: " + id + "\nevent: " + name + "\ndata: " + jsonData + "\n\n";
    }

    static String comment(String text) {
        return ": " + text + "\n\n";
    }

    /** Tells EventSource how long to wait before reconnecting. */
    static String retry(long millis) {
        return "retry: " + millis + "\n\n";
    }
}
