package io.tocsin.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tocsin.connector.ChannelKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code config/*.yaml} into a {@link TocsinConfig} and checks it once, reporting every problem with
 * its setting path (and file line for syntax and type errors) in one {@link ConfigException}. Relative paths
 * in the file resolve against {@code baseDir}: the Tocsin root ({@code -Dtocsin.root}, which the launcher
 * sets) or else the working directory. Thread-safe.
 *
 * <p>Publisher scopes and keys are checked further by {@code io.tocsin.security.KeyRing#fromConfig}.
 */
public final class ConfigLoader {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private final ObjectMapper yaml;

    public ConfigLoader() {
        SimpleModule durations = new SimpleModule("tocsin-durations");
        durations.addDeserializer(Duration.class, new DurationText());
        this.yaml = new ObjectMapper(new YAMLFactory())
                .registerModule(durations)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /** The base directory relative paths resolve against. */
    public static Path defaultBaseDir() {
        String root = System.getProperty("tocsin.root");
        return (root == null || root.isBlank() ? Path.of("") : Path.of(root)).toAbsolutePath().normalize();
    }

    public TocsinConfig load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file.toString(), List.of(ConfigProblem.at("", "no such file")));
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString(), defaultBaseDir());
        } catch (IOException e) {
            throw new ConfigException(file.toString(), List.of(ConfigProblem.at("", "cannot read: " + e)));
        }
    }

    /** Reads and checks YAML from a stream; {@code source} names it in error messages. */
    public TocsinConfig parse(InputStream in, String source, Path baseDir) {
        TocsinConfig config;
        try {
            config = yaml.readValue(in, TocsinConfig.class);
        } catch (MismatchedInputException e) {
            if (!e.getPath().isEmpty() || e.getTargetType() != TocsinConfig.class
                    || !String.valueOf(e.getOriginalMessage()).startsWith("No content")) {
                throw new ConfigException(source, List.of(problemOf(e, source)));
            }
            config = null; // an empty file (or only comments): every default
        } catch (JsonProcessingException e) {
            throw new ConfigException(source, List.of(problemOf(e, source)));
        } catch (IOException e) {
            throw new ConfigException(source, List.of(ConfigProblem.at("", "cannot read: " + e)));
        }
        if (config == null) {
            config = new TocsinConfig(null, null, null, null, null, null, null, null, null);
        }
        config = config.withBaseDir(baseDir);
        List<ConfigProblem> problems = check(config);
        if (!problems.isEmpty()) {
            throw new ConfigException(source, problems);
        }
        return config;
    }

    /** Every problem of an already-typed configuration (empty when it is usable). */
    public List<ConfigProblem> check(TocsinConfig config) {
        ConfigChecks checks = new ConfigChecks();
        config.server().check(checks, "server");
        config.journal().check(checks, "journal");
        config.queues().check(checks, "queues");
        Set<String> names = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < config.publishers().size(); i++) {
            PublisherConfig p = config.publishers().get(i);
            String path = "publishers[" + i + "]";
            principal(checks, path, p.name(), p.keySha256(), names, keys);
        }
        for (int i = 0; i < config.operators().size(); i++) {
            OperatorConfig o = config.operators().get(i);
            principal(checks, "operators[" + i + "]", o.name(), o.keySha256(), names, keys);
        }
        Set<String> connectorNames = new HashSet<>();
        for (int i = 0; i < config.connectors().size(); i++) {
            ConnectorConfig c = config.connectors().get(i);
            String path = "connectors[" + i + "]";
            checks.notBlank(c.name(), path + ".name");
            checks.notBlank(c.type(), path + ".type");
            checks.require(c.name() == null || connectorNames.add(c.name()), path + ".name",
                    "duplicate connector name '" + c.name() + "'");
            checks.require(c.channelKind() != null, path + ".kind",
                    "must be one of " + List.of(ChannelKind.values()) + ", was " + c.kind());
            if (c.limits() != null) {
                c.limits().check(checks, path + ".limits");
            }
        }
        return checks.problems();
    }

    private static void principal(ConfigChecks checks, String path, String name, String keySha256,
                                  Set<String> names, Set<String> keys) {
        checks.notBlank(name, path + ".name");
        checks.require(name == null || names.add(name), path + ".name",
                "duplicate name '" + name + "' (publisher and operator names share one namespace)");
        boolean hex = keySha256 != null && SHA256_HEX.matcher(keySha256).matches();
        checks.require(hex, path + ".keySha256",
                "must be the 64-hex-digit SHA-256 of the key (print it with: ./tocsin hash-key KEY)");
        checks.require(!hex || keys.add(keySha256.toLowerCase()), path + ".keySha256",
                "the same key is configured twice; every publisher and operator needs its own");
    }

    private static ConfigProblem problemOf(JsonProcessingException e, String source) {
        JsonLocation loc = e.getLocation();
        String where = loc == null ? source : source + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
        String path = e instanceof JsonMappingException m ? pathOf(m) : "";
        return new ConfigProblem(path, e.getOriginalMessage(), where);
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            }
        }
        return sb.toString();
    }
}
