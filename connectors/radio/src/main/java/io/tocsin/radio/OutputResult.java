package io.tocsin.radio;

/** How one output (Icecast mount or drop folder) ended for one airing. Immutable. */
record OutputResult(Kind kind, String detail) {

    enum Kind {
        /** Fully aired or written. */
        DONE,
        /** Stopped by a Cancel or an Update. */
        STOPPED,
        /** The alert expired while airing. */
        EXPIRED,
        /** Could not reach the peer, or it dropped the link: worth a retry. */
        UNREACHABLE,
        /** The peer refused (bad credentials, mount in use, disk error): do not retry. */
        REFUSED
    }

    static OutputResult done(String detail) {
        return new OutputResult(Kind.DONE, detail);
    }

    static OutputResult of(Kind kind, String detail) {
        return new OutputResult(kind, detail);
    }
}
