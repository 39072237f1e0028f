package io.tocsin.security;

import io.tocsin.cap.Alert;
import io.tocsin.cap.AlertInfo;
import io.tocsin.cap.Area;
import io.tocsin.cap.Category;
import io.tocsin.cap.NamedValue;
import io.tocsin.cap.Severity;
import io.tocsin.cap.Status;
import io.tocsin.connector.ChannelKind;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * What one publisher may publish: areas (region codes and/or polygons), CAP categories, statuses, channels and
 * a maximum severity. Empty sets mean "any"; an area scope with neither regions nor polygons means anywhere.
 * An alert may name the channels it wants in the CAP parameter {@value #CHANNELS_PARAMETER} (comma- or
 * space-separated {@link ChannelKind} names); the planner must in any case only use {@link #channels()}.
 * Immutable and thread-safe.
 */
public final class PublisherScope {

    public static final String CHANNELS_PARAMETER = "channels";

    /** Slack for boundaries shared between the scope and an alert's area (degrees, ~10 cm). */
    private static final double EDGE_TOLERANCE = 1e-6;

    private final List<String> regions;
    private final Geometry area;
    private final PreparedGeometry preparedArea;
    private final Set<Category> categories;
    private final Set<Status> statuses;
    private final Set<ChannelKind> channels;
    private final Severity maxSeverity;
    /** The regions' outline for the last shapes source seen (computed once, not per request). */
    private volatile RegionOutline outline;

    /** The union of the scope's regions, buffered by the tolerance and prepared, as answered by {@code source}. */
    private record RegionOutline(RegionShapes source, PreparedGeometry prepared) {
    }

    public PublisherScope(List<String> regions, Geometry area, Set<Category> categories, Set<Status> statuses,
                          Set<ChannelKind> channels, Severity maxSeverity) {
        this.regions = List.copyOf(regions);
        this.area = area;
        this.preparedArea = area == null ? null : PreparedGeometryFactory.prepare(area.buffer(EDGE_TOLERANCE));
        this.categories = Set.copyOf(categories);
        this.statuses = Set.copyOf(statuses);
        this.channels = Set.copyOf(channels);
        this.maxSeverity = maxSeverity;
    }

    public static PublisherScope unrestricted() {
        return new PublisherScope(List.of(), null, Set.of(), Set.of(), Set.of(), null);
    }

    public List<String> regions() { return regions; }

    /** The polygon scope (union of configured polygons), or null. */
    public Geometry area() { return area; }

    public Set<Category> categories() { return categories; }

    public Set<Status> statuses() { return statuses; }

    /** Channels this publisher may reach; empty = all. */
    public Set<ChannelKind> channels() { return channels; }

    public Severity maxSeverity() { return maxSeverity; }

    public boolean areaRestricted() { return !regions.isEmpty() || area != null; }

    /** Checks an alert; the first element outside the scope is reported. */
    public ScopeVerdict check(Alert alert, RegionShapes shapes) {
        if (!statuses.isEmpty() && !statuses.contains(alert.statusValue())) {
            return ScopeVerdict.outside("/alert/status", "status " + alert.status() + " is not allowed; allowed: "
                    + statuses);
        }
        for (int i = 0; i < alert.infos().size(); i++) {
            ScopeVerdict v = checkInfo(alert.infos().get(i), "/alert/info[" + i + "]", shapes);
            if (!v.allowed()) {
                return v;
            }
        }
        return ScopeVerdict.ALLOWED;
    }

    private ScopeVerdict checkInfo(AlertInfo info, String path, RegionShapes shapes) {
        if (!categories.isEmpty()) {
            for (int j = 0; j < info.categories().size(); j++) {
                Category c = Category.parse(info.categories().get(j));
                if (!categories.contains(c)) {
                    return ScopeVerdict.outside(path + "/category[" + j + "]", "category "
                            + info.categories().get(j) + " is not allowed; allowed: " + categories);
                }
            }
        }
        if (maxSeverity != null) {
            Severity s = info.severityValue();
            // Enum order is Extreme, Severe, Moderate, Minor, Unknown: a larger ordinal is less severe.
            if (s == null || s.ordinal() < maxSeverity.ordinal()) {
                return ScopeVerdict.outside(path + "/severity", "severity " + info.severity()
                        + " is above this publisher's maximum " + maxSeverity);
            }
        }
        ScopeVerdict v = checkChannels(info, path);
        if (!v.allowed() || !areaRestricted()) {
            return v;
        }
        for (int k = 0; k < info.areas().size(); k++) {
            v = checkArea(info.areas().get(k), path + "/area[" + k + "]", shapes);
            if (!v.allowed()) {
                return v;
            }
        }
        return ScopeVerdict.ALLOWED;
    }

    private ScopeVerdict checkChannels(AlertInfo info, String path) {
        if (channels.isEmpty()) {
            return ScopeVerdict.ALLOWED;
        }
        for (int p = 0; p < info.parameters().size(); p++) {
            NamedValue param = info.parameters().get(p);
            if (!CHANNELS_PARAMETER.equals(param.valueName()) || param.value() == null) {
                continue;
            }
            for (String token : param.value().trim().split("[,\\s]+")) {
                if (token.isEmpty()) {
                    continue;
                }
                ChannelKind kind = channelOf(token);
                if (kind == null || !channels.contains(kind)) {
                    return ScopeVerdict.outside(path + "/parameter[" + p + "]", "channel " + token
                            + " is not allowed; allowed: " + channels);
                }
            }
        }
        return ScopeVerdict.ALLOWED;
    }

    private ScopeVerdict checkArea(Area a, String path, RegionShapes shapes) {
        if (a.geocodes().isEmpty() && a.polygons().isEmpty() && a.circles().isEmpty()) {
            return ScopeVerdict.outside(path, "area '" + a.areaDesc() + "' has no geocode, polygon or circle to"
                    + " check against this publisher's area scope");
        }
        for (int m = 0; m < a.geocodes().size(); m++) {
            String code = a.geocodes().get(m).value();
            if (!geocodeAllowed(code, shapes)) {
                return ScopeVerdict.outside(path + "/geocode[" + m + "]", "region " + code
                        + " is outside this publisher's area" + describe());
            }
        }
        for (int m = 0; m < a.polygons().size(); m++) {
            ScopeVerdict v = shapeAllowed(CapShapes.polygon(a.polygons().get(m)), path + "/polygon[" + m + "]",
                    "polygon", shapes);
            if (!v.allowed()) {
                return v;
            }
        }
        for (int m = 0; m < a.circles().size(); m++) {
            ScopeVerdict v = shapeAllowed(CapShapes.circle(a.circles().get(m)), path + "/circle[" + m + "]",
                    "circle", shapes);
            if (!v.allowed()) {
                return v;
            }
        }
        return ScopeVerdict.ALLOWED;
    }

    private boolean geocodeAllowed(String code, RegionShapes shapes) {
        for (String r : regions) {
            if (RegionCode.covers(r, code)) {
                return true;
            }
        }
        if (preparedArea != null && code != null) {
            Optional<Geometry> shape = shapes.shapeOf(code);
            return shape.isPresent() && preparedArea.covers(shape.get());
        }
        return false;
    }

    private ScopeVerdict shapeAllowed(Geometry g, String path, String what, RegionShapes shapes) {
        if (g == null) {
            return ScopeVerdict.outside(path, what + " cannot be read, so it cannot be checked against this"
                    + " publisher's area");
        }
        if (preparedArea != null && preparedArea.covers(g)) {
            return ScopeVerdict.ALLOWED;
        }
        PreparedGeometry regionsOutline = regionsOutline(shapes);
        if (regionsOutline != null && regionsOutline.covers(g)) {
            return ScopeVerdict.ALLOWED;
        }
        return ScopeVerdict.outside(path, what + " extends outside this publisher's area" + describe());
    }

    /**
     * The union of the scope's regions as {@code shapes} outlines them, buffered and prepared; null when none of
     * them has a shape. Union and buffer of a city's districts take tens of milliseconds, so they are computed
     * once per shapes source (the engine has one) instead of on every request's I/O thread.
     */
    private PreparedGeometry regionsOutline(RegionShapes shapes) {
        RegionOutline o = outline;
        if (o != null && o.source() == shapes) {
            return o.prepared();
        }
        Geometry regionsUnion = null;
        for (String r : regions) {
            Optional<Geometry> shape = shapes.shapeOf(r);
            if (shape.isPresent()) {
                regionsUnion = regionsUnion == null ? shape.get() : regionsUnion.union(shape.get());
            }
        }
        PreparedGeometry prepared = regionsUnion == null ? null
                : PreparedGeometryFactory.prepare(regionsUnion.buffer(EDGE_TOLERANCE));
        outline = new RegionOutline(shapes, prepared);
        return prepared;
    }

    private String describe() {
        StringBuilder sb = new StringBuilder(" (allowed:");
        if (!regions.isEmpty()) {
            sb.append(" regions ").append(regions);
        }
        if (area != null) {
            sb.append(" a polygon scope");
        }
        return sb.append(')').toString();
    }

    static ChannelKind channelOf(String text) {
        try {
            return ChannelKind.valueOf(text.trim().toUpperCase().replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
