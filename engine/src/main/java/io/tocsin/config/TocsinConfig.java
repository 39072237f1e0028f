package io.tocsin.config;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole configuration of one engine, loaded and checked once at start by {@link ConfigLoader}.
 * Top-level sections this record does not type (e.g. {@code planner}, {@code console}) are kept as JSON
 * trees in {@link #sections()} for the component that owns them. Immutable.
 *
 * @param baseDir the directory relative paths resolve against (not read from the file)
 */
public record TocsinConfig(
        ServerConfig server,
        JournalConfig journal,
        QueueConfig queues,
        List<PublisherConfig> publishers,
        List<OperatorConfig> operators,
        List<ConnectorConfig> connectors,
        GeographyConfig geography,
        @JsonAnySetter Map<String, JsonNode> sections,
        @JsonIgnore Path baseDir) {

    public TocsinConfig {
        server = server == null ? ServerConfig.defaults() : server;
        journal = journal == null ? JournalConfig.defaults() : journal;
        queues = queues == null ? QueueConfig.defaults() : queues;
        publishers = publishers == null ? List.of() : List.copyOf(publishers);
        operators = operators == null ? List.of() : List.copyOf(operators);
        connectors = connectors == null ? List.of() : List.copyOf(connectors);
        geography = geography == null ? GeographyConfig.none() : geography;
        sections = sections == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(sections));
        baseDir = baseDir == null ? Path.of("").toAbsolutePath() : baseDir;
    }

    /** A path from the configuration, resolved against {@link #baseDir()} when relative. */
    public Path resolve(String path) {
        Path p = Path.of(path);
        return p.isAbsolute() ? p : baseDir.resolve(p).normalize();
    }

    /** The untyped section with this top-level name, or null. */
    public JsonNode section(String name) {
        return sections.get(name);
    }

    public TocsinConfig withBaseDir(Path dir) {
        return new TocsinConfig(server, journal, queues, publishers, operators, connectors, geography, sections,
                dir);
    }

    public TocsinConfig withServer(ServerConfig newServer) {
        return new TocsinConfig(newServer, journal, queues, publishers, operators, connectors, geography,
                sections, baseDir);
    }

    public TocsinConfig withConnectors(java.util.List<ConnectorConfig> newConnectors) {
        return new TocsinConfig(server, journal, queues, publishers, operators, newConnectors, geography,
                sections, baseDir);
    }

    public TocsinConfig withJournal(JournalConfig newJournal) {
        return new TocsinConfig(server, newJournal, queues, publishers, operators, connectors, geography,
                sections, baseDir);
    }
}
