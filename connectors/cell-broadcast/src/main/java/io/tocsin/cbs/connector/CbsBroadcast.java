package io.tocsin.cbs.connector;

import io.tocsin.cbs.CbsPages;
import io.tocsin.cbs.SerialNumber;
import java.util.List;

/**
 * One CBS message to install on a carrier's CBC: one language of one alert.
 *
 * @param cells             cell ids to install it in; empty = the whole network (PLMN-wide)
 * @param repetitionPeriod  in the CBC's units (1..4095)
 * @param broadcasts        number of broadcasts, 0 = until deleted
 *
 * <p>Immutable; thread-safe.
 */
public record CbsBroadcast(
        int messageId,
        SerialNumber serial,
        String language,
        CbsPages content,
        String category,
        int repetitionPeriod,
        int broadcasts,
        List<String> cells) {

    public CbsBroadcast {
        cells = List.copyOf(cells);
    }

    public CbsBroadcast withSerial(SerialNumber s) {
        return new CbsBroadcast(messageId, s, language, content, category, repetitionPeriod, broadcasts, cells);
    }
}
