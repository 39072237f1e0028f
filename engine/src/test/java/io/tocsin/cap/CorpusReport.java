package io.tocsin.cap;

import java.util.ArrayList;
import java.util.List;

/** Decodes and validates one document: the file's verdict and every reason, with the alert index. */
record CorpusReport(Decoded decoded, List<List<Reason>> perAlert) {

    static CorpusReport of(CapDecoder decoder, CapValidator validator, byte[] body) {
        Decoded d = decoder.decodeXml(body);
        List<List<Reason>> per = new ArrayList<>();
        for (Alert a : d.alerts()) {
            per.add(validator.validate(a));
        }
        return new CorpusReport(d, per);
    }

    boolean valid() {
        return d().ok() && perAlert.stream().flatMap(List::stream).noneMatch(Reason::isError);
    }

    private Decoded d() {
        return decoded;
    }

    List<Reason> errors() {
        List<Reason> out = new ArrayList<>();
        decoded.reasons().stream().filter(Reason::isError).forEach(out::add);
        for (int i = 0; i < perAlert.size(); i++) {
            for (Reason r : perAlert.get(i)) {
                if (r.isError()) {
                    out.add(new Reason("#" + i + r.path(), r.level(), r.code(), r.message()));
                }
            }
        }
        return out;
    }
}
