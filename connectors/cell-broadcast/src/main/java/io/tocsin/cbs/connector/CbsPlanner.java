package io.tocsin.cbs.connector;

import io.tocsin.cap.Alert;
import io.tocsin.cap.AlertInfo;
import io.tocsin.cbs.CbsDataCoding;
import io.tocsin.cbs.CbsEncoder;
import io.tocsin.cbs.CbsEncoding;
import io.tocsin.cbs.GeoScope;
import io.tocsin.cbs.MessageIdentifier;
import io.tocsin.cbs.SerialNumber;
import io.tocsin.connector.ChannelKind;
import io.tocsin.connector.Rendering;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an alert into the CBS messages one carrier's CBC must hold: the first info block's language with
 * its public identifier (4370–4382, 4396) and, when a second language is present, that language with the
 * additional-language identifier (+13, 4397). Further languages are not broadcast (a phone shows one
 * primary and one additional language) and {@link #render} says so. Every text must fit the page budget
 * or nothing is sent. Immutable; thread-safe.
 */
public final class CbsPlanner {

    /** The messages to install, or why nothing can be. */
    public record Plan(List<CbsBroadcast> broadcasts, String rejection) {
        public boolean ok() {
            return rejection == null;
        }

        static Plan rejected(String why) {
            return new Plan(List.of(), why);
        }
    }

    private final CbsSettings settings;
    private final CbsEncoder encoder;

    public CbsPlanner(CbsSettings settings) {
        this.settings = settings;
        this.encoder = new CbsEncoder(settings.maxPages(), settings.ucs2LanguageIndication());
    }

    /** The info blocks that are broadcast: the first, and the first one in another language. */
    static List<AlertInfo> languages(Alert alert) {
        List<AlertInfo> out = new ArrayList<>(2);
        for (AlertInfo info : alert.infos()) {
            if (out.isEmpty()) {
                out.add(info);
            } else if (!CbsDataCoding.iso639(info.languageOrDefault())
                    .equals(CbsDataCoding.iso639(out.get(0).languageOrDefault()))) {
                out.add(info);
                break;
            }
        }
        return out;
    }

    /**
     * @param expires      the dispatch's expiry (null: the first info block's)
     * @param messageCode  the 10-bit message code this alert keeps across updates
     * @param updateNumber 0..15
     */
    public Plan plan(Alert alert, List<String> cells, Instant expires, int messageCode, int updateNumber, Instant now) {
        List<AlertInfo> infos = languages(alert);
        if (infos.isEmpty()) {
            return Plan.rejected("alert has no info block");
        }
        AlertInfo first = infos.get(0);
        int primaryId = MessageIdentifier.primary(alert, first);
        if (primaryId < 0) {
            return Plan.rejected("status " + alert.status() + " is not broadcast");
        }
        Instant until = expires != null ? expires : toInstant(first.expiresTime());
        int broadcasts = settings.repetition().broadcasts(first.urgencyValue(), until, now);
        if (broadcasts < 0) {
            return Plan.rejected("expired at " + until);
        }
        int period = settings.repetition().repetitionPeriod(first.urgencyValue());
        GeoScope gs = cells.isEmpty() ? GeoScope.PLMN_WIDE : settings.cellGeoScope();
        SerialNumber serial = new SerialNumber(gs, messageCode, updateNumber & 0xF);
        List<CbsBroadcast> out = new ArrayList<>(infos.size());
        for (int i = 0; i < infos.size(); i++) {
            AlertInfo info = infos.get(i);
            CbsEncoding e = encoder.encode(CbsText.of(info), info.languageOrDefault());
            if (!e.fits()) {
                return Plan.rejected(info.languageOrDefault() + " text " + e.describe());
            }
            int id = i == 0 ? primaryId : MessageIdentifier.additionalLanguage(primaryId);
            out.add(new CbsBroadcast(id, serial, info.languageOrDefault(), e.pages(), settings.category(), period,
                    broadcasts, cells));
        }
        return new Plan(out, null);
    }

    /** Per language: the text, its pages against the budget, the message identifier, or why it is not sent. */
    public List<Rendering> render(Alert alert, String connector) {
        List<AlertInfo> chosen = languages(alert);
        int primaryId = chosen.isEmpty() ? -1 : MessageIdentifier.primary(alert, chosen.get(0));
        List<Rendering> out = new ArrayList<>();
        for (AlertInfo info : alert.infos()) {
            String text = CbsText.of(info);
            CbsEncoding e = encoder.encode(text, info.languageOrDefault());
            int index = chosen.indexOf(info);
            String detail;
            if (primaryId < 0) {
                detail = "not broadcast: status " + alert.status();
            } else if (index < 0) {
                detail = "not broadcast: cell broadcast carries one primary and one additional language";
            } else {
                int id = index == 0 ? primaryId : MessageIdentifier.additionalLanguage(primaryId);
                detail = "message id " + id + ", DCS 0x" + Integer.toHexString(dcs(e, info.languageOrDefault())) + ", " + e.describe();
            }
            out.add(new Rendering(ChannelKind.CELL_BROADCAST, connector, info.languageOrDefault(), text,
                    e.pagesNeeded(), settings.maxPages(), "pages", detail));
        }
        return out;
    }

    private int dcs(CbsEncoding e, String language) {
        if (e.fits()) {
            return e.pages().dcs();
        }
        return e.charset() == io.tocsin.cbs.CbsCharset.GSM7 ? CbsDataCoding.gsm7(language)
                : CbsDataCoding.ucs2(settings.ucs2LanguageIndication());
    }

    private static Instant toInstant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
