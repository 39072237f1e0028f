package io.tocsin.dist;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tocsin.config.ConnectorConfig;
import io.tocsin.config.LimitsConfig;
import io.tocsin.sim.cbc.CbcSimulator;
import io.tocsin.sim.playout.AmcpSimulator;
import io.tocsin.sim.smpp.SmscConfig;
import io.tocsin.sim.smpp.SmscSimulator;
import io.tocsin.targeting.Targeting;
import io.tocsin.targeting.sites.CellSite;
import io.tocsin.targeting.sites.SiteCatalog;
import io.tocsin.targeting.sites.Transmitter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The peers of the demo, started in-process on loopback: one SMSC and one CBC (primary + secondary front
 * end) per carrier, one playout server for every TV station, and a WAV drop folder per radio transmitter;
 * plus the connector configuration that points Tocsin at them. Closing it stops every simulator.
 */
public final class DemoWorld implements AutoCloseable {
    static final List<String> CARRIERS = List.of("cmcc", "cucc", "ctcc");
    private static final ObjectMapper JSON = new ObjectMapper();

    final Map<String, SmscSimulator> smscs = new LinkedHashMap<>();
    final Map<String, CbcSimulator> cbcs = new LinkedHashMap<>();
    final Map<String, Double> smsCaps = new LinkedHashMap<>();
    AmcpSimulator playout;
    final List<ConnectorConfig> connectors = new ArrayList<>();

    /**
     * How Tocsin binds to each simulated SMSC: {@code binds} SMPP sessions of {@code window} submit_sm in flight
     * each (the connector runs one submitting thread per window slot).
     */
    public record SmsLinks(int binds, int window) {
        /** What the tests and benchmarks use: four binds of 32. */
        public static final SmsLinks WIDE = new SmsLinks(4, 32);
    }

    static DemoWorld start(Targeting targeting, Path dataDir, double smsTpsPerCarrier) throws IOException {
        Map<String, Double> caps = new LinkedHashMap<>();
        CARRIERS.forEach(c -> caps.put(c, smsTpsPerCarrier));
        return start(targeting, dataDir, caps, true);
    }

    /**
     * The peers with each carrier's SMS cap (submit_sm per second over the account; 0 = none), enforced by its
     * SMSC and paced to by its connector; radio and TV only when {@code broadcast}.
     */
    public static DemoWorld start(Targeting targeting, Path dataDir, Map<String, Double> smsTpsByCarrier,
                                  boolean broadcast) throws IOException {
        return start(targeting.sites(), dataDir, smsTpsByCarrier, SmsLinks.WIDE, broadcast);
    }

    /** As above from the site catalogue alone (the directory is not needed), with the given SMPP links. */
    public static DemoWorld start(SiteCatalog sites, Path dataDir, Map<String, Double> smsTpsByCarrier,
                                  SmsLinks links, boolean broadcast) throws IOException {
        DemoWorld world = new DemoWorld();
        try {
            world.smsCaps.putAll(smsTpsByCarrier);
            world.startSms(smsTpsByCarrier, links);
            world.startCellBroadcast(sites);
            if (broadcast) {
                world.startBroadcast(sites, dataDir);
            }
            return world;
        } catch (IOException | RuntimeException e) {
            world.close();
            throw e;
        }
    }

    private void startSms(Map<String, Double> tpsByCarrier, SmsLinks links) throws IOException {
        for (String carrier : CARRIERS) {
            double tpsPerCarrier = tpsByCarrier.getOrDefault(carrier, 0.0);
            SmscConfig cfg = SmscConfig.defaults(carrier).withLimits(0, tpsPerCarrier, 0)
                    .withReceipts(java.time.Duration.ofMillis(5), SmscConfig.ReceiptFormat.TEXT_AND_TLV);
            SmscSimulator smsc = new SmscSimulator(cfg).start();
            smscs.put(carrier, smsc);
            ObjectNode s = JSON.createObjectNode();
            s.put("carrier", carrier).put("source_address", "12379").put("default_language", "zh-CN");
            if (tpsPerCarrier > 0) {
                s.put("account_tps", tpsPerCarrier); // the connector paces to the carrier's cap itself
            }
            ArrayNode binds = s.putArray("binds");
            binds.addObject().put("host", "127.0.0.1").put("port", smsc.port()).put("system_id", "tocsin")
                    .put("password", "demo").put("bind_type", "transceiver").put("window", links.window()).put("count", links.binds());
            connectors.add(new ConnectorConfig("sms-" + carrier, "smpp", "SMS", true, carrier,
                    new LimitsConfig(tpsPerCarrier > 0 ? tpsPerCarrier : null,
                            tpsPerCarrier > 0 ? (int) Math.max(16, tpsPerCarrier / 50) : null, 4096, null), s));
        }
    }

    private void startCellBroadcast(SiteCatalog sites) {
        Map<String, List<String>> cellsByCarrier = new LinkedHashMap<>();
        for (CellSite cell : sites.cells()) {
            cellsByCarrier.computeIfAbsent(cell.carrier(), c -> new ArrayList<>()).add(cell.id());
        }
        for (String carrier : CARRIERS) {
            CbcSimulator cbc = new CbcSimulator(carrier, cellsByCarrier.getOrDefault(carrier, List.of())).start(2);
            cbcs.put(carrier, cbc);
            ObjectNode s = JSON.createObjectNode();
            s.put("carrier", carrier).put("cbe_name", "tocsin-guangzhou");
            ArrayNode eps = s.putArray("endpoints");
            eps.addObject().put("name", "primary").put("url", cbc.url(0));
            eps.addObject().put("name", "secondary").put("url", cbc.url(1));
            connectors.add(new ConnectorConfig("cbc-" + carrier, "ecbe", "CELL_BROADCAST", true, carrier, null, s));
        }
    }

    private void startBroadcast(SiteCatalog sites, Path dataDir) throws IOException {
        playout = AmcpSimulator.start(0);
        ObjectNode radio = audioSettings();
        radio.putObject("repeat").put("count", 1);
        ObjectNode transmitters = radio.putObject("transmitters");
        ObjectNode tv = audioSettings();
        ObjectNode stations = tv.putObject("stations");
        for (Transmitter t : sites.transmitters()) {
            if (t.kind() == Transmitter.Kind.RADIO) {
                transmitters.putObject(t.id()).put("dropDir", dataDir.resolve("radio").resolve(t.id()).toString());
            } else {
                stations.putObject(t.id()).put("host", "127.0.0.1").put("port", playout.port())
                        .put("mediaDir", dataDir.resolve("playout-media").toString()).put("crawlBudget", 600)
                        .set("languages", JSON.createArrayNode().add("zh").add("en"));
            }
        }
        connectors.add(new ConnectorConfig("radio-guangzhou", "radio", "RADIO", true, null, null, radio));
        connectors.add(new ConnectorConfig("tv-guangzhou", "tv", "TV", true, null, null, tv));
    }

    private static ObjectNode audioSettings() {
        ObjectNode s = JSON.createObjectNode();
        ObjectNode same = s.putObject("same");
        same.put("station", "GZMB/TOC");
        ObjectNode codes = same.putObject("locationCodes");
        for (String d : List.of("103", "104", "105", "106", "111", "112", "113", "114", "115", "117", "118")) {
            codes.put("440" + d, "044" + d);
        }
        s.putObject("audio").put("sampleRate", 22050).put("attentionSeconds", 8);
        s.putObject("tts").put("enabled", true).put("command", "espeak-ng").put("timeoutSeconds", 30);
        return s;
    }

    /** The simulated SMSC per carrier. */
    public Map<String, SmscSimulator> smscs() {
        return smscs;
    }

    /** The simulated CBC per carrier. */
    public Map<String, CbcSimulator> cbcs() {
        return cbcs;
    }

    /** The playout server, or null without broadcast. */
    public AmcpSimulator playout() {
        return playout;
    }

    /** The connectors pointing at these peers. */
    public List<ConnectorConfig> connectors() {
        return connectors;
    }

    @Override
    public void close() {
        smscs.values().forEach(SmscSimulator::close);
        cbcs.values().forEach(CbcSimulator::close);
        if (playout != null) {
            try {
                playout.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
