package io.tocsin.dist.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tocsin.config.ConnectorConfig;
import io.tocsin.config.LimitsConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the engine configuration a harness run uses: loopback server, the demo geography with a generated
 * directory of {@code subscribers} (same seed as the harness's own site catalogue, so the CBC simulators know
 * the engine's cells), the journal under the work directory, the run's publishers and operator (hashed keys),
 * and the connectors pointing at the simulators. Stateless.
 */
final class EngineConfigFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private EngineConfigFile() {
    }

    static Path write(Path file, Path root, Path dataDir, int subscribers, int cells, long seed, BenchKeys keys,
                      List<ConnectorConfig> connectors) throws IOException {
        ObjectNode c = YAML.createObjectNode();
        c.putObject("server").put("host", "127.0.0.1").put("port", 0).put("maxInFlight", 4096);
        ObjectNode geo = c.putObject("geography");
        geo.put("regions", root.resolve("config/geo/guangzhou-districts.geojson").toString());
        geo.putObject("settings").put("subscribers", subscribers).put("cells", cells).put("seed", seed);
        c.putObject("journal").put("dir", dataDir.resolve("journal").toString()).put("fsync", false);
        ArrayNode pubs = c.putArray("publishers");
        for (String name : BenchKeys.PUBLISHERS) {
            ObjectNode p = pubs.addObject();
            p.put("name", name).put("keySha256", BenchKeys.sha256(keys.publishers().get(name))).put("approval", "NEVER");
            p.putObject("scope").set("regions", YAML.createArrayNode().add("440100"));
        }
        ObjectNode op = c.putArray("operators").addObject();
        op.put("name", BenchKeys.OPERATOR).put("keySha256", BenchKeys.sha256(keys.operator()));
        op.putArray("roles").add("APPROVE").add("CANCEL");
        ArrayNode cons = c.putArray("connectors");
        for (ConnectorConfig k : connectors) {
            ObjectNode n = cons.addObject();
            n.put("name", k.name()).put("type", k.type()).put("kind", k.kind()).put("enabled", k.enabled());
            if (k.carrier() != null) {
                n.put("carrier", k.carrier());
            }
            LimitsConfig l = k.limits();
            if (l != null) {
                ObjectNode ln = n.putObject("limits");
                putIf(ln, "ratePerSecond", l.ratePerSecond());
                putIf(ln, "burst", l.burst());
                putIf(ln, "maxInFlight", l.maxInFlight());
                putIf(ln, "maxQueued", l.maxQueued());
            }
            n.set("settings", k.settings());
        }
        Files.createDirectories(file.getParent());
        YAML.writeValue(file.toFile(), c);
        return file;
    }

    private static void putIf(ObjectNode n, String name, Number v) {
        if (v instanceof Double d) {
            n.put(name, d);
        } else if (v instanceof Integer i) {
            n.put(name, i);
        }
    }
}
