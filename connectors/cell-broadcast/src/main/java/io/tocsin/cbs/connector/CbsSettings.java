package io.tocsin.cbs.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.tocsin.cbs.CbsPages;
import io.tocsin.cbs.GeoScope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Settings of one carrier's cell broadcast connector (type {@code ecbe}), validated once at creation:
 *
 * <pre>
 * {
 *   "carrier": "cmcc",                        // Target.carrier this connector serves (required)
 *   "cbe_name": "tocsin",                     // ECBE cbe_name (default "tocsin")
 *   "endpoints": [                            // tried in order: primary first, then fail-over
 *     {"name": "primary",   "url": "http://cbc-a:12345", "rate_per_second": 50, "max_in_flight": 16},
 *     "http://cbc-b:12345"                    // a bare URL: unlimited rate, 64 in flight
 *   ],
 *   "connect_timeout_ms": 1000, "request_timeout_ms": 2000,
 *   "max_attempts": 4,                        // per CBC message, across endpoints
 *   "retry_backoff_ms": 20,                   // before retrying the same endpoint
 *   "health": {"interval_ms": 1000, "failures_to_down": 2},
 *   "category": "high_priority",              // ECBE category: normal | high_priority | background
 *   "max_pages": 15,                          // page budget, 1..15
 *   "ucs2_language_indication": false,        // true: DCS 0x11 (40 chars/page), false: DCS 0x48 (41)
 *   "cell_geo_scope": "cell_wide",            // serial-number GS when cells are listed (plmn_wide otherwise)
 *   "plmn_cells": 0,                          // cells a PLMN-wide message counts as in receipts (0 → 1 unit)
 *   "update_mode": "replace",                 // replace: POST a higher update number (409 → DELETE + POST);
 *                                             // delete_then_post: always DELETE first (plain osmo-cbc)
 *   "repetition": {"immediate_s": 60, "expected_s": 180, "other_s": 600,
 *                  "until_expiry": true, "max_broadcasts": 0, "unit_seconds": 1.0}
 * }
 * </pre>
 *
 * Immutable.
 */
public record CbsSettings(
        String carrier,
        String cbeName,
        List<EndpointSettings> endpoints,
        Duration connectTimeout,
        Duration requestTimeout,
        int maxAttempts,
        Duration retryBackoff,
        Duration healthInterval,
        int failuresToDown,
        String category,
        int maxPages,
        boolean ucs2LanguageIndication,
        GeoScope cellGeoScope,
        int plmnCells,
        boolean deleteBeforeUpdate,
        RepetitionSettings repetition) {

    private static final Set<String> CATEGORIES = Set.of("normal", "high_priority", "background");

    public CbsSettings {
        endpoints = List.copyOf(endpoints);
    }

    /** Reads and checks the settings; throws IllegalArgumentException naming the bad setting. */
    public static CbsSettings from(JsonNode s) {
        String carrier = s.path("carrier").asText("");
        if (carrier.isBlank()) {
            throw new IllegalArgumentException("carrier is required");
        }
        JsonNode eps = s.path("endpoints");
        if (!eps.isArray() || eps.isEmpty()) {
            throw new IllegalArgumentException("endpoints must list at least one CBC URL");
        }
        List<EndpointSettings> endpoints = new ArrayList<>();
        for (int i = 0; i < eps.size(); i++) {
            endpoints.add(EndpointSettings.from(eps.get(i), i));
        }
        String category = s.path("category").asText("high_priority");
        if (!CATEGORIES.contains(category)) {
            throw new IllegalArgumentException("category must be one of " + CATEGORIES + ": " + category);
        }
        int maxPages = s.path("max_pages").asInt(CbsPages.MAX_PAGES);
        if (maxPages < 1 || maxPages > CbsPages.MAX_PAGES) {
            throw new IllegalArgumentException("max_pages must be 1..15: " + maxPages);
        }
        GeoScope gs = GeoScope.ofEcbeName(s.path("cell_geo_scope").asText("cell_wide"));
        if (gs == null) {
            throw new IllegalArgumentException("cell_geo_scope must be an ECBE geo_scope name");
        }
        String mode = s.path("update_mode").asText("replace");
        if (!mode.equals("replace") && !mode.equals("delete_then_post")) {
            throw new IllegalArgumentException("update_mode must be replace or delete_then_post: " + mode);
        }
        int attempts = s.path("max_attempts").asInt(4);
        if (attempts < 1) {
            throw new IllegalArgumentException("max_attempts must be >= 1");
        }
        JsonNode health = s.path("health");
        return new CbsSettings(carrier, s.path("cbe_name").asText("tocsin"), endpoints,
                millis(s, "connect_timeout_ms", 1000), millis(s, "request_timeout_ms", 2000), attempts,
                millis(s, "retry_backoff_ms", 20), millis(health, "interval_ms", 1000),
                Math.max(1, health.path("failures_to_down").asInt(2)), category, maxPages,
                s.path("ucs2_language_indication").asBoolean(false), gs, Math.max(0, s.path("plmn_cells").asInt(0)),
                mode.equals("delete_then_post"), RepetitionSettings.from(s.get("repetition")));
    }

    private static Duration millis(JsonNode s, String key, long dflt) {
        long v = s.path(key).asLong(dflt);
        if (v < 0) {
            throw new IllegalArgumentException(key + " must be >= 0");
        }
        return Duration.ofMillis(v);
    }
}
