package io.tocsin.security;

import io.tocsin.cap.Category;
import io.tocsin.cap.Severity;
import io.tocsin.cap.Status;
import io.tocsin.config.ConfigChecks;
import io.tocsin.config.ConfigException;
import io.tocsin.config.OperatorConfig;
import io.tocsin.config.PublisherConfig;
import io.tocsin.config.ScopeConfig;
import io.tocsin.config.TocsinConfig;
import io.tocsin.connector.ChannelKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;

/**
 * Every publisher and operator key, stored as SHA-256. {@link #authenticate} hashes the presented key and
 * compares it with every stored hash in constant time, without stopping at a match, so timing reveals
 * neither which entry matched nor how many bytes did. Immutable and thread-safe.
 */
public final class KeyRing {

    private record Entry(KeyHash hash, Caller caller) {
    }

    private final List<Entry> entries;
    private final List<Publisher> publishers;
    private final List<Operator> operators;
    private final Identities identities;

    private KeyRing(List<Entry> entries, List<Publisher> publishers, List<Operator> operators,
                    Identities identities) {
        this.entries = List.copyOf(entries);
        this.publishers = List.copyOf(publishers);
        this.operators = List.copyOf(operators);
        this.identities = identities;
    }

    /** Builder-free construction for tests and embedding: pairs of (hash, publisher) and (hash, operator). */
    public static KeyRing of(List<KeyedPublisher> publishers, List<KeyedOperator> operators) {
        return of(publishers, operators, Identities.NAMES);
    }

    /** As {@link #of(List, List)}, with the people behind the accounts (for the self-approval rule). */
    public static KeyRing of(List<KeyedPublisher> publishers, List<KeyedOperator> operators, Identities identities) {
        List<Entry> entries = new ArrayList<>();
        publishers.forEach(p -> entries.add(new Entry(p.hash(), Caller.of(p.publisher()))));
        operators.forEach(o -> entries.add(new Entry(o.hash(), Caller.of(o.operator()))));
        return new KeyRing(entries, publishers.stream().map(KeyedPublisher::publisher).toList(),
                operators.stream().map(KeyedOperator::operator).toList(), identities);
    }

    public record KeyedPublisher(KeyHash hash, Publisher publisher) {
    }

    public record KeyedOperator(KeyHash hash, Operator operator) {
    }

    /** Builds the key ring from configuration, reporting every bad scope entry at once. */
    public static KeyRing fromConfig(TocsinConfig config) {
        ConfigChecks checks = new ConfigChecks();
        List<KeyedPublisher> pubs = new ArrayList<>();
        for (int i = 0; i < config.publishers().size(); i++) {
            PublisherConfig pc = config.publishers().get(i);
            String path = "publishers[" + i + "]";
            PublisherScope scope = scopeOf(pc.scope(), path + ".scope", checks);
            ApprovalPolicy approval = enumOf(ApprovalPolicy.class, pc.approval(), path + ".approval", checks);
            Set<Status> approvalStatuses = EnumSet.noneOf(Status.class);
            for (int j = 0; j < pc.approvalStatuses().size(); j++) {
                Status s = Status.parse(pc.approvalStatuses().get(j));
                checks.require(s != null, path + ".approvalStatuses[" + j + "]", "unknown CAP status '"
                        + pc.approvalStatuses().get(j) + "'; one of " + List.of(Status.values()));
                if (s != null) {
                    approvalStatuses.add(s);
                }
            }
            if (pc.keySha256() != null && pc.keySha256().length() == 64) {
                pubs.add(new KeyedPublisher(KeyHash.ofHex(pc.keySha256()),
                        new Publisher(pc.name(), scope, approval == null ? ApprovalPolicy.NEVER : approval,
                                approvalStatuses)));
            }
        }
        List<KeyedOperator> ops = new ArrayList<>();
        for (int i = 0; i < config.operators().size(); i++) {
            OperatorConfig oc = config.operators().get(i);
            Set<OperatorRole> roles = EnumSet.noneOf(OperatorRole.class);
            for (int j = 0; j < oc.roles().size(); j++) {
                OperatorRole r = enumOf(OperatorRole.class, oc.roles().get(j), "operators[" + i + "].roles[" + j
                        + "]", checks);
                if (r != null) {
                    roles.add(r);
                }
            }
            if (oc.roles().isEmpty()) {
                roles = EnumSet.allOf(OperatorRole.class);
            }
            if (oc.keySha256() != null && oc.keySha256().length() == 64) {
                ops.add(new KeyedOperator(KeyHash.ofHex(oc.keySha256()), new Operator(oc.name(), roles)));
            }
        }
        if (!checks.problems().isEmpty()) {
            throw new ConfigException("(publishers/operators)", checks.problems());
        }
        return of(pubs, ops, identitiesOf(config));
    }

    /** The caller whose key this is, or empty. Constant-time over all keys. */
    public Optional<Caller> authenticate(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty() || presentedKey.length() > 512) {
            return Optional.empty();
        }
        KeyHash presented = KeyHash.ofKey(presentedKey);
        Caller found = null;
        for (Entry e : entries) {
            boolean match = e.hash().matches(presented);
            found = match && found == null ? e.caller() : found;
        }
        return Optional.ofNullable(found);
    }

    /** The people behind publisher keys and operator accounts (owner / person links from configuration). */
    public Identities identities() { return identities; }

    private static Identities identitiesOf(TocsinConfig config) {
        java.util.Map<String, String> owners = new java.util.HashMap<>();
        for (PublisherConfig pc : config.publishers()) {
            if (pc.owner() != null && !pc.owner().isBlank() && pc.name() != null) {
                owners.put(pc.name(), pc.owner().trim());
            }
        }
        java.util.Map<String, String> people = new java.util.HashMap<>();
        for (OperatorConfig oc : config.operators()) {
            if (oc.person() != null && !oc.person().isBlank() && oc.name() != null) {
                people.put(oc.name(), oc.person().trim());
            }
        }
        return new Identities(owners, people);
    }

    public List<Publisher> publishers() { return publishers; }

    public List<Operator> operators() { return operators; }

    public Optional<Publisher> publisher(String name) {
        return publishers.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private static PublisherScope scopeOf(ScopeConfig sc, String path, ConfigChecks checks) {
        for (int j = 0; j < sc.regions().size(); j++) {
            String r = sc.regions().get(j);
            checks.require(r != null && !r.isBlank(), path + ".regions[" + j + "]", "must be a region code");
        }
        Geometry area = null;
        for (int j = 0; j < sc.polygons().size(); j++) {
            Geometry g = CapShapes.polygon(sc.polygons().get(j));
            checks.require(g != null && !g.isEmpty(), path + ".polygons[" + j + "]",
                    "must be a closed ring 'lat,lon lat,lon ...' with at least 4 points in range");
            if (g != null) {
                area = area == null ? g : area.union(g);
            }
        }
        Set<Category> categories = EnumSet.noneOf(Category.class);
        for (int j = 0; j < sc.categories().size(); j++) {
            Category c = Category.parse(sc.categories().get(j));
            checks.require(c != null, path + ".categories[" + j + "]", "unknown CAP category '"
                    + sc.categories().get(j) + "'; one of " + List.of(Category.values()));
            if (c != null) {
                categories.add(c);
            }
        }
        Set<Status> statuses = EnumSet.noneOf(Status.class);
        for (int j = 0; j < sc.statuses().size(); j++) {
            Status s = Status.parse(sc.statuses().get(j));
            checks.require(s != null, path + ".statuses[" + j + "]", "unknown CAP status '"
                    + sc.statuses().get(j) + "'; one of " + List.of(Status.values()));
            if (s != null) {
                statuses.add(s);
            }
        }
        Set<ChannelKind> channels = EnumSet.noneOf(ChannelKind.class);
        for (int j = 0; j < sc.channels().size(); j++) {
            ChannelKind k = PublisherScope.channelOf(sc.channels().get(j));
            checks.require(k != null, path + ".channels[" + j + "]", "unknown channel kind '"
                    + sc.channels().get(j) + "'; one of " + List.of(ChannelKind.values()));
            if (k != null) {
                channels.add(k);
            }
        }
        Severity max = null;
        if (sc.maxSeverity() != null) {
            max = Severity.parse(sc.maxSeverity());
            checks.require(max != null && max != Severity.Unknown, path + ".maxSeverity",
                    "must be Minor, Moderate, Severe or Extreme, was '" + sc.maxSeverity() + "'");
        }
        return new PublisherScope(sc.regions(), area, categories, statuses, channels,
                max == Severity.Unknown ? null : max);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String text, String path, ConfigChecks checks) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase().replace('-', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            checks.require(false, path, "must be one of " + List.of(type.getEnumConstants()) + ", was '" + text
                    + "'");
            return null;
        }
    }
}
