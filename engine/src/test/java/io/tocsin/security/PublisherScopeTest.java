package io.tocsin.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.cap.Alert;
import io.tocsin.cap.AlertInfo;
import io.tocsin.cap.Area;
import io.tocsin.cap.CapVersion;
import io.tocsin.cap.Category;
import io.tocsin.cap.NamedValue;
import io.tocsin.cap.Severity;
import io.tocsin.cap.Status;
import io.tocsin.connector.ChannelKind;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

class PublisherScopeTest {

    /** Roughly the Pearl River corridor through Guangzhou. */
    private static final String RIVER = "22.95,113.15 22.95,113.65 23.20,113.65 23.20,113.15 22.95,113.15";
    private static final String INSIDE = "23.00,113.30 23.00,113.40 23.10,113.40 23.10,113.30 23.00,113.30";
    private static final String CROSSING = "23.10,113.30 23.10,113.40 23.40,113.40 23.40,113.30 23.10,113.30";

    private static Alert alert(String status, String severity, List<NamedValue> params, Area... areas) {
        AlertInfo info = new AlertInfo("zh-CN", List.of("Met"), "Flood", List.of(), "Immediate", severity, "Observed",
                null, List.of(), null, null, null, null, "h", null, null, null, null, params, List.of(),
                List.of(areas));
        return new Alert(CapVersion.V1_2, "id", "sender", "2026-11-29T09:30:00+08:00", status, "Alert", null,
                "Public", null, null, List.of(), null, null, null, List.of(info));
    }

    private static Area polygonArea(String polygon) {
        return new Area("area", List.of(polygon), List.of(), List.of(), null, null);
    }

    private static Area geocodeArea(String code) {
        return new Area("area", List.of(), List.of(), List.of(new NamedValue("CPEAS Geographic Code", code)), null, null);
    }

    private static PublisherScope polygonScope() {
        return new PublisherScope(List.of(), CapShapes.polygon(RIVER), Set.of(), Set.of(), Set.of(), null);
    }

    @Test
    void aPolygonInsideAPolygonScopeIsAllowed() {
        assertThat(polygonScope().check(alert("Actual", "Severe", List.of(), polygonArea(INSIDE)), RegionShapes.NONE)
                .allowed()).isTrue();
    }

    @Test
    void aPolygonCrossingTheScopeIsRefusedAtItsPath() {
        ScopeVerdict v = polygonScope().check(alert("Actual", "Severe", List.of(), polygonArea(INSIDE),
                polygonArea(CROSSING)), RegionShapes.NONE);

        assertThat(v.allowed()).isFalse();
        assertThat(v.path()).isEqualTo("/alert/info[0]/area[1]/polygon[0]");
    }

    @Test
    void circlesAreCheckedByTheirExtent() {
        Area small = new Area("c", List.of(), List.of("23.05,113.35 5"), List.of(), null, null);
        Area big = new Area("c", List.of(), List.of("23.05,113.35 50"), List.of(), null, null);

        assertThat(polygonScope().check(alert("Actual", "Minor", List.of(), small), RegionShapes.NONE).allowed()).isTrue();
        assertThat(polygonScope().check(alert("Actual", "Minor", List.of(), big), RegionShapes.NONE).path())
                .isEqualTo("/alert/info[0]/area[0]/circle[0]");
    }

    @Test
    void aGeocodeUnderAPolygonScopeNeedsItsShape() {
        Area tianhe = geocodeArea("440106000000");
        Geometry inside = CapShapes.polygon(INSIDE);

        assertThat(polygonScope().check(alert("Actual", "Minor", List.of(), tianhe), RegionShapes.NONE).allowed())
                .isFalse();
        assertThat(polygonScope().check(alert("Actual", "Minor", List.of(), tianhe),
                code -> Optional.of(inside)).allowed()).isTrue();
    }

    @Test
    void aPolygonUnderARegionScopeIsCheckedAgainstTheRegionsShape() {
        PublisherScope regions = new PublisherScope(List.of("440106"), null, Set.of(), Set.of(), Set.of(), null);
        Geometry tianhe = CapShapes.polygon(RIVER);
        Alert a = alert("Actual", "Minor", List.of(), polygonArea(INSIDE));

        assertThat(regions.check(a, RegionShapes.NONE).reason()).contains("outside");
        assertThat(regions.check(a, code -> code.equals("440106") ? Optional.of(tianhe) : Optional.empty()).allowed())
                .isTrue();
    }

    @Test
    void aRegionScopesOutlineIsAskedForOncePerShapesSourceNotOncePerAlert() {
        PublisherScope regions = new PublisherScope(List.of("440106"), null, Set.of(), Set.of(), Set.of(), null);
        Geometry tianhe = CapShapes.polygon(RIVER);
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        RegionShapes shapes = code -> {
            asked.incrementAndGet();
            return code.equals("440106") ? Optional.of(tianhe) : Optional.empty();
        };

        for (int i = 0; i < 20; i++) {
            assertThat(regions.check(alert("Actual", "Minor", List.of(), polygonArea(INSIDE)), shapes).allowed()).isTrue();
            assertThat(regions.check(alert("Actual", "Minor", List.of(), polygonArea(CROSSING)), shapes).path())
                    .isEqualTo("/alert/info[0]/area[0]/polygon[0]");
        }
        assertThat(asked).hasValue(1);
        assertThat(regions.check(alert("Actual", "Minor", List.of(), polygonArea(INSIDE)), RegionShapes.NONE).allowed())
                .as("another shapes source is asked again").isFalse();
    }

    @Test
    void anAreaWithNothingToCheckIsRefusedWhenTheScopeIsRestricted() {
        Area vague = new Area("somewhere near the river", List.of(), List.of(), List.of(), null, null);

        assertThat(polygonScope().check(alert("Actual", "Minor", List.of(), vague), RegionShapes.NONE).reason())
                .contains("no geocode, polygon or circle");
        assertThat(PublisherScope.unrestricted().check(alert("Actual", "Minor", List.of(), vague), RegionShapes.NONE)
                .allowed()).isTrue();
    }

    @Test
    void statusesSeveritiesAndRequestedChannelsAreChecked() {
        PublisherScope drill = new PublisherScope(List.of(), null, Set.of(Category.Met),
                Set.of(Status.Exercise, Status.Test), Set.of(ChannelKind.SMS, ChannelKind.WEBHOOK), Severity.Severe);
        Area any = geocodeArea("440106000000");

        assertThat(drill.check(alert("Actual", "Minor", List.of(), any), RegionShapes.NONE).path())
                .isEqualTo("/alert/status");
        assertThat(drill.check(alert("Exercise", "Extreme", List.of(), any), RegionShapes.NONE).path())
                .isEqualTo("/alert/info[0]/severity");
        assertThat(drill.check(alert("Exercise", "Severe", List.of(new NamedValue("channels", "SMS, TV")), any),
                RegionShapes.NONE).path()).isEqualTo("/alert/info[0]/parameter[0]");
        assertThat(drill.check(alert("Exercise", "Severe", List.of(new NamedValue("channels", "sms,webhook")), any),
                RegionShapes.NONE).allowed()).isTrue();
    }

    @Test
    void approvalPolicyFollowsSeverity() {
        Area any = geocodeArea("440106000000");
        Alert severe = alert("Actual", "Severe", List.of(), any);
        Alert minor = alert("Actual", "Minor", List.of(), any);
        Alert extreme = alert("Actual", "Extreme", List.of(), any);

        assertThat(ApprovalPolicy.NEVER.needsApproval(extreme)).isFalse();
        assertThat(ApprovalPolicy.ALWAYS.needsApproval(minor)).isTrue();
        assertThat(ApprovalPolicy.SEVERE_AND_ABOVE.needsApproval(severe)).isTrue();
        assertThat(ApprovalPolicy.SEVERE_AND_ABOVE.needsApproval(minor)).isFalse();
        assertThat(ApprovalPolicy.EXTREME.needsApproval(severe)).isFalse();
        assertThat(ApprovalPolicy.EXTREME.needsApproval(extreme)).isTrue();
    }
}
