package io.tocsin.cap;

/** CAP versions that can be read; writing always uses the version the alert carries. */
public enum CapVersion {
    V1_0("http://www.incident.com/cap/1.0"),
    V1_1("urn:oasis:names:tc:emergency:cap:1.1"),
    V1_2("urn:oasis:names:tc:emergency:cap:1.2");

    private final String namespace;

    CapVersion(String namespace) { this.namespace = namespace; }

    public String namespace() { return namespace; }

    /** The version for an XML namespace URI, or null when it is not a CAP namespace. */
    public static CapVersion ofNamespace(String uri) {
        if (uri == null) {
            return null;
        }
        for (CapVersion v : values()) {
            if (v.namespace.equals(uri)) {
                return v;
            }
        }
        return null;
    }
}
