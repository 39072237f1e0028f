package io.tocsin.ledger;

import io.tocsin.cap.Alert;

/**
 * Where a ledger entry whose CAP model was dropped gets it back: the journal record at its position. Implemented
 * by the {@link Ledger}; called on the pipeline thread.
 */
interface AlertLoader {

    /** The CAP model of the AlertAccepted record at this journal position. */
    Alert load(long position);

    /** The CAP model of the alert (engine id) whose Cancel closed another one. */
    Alert cancelling(String alertId);
}
