package io.tocsin.console;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The console's static files (HTML, JS, CSS) from the classpath folder {@code console/}, cached after the
 * first read. Only flat names of safe characters are served, so no path can climb out of the folder.
 * Thread-safe.
 */
final class StaticResources {

    /** A file and its media type. */
    record Resource(byte[] body, String contentType) {
    }

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*\\.(html|js|css|svg|ico)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "ico", "image/x-icon");

    private final Map<String, Resource> cache = new ConcurrentHashMap<>();
    private final ClassLoader loader = StaticResources.class.getClassLoader();

    Optional<Resource> get(String name) {
        if (!SAFE_NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Resource cached = cache.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        try (InputStream in = loader.getResourceAsStream("console/" + name)) {
            if (in == null) {
                return Optional.empty();
            }
            String ext = name.substring(name.lastIndexOf('.') + 1);
            Resource r = new Resource(in.readAllBytes(), TYPES.get(ext));
            cache.put(name, r);
            return Optional.of(r);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
