package io.tocsin.radio;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One Icecast2 mount a transmitter's emergency input listens to, with the source credentials. Immutable.
 *
 * @param url      {@code http://host:port/mount}
 * @param user     source user (Icecast's default is {@code source})
 * @param password source password
 */
public record IcecastMount(URI url, String user, String password) {

    public IcecastMount {
        if (url == null || !"http".equals(url.getScheme()) || url.getHost() == null || url.getPath() == null
                || url.getPath().length() < 2) {
            throw new IllegalArgumentException("icecast.url must be http://host:port/mount, got " + url);
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("icecast.password is required");
        }
        user = user == null || user.isEmpty() ? "source" : user;
    }

    public String host() {
        return url.getHost();
    }

    public int port() {
        return url.getPort() > 0 ? url.getPort() : 8000;
    }

    public String mount() {
        return url.getRawPath();
    }

    String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return url.toString(); // never the password
    }
}
