package io.tocsin.radio;

import java.io.Closeable;

/** What an output asks of the airing it plays: may it go on, and where to hang its abort handle. */
interface AiringControl {

    /** A Cancel (or an Update) stopped this airing. */
    boolean stopped();

    /** The alert's expiry has passed. */
    boolean expired();

    /** Registers the open connection so that a stop from another thread aborts it at once. */
    void attach(Closeable connection);

    /** The peer took the message (Icecast answered 200, or the WAV is in the drop folder). */
    void accepted(String peerRef);
}
