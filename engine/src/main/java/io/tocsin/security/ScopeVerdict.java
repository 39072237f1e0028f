package io.tocsin.security;

/**
 * Whether an alert lies within a publisher's scope; when not, {@code path} points at the first element
 * outside it (CAP path, e.g. {@code /alert/info[0]/area[1]/geocode[2]}) and {@code reason} says why.
 */
public record ScopeVerdict(boolean allowed, String path, String reason) {

    public static final ScopeVerdict ALLOWED = new ScopeVerdict(true, null, null);

    public static ScopeVerdict outside(String path, String reason) {
        return new ScopeVerdict(false, path, reason);
    }
}
