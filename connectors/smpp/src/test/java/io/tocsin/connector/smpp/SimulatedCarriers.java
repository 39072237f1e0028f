package io.tocsin.connector.smpp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tocsin.sim.smpp.SmscConfig;
import io.tocsin.sim.smpp.SmscSimulator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Three simulated carriers (cmcc 86134…, cucc 86130…, ctcc 86133…) and the connector settings that reach them.
 */
final class SimulatedCarriers implements AutoCloseable {

    static final String[] NAMES = {"cmcc", "cucc", "ctcc"};
    static final String[] PREFIXES = {"86134", "86130", "86133"};

    final List<SmscSimulator> smscs = new ArrayList<>();

    SimulatedCarriers(UnaryOperator<SmscConfig> tune) throws IOException {
        for (String name : NAMES) {
            smscs.add(new SmscSimulator(tune.apply(SmscConfig.defaults(name))).start());
        }
    }

    /** Recipient i: carrier i % 3, a distinct MSISDN under that carrier's prefix. */
    static String msisdn(long i) {
        // not String.format: it builds a Formatter and locale symbols per call, a cost the load test paid per SMS
        String digits = Long.toString(i);
        return PREFIXES[(int) (i % 3)] + "00000000".substring(Math.min(8, digits.length())) + digits;
    }

    static String carrier(long i) {
        return NAMES[(int) (i % 3)];
    }

    SmscSimulator smscFor(long i) {
        return smscs.get((int) (i % 3));
    }

    /** Connector settings: every carrier with {@code binds} binds of this window and TPS, plus extra settings. */
    ObjectNode settings(int binds, int window, double tps, double accountTps) {
        return settings(smscs.stream().mapToInt(SmscSimulator::port).toArray(), binds, window, tps, accountTps);
    }

    /** The same for SMSCs listening on these ports (one per carrier, in {@link #NAMES} order). */
    static ObjectNode settings(int[] ports, int binds, int window, double tps, double accountTps) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        ArrayNode carriers = root.putArray("carriers");
        for (int c = 0; c < NAMES.length; c++) {
            ObjectNode carrier = carriers.addObject();
            carrier.put("name", NAMES[c]);
            carrier.put("account_tps", accountTps);
            carrier.putArray("prefixes").add(PREFIXES[c]);
            ObjectNode bind = carrier.putArray("binds").addObject();
            bind.put("host", "127.0.0.1");
            bind.put("port", ports[c]);
            bind.put("system_id", "tocsin");
            bind.put("password", "secret");
            bind.put("window", window);
            bind.put("tps", tps);
            bind.put("count", binds);
        }
        return root;
    }

    static SmppSettings read(JsonNode node) {
        return SmppSettingsReader.read(node, "sms");
    }

    long recipients() {
        long n = 0;
        for (SmscSimulator s : smscs) {
            n += s.inbox().recipients();
        }
        return n;
    }

    long duplicates() {
        long n = 0;
        for (SmscSimulator s : smscs) {
            n += s.inbox().duplicates();
        }
        return n;
    }

    @Override
    public void close() {
        smscs.forEach(SmscSimulator::close);
    }
}
