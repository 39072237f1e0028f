package io.tocsin.ingress;

import static io.tocsin.ingress.TestIngress.APPROVAL_KEY;
import static io.tocsin.ingress.TestIngress.CANCEL_ONLY_KEY;
import static io.tocsin.ingress.TestIngress.CITY_KEY;
import static io.tocsin.ingress.TestIngress.DISTRICT_KEY;
import static io.tocsin.ingress.TestIngress.OPERATOR_KEY;
import static io.tocsin.ingress.TestIngress.alertJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tocsin.config.ServerConfig;
import io.tocsin.ledger.AlertState;
import io.tocsin.ledger.AlertView;
import io.tocsin.ledger.ChannelCounters;
import io.tocsin.ledger.TimelineEntry;
import io.tocsin.pipeline.IntakeOutcome;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class AlertApiTest {

    private TestIngress ingress;

    @BeforeEach
    void start() throws Exception {
        ingress = new TestIngress();
    }

    @AfterEach
    void stop() {
        ingress.close();
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return Json.MAPPER.readTree(r.body());
    }

    @Test
    void acceptedAlertIsAnswered202WithIdAndStateAndReachesTheEngine() throws Exception {
        HttpResponse<String> r = ingress.postAlert(CITY_KEY, alertJson("a-1", "Extreme", "440106000000"));

        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(json(r).get("id").asText()).isEqualTo("A1");
        assertThat(json(r).get("state").asText()).isEqualTo("ACTIVE");
        assertThat(ingress.intake.submissions).singleElement().satisfies(s -> {
            assertThat(s.publisher()).isEqualTo("gz-city");
            assertThat(s.alert().identifier()).isEqualTo("a-1");
            assertThat(s.needsApproval()).isFalse();
            assertThat(new String(s.raw())).contains("\"a-1\"");
            assertThat(s.contentType()).isEqualTo("application/json");
        });
    }

    @Test
    void theAckWaitsForTheEnginesAnswer() throws Exception {
        ingress.intake.hold = true;
        CompletableFuture<HttpResponse<String>> pending = CompletableFuture.supplyAsync(() -> {
            try {
                return ingress.postAlert(CITY_KEY, alertJson("held-1", "Minor", "440106000000"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> ingress.intake.held.size() == 1);
        // The engine has the submission but has not journaled it: the client must still be waiting.
        assertThat(pending).isNotDone();

        ingress.intake.release();

        assertThat(pending.get().statusCode()).isEqualTo(202);
    }

    @Test
    void aDuplicateIsAnswered200WithTheOriginalId() throws Exception {
        String body = alertJson("dup-1", "Minor", "440106000000");
        HttpResponse<String> first = ingress.postAlert(CITY_KEY, body);
        HttpResponse<String> second = ingress.postAlert(CITY_KEY, body);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(json(second).get("id").asText()).isEqualTo(json(first).get("id").asText());
        assertThat(json(second).get("duplicate").asBoolean()).isTrue();
    }

    @Test
    void anUnreadableBodyIsAnswered400WithLocatedReasons() throws Exception {
        HttpResponse<String> r = ingress.postAlert(CITY_KEY, "{\"identifier\": ");

        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode reason = json(r).get("reasons").get(0);
        assertThat(reason.get("path").asText()).isEqualTo("/");
        assertThat(reason.get("code").asText()).isEqualTo("malformed");
        assertThat(reason.get("level").asText()).isEqualTo("error");
        assertThat(reason.get("message").asText()).isNotBlank();
        assertThat(ingress.intake.submissions).isEmpty();
    }

    @Test
    void anEmptyBodyIsAnswered400() throws Exception {
        HttpResponse<String> r = ingress.postAlert(CITY_KEY, "");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("reasons").get(0).get("code").asText()).isEqualTo("empty-body");
    }

    @Test
    void aMissingOrUnknownKeyIsAnswered401() throws Exception {
        String body = alertJson("k-1", "Minor", "440106000000");
        HttpResponse<String> none = ingress.postAlert(null, body);
        HttpResponse<String> wrong = ingress.postAlert("not-a-key", body);

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(ingress.intake.submissions).isEmpty();
    }

    @Test
    void anOperatorKeyCannotPublish() throws Exception {
        HttpResponse<String> r = ingress.postAlert(OPERATOR_KEY, alertJson("op-1", "Minor", "440106000000"));
        assertThat(r.statusCode()).isEqualTo(403);
    }

    @Test
    void aDistrictPublisherTargetingAnotherDistrictIsAnswered403NamingTheArea() throws Exception {
        HttpResponse<String> r = ingress.postAlert(DISTRICT_KEY, alertJson("d-1", "Moderate", "440103000000"));

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(json(r).get("path").asText()).isEqualTo("/alert/info[0]/area[0]/geocode[0]");
        assertThat(json(r).get("reason").asText()).contains("440103000000").contains("440106");
        assertThat(ingress.intake.submissions).isEmpty();
    }

    @Test
    void aDistrictPublisherInsideItsDistrictIsAccepted() throws Exception {
        HttpResponse<String> r = ingress.postAlert(DISTRICT_KEY, alertJson("d-2", "Moderate", "440106012000"));
        assertThat(r.statusCode()).isEqualTo(202);
    }

    @Test
    void severityAboveThePublishersMaximumIsAnswered403() throws Exception {
        HttpResponse<String> r = ingress.postAlert(DISTRICT_KEY, alertJson("d-3", "Extreme", "440106000000"));

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(json(r).get("path").asText()).isEqualTo("/alert/info[0]/severity");
    }

    @Test
    void aCategoryOutsideScopeIsAnswered403() throws Exception {
        HttpResponse<String> r = ingress.postAlert(DISTRICT_KEY,
                alertJson("d-4", "Minor", "440106000000", "Geo", "Actual"));

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(json(r).get("path").asText()).isEqualTo("/alert/info[0]/category[0]");
    }

    @Test
    void aPublisherWhosePolicySaysSoSubmitsForApproval() throws Exception {
        HttpResponse<String> r = ingress.postAlert(APPROVAL_KEY, alertJson("p-1", "Minor", "440106000000"));

        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(json(r).get("state").asText()).isEqualTo("PENDING_APPROVAL");
        assertThat(ingress.intake.submissions.get(0).needsApproval()).isTrue();
    }

    @Test
    void anUnsupportedContentTypeIsAnswered415() throws Exception {
        HttpResponse<String> r = ingress.post("/api/v1/alerts", CITY_KEY, "text/plain", "hello");
        HttpResponse<String> none = ingress.post("/api/v1/alerts", CITY_KEY, null, "hello");

        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(json(r).get("accepted").toString()).contains("application/cap+xml");
        assertThat(none.statusCode()).isEqualTo(415);
    }

    @Test
    void capXmlMediaTypesReachTheParser() throws Exception {
        for (String type : List.of("application/cap+xml", "application/xml; charset=utf-8", "text/xml")) {
            HttpResponse<String> r = ingress.post("/api/v1/alerts", CITY_KEY, type, "<alert/>");
            // The test parser refuses XML with a reason: the media type itself was accepted.
            assertThat(r.statusCode()).as(type).isEqualTo(400);
            assertThat(r.body()).contains("xml-unsupported-in-test");
        }
    }

    @Test
    void aSaturatedEngineIsAnswered503WithRetryAfter() throws Exception {
        ingress.intake.forced.set(IntakeOutcome.Kind.SATURATED);
        HttpResponse<String> r = ingress.postAlert(CITY_KEY, alertJson("s-1", "Minor", "440106000000"));

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
    }

    @Test
    void anEngineThatDoesNotAnswerInTimeIsAnswered503() throws Exception {
        ingress.intake.hold = true;
        HttpResponse<String> r = ingress.postAlert(CITY_KEY, alertJson("t-1", "Minor", "440106000000"));

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
        assertThat(json(r).get("reason").asText()).contains("duplicate");
    }

    @Test
    void tooManySubmissionsWaitingForTheEngineAreAnswered429() throws Exception {
        ingress.close();
        ingress = new TestIngress(ServerConfig.defaults().withLimits(1 << 20, 2)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(10)),
                new JsonAlertParser());
        ingress.intake.hold = true;
        List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String body = alertJson("w-" + i, "Minor", "440106000000");
            waiting.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return ingress.postAlert(CITY_KEY, body);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> ingress.intake.held.size() == 2);

        HttpResponse<String> third = ingress.postAlert(CITY_KEY, alertJson("w-3", "Minor", "440106000000"));
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("Retry-After")).isPresent();

        ingress.intake.release();
        for (CompletableFuture<HttpResponse<String>> w : waiting) {
            assertThat(w.get().statusCode()).isEqualTo(202);
        }
    }

    @Test
    void whileTheEngineIsBehindNewSubmissionsAreRefused503AtTheHeadWithoutBeingRead() throws Exception {
        ingress.close();
        // ackTimeout 3 s: the gate closes when an answer took longer than 750 ms while others still wait
        ingress = new TestIngress(ServerConfig.defaults().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(3)), new JsonAlertParser());
        ingress.intake.hold = true;
        HttpResponse<String> late = ingress.postAlert(CITY_KEY, alertJson("g-1", "Minor", "440106000000"));
        assertThat(late.statusCode()).as("not answered within the ack timeout").isEqualTo(503);
        String body = alertJson("g-2", "Minor", "440106000000");
        CompletableFuture<HttpResponse<String>> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return ingress.postAlert(CITY_KEY, body);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> ingress.intake.held.size() == 2);

        HttpResponse<String> refused = ingress.postAlert(CITY_KEY, alertJson("g-3", "Minor", "440106000000"));

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(json(refused).get("reason").asText()).contains("behind");
        assertThat(ingress.intake.submissions).as("the refused body never reached the engine").hasSize(2);
        ingress.intake.hold = false;
        ingress.intake.release();
        assertThat(waiting.get().statusCode()).isEqualTo(202);
        assertThat(ingress.postAlert(CITY_KEY, alertJson("g-4", "Minor", "440106000000")).statusCode())
                .as("nothing waits any more: taken again").isEqualTo(202);
    }

    @Test
    void listAndDetailShowStateCountersAndTimelineAndPublishersSeeOnlyTheirOwn() throws Exception {
        Instant t = Instant.parse("2026-11-29T01:30:00Z");
        ingress.ledger.views.put("A1", view("A1", "gz-city", t));
        ingress.ledger.views.put("A2", view("A2", "gz-tianhe", t.plusSeconds(5)));

        HttpResponse<String> all = ingress.get("/api/v1/alerts", OPERATOR_KEY);
        HttpResponse<String> own = ingress.get("/api/v1/alerts", DISTRICT_KEY);
        HttpResponse<String> detail = ingress.get("/api/v1/alerts/A1", OPERATOR_KEY);
        HttpResponse<String> hidden = ingress.get("/api/v1/alerts/A1", DISTRICT_KEY);
        HttpResponse<String> missing = ingress.get("/api/v1/alerts/nope", OPERATOR_KEY);
        HttpResponse<String> anonymous = ingress.get("/api/v1/alerts", null);

        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(json(all).get("alerts")).extracting(n -> n.get("id").asText()).containsExactly("A2", "A1");
        assertThat(json(own).get("alerts")).extracting(n -> n.get("id").asText()).containsExactly("A2");
        JsonNode d = json(detail);
        assertThat(d.get("state").asText()).isEqualTo("DISPATCHING");
        assertThat(d.get("channels").get("SMS").get("delivered").asLong()).isEqualTo(7);
        assertThat(d.get("timeline").get(0).get("event").asText()).isEqualTo("ACCEPTED");
        assertThat(d.get("receivedAt").asText()).isEqualTo("2026-11-29T01:30:00Z");
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void listRejectsBadQueryParameters() throws Exception {
        assertThat(ingress.get("/api/v1/alerts?limit=0", OPERATOR_KEY).statusCode()).isEqualTo(400);
        assertThat(ingress.get("/api/v1/alerts?limit=x", OPERATOR_KEY).statusCode()).isEqualTo(400);
        assertThat(ingress.get("/api/v1/alerts?state=NOPE", OPERATOR_KEY).statusCode()).isEqualTo(400);
        assertThat(ingress.get("/api/v1/alerts?state=active&limit=5", OPERATOR_KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void operatorsCancelApproveAndRejectWithTheRightKeysOnly() throws Exception {
        String id = json(ingress.postAlert(APPROVAL_KEY, alertJson("c-1", "Minor", "440106000000"))).get("id").asText();

        HttpResponse<String> byPublisher = ingress.post("/api/v1/alerts/" + id + "/cancel", CITY_KEY, null, "");
        HttpResponse<String> approveByCancelOnly = ingress.post("/api/v1/alerts/" + id + "/approve", CANCEL_ONLY_KEY,
                null, "");
        HttpResponse<String> approve = ingress.post("/api/v1/alerts/" + id + "/approve", OPERATOR_KEY, null, "");
        HttpResponse<String> reject = ingress.post("/api/v1/alerts/" + id + "/reject", OPERATOR_KEY,
                "application/json", "{\"reason\":\"wrong district\"}");
        HttpResponse<String> cancel = ingress.post("/api/v1/alerts/" + id + "/cancel", CANCEL_ONLY_KEY,
                "application/json", "{\"reason\":\"all clear\"}");
        HttpResponse<String> unknown = ingress.post("/api/v1/alerts/nope/cancel", OPERATOR_KEY, null, "");
        HttpResponse<String> badBody = ingress.post("/api/v1/alerts/" + id + "/cancel", OPERATOR_KEY,
                "application/json", "[1,2]");

        assertThat(byPublisher.statusCode()).isEqualTo(403);
        assertThat(approveByCancelOnly.statusCode()).isEqualTo(403);
        assertThat(approve.statusCode()).isEqualTo(200);
        assertThat(json(approve).get("state").asText()).isEqualTo("ACTIVE");
        assertThat(reject.statusCode()).isEqualTo(200);
        assertThat(cancel.statusCode()).isEqualTo(202);
        assertThat(json(cancel).get("state").asText()).isEqualTo("CANCELLED");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(badBody.statusCode()).isEqualTo(400);
        assertThat(ingress.intake.commands).containsExactly(
                "approve " + id + " by duty-officer",
                "reject " + id + " by duty-officer reason wrong district",
                "cancel " + id + " by night-desk reason all clear",
                "cancel nope by duty-officer reason null");
    }

    @Test
    void healthIsPublic() throws Exception {
        HttpResponse<String> r = ingress.get("/health", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void wrongMethodsAre405WithAllowAndUnknownPathsAre404() throws Exception {
        HttpResponse<String> wrong = ingress.get("/api/v1/alerts/A1/cancel", OPERATOR_KEY);
        HttpResponse<String> unknown = ingress.get("/api/v2/nothing", OPERATOR_KEY);
        HttpResponse<String> postHealth = ingress.post("/health", null, null, "x");

        assertThat(wrong.statusCode()).isEqualTo(405);
        assertThat(wrong.headers().firstValue("Allow")).hasValue("POST");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(postHealth.statusCode()).isEqualTo(405);
    }

    private static AlertView view(String id, String publisher, Instant at) {
        return new AlertView(id, "gz-observatory", "id-" + id, "2026-11-29T09:30:00+08:00", "Actual", "Alert",
                "Typhoon", "Typhoon warning", "Extreme", "Immediate", publisher, AlertState.DISPATCHING, at,
                at.plusSeconds(3600), Map.of("SMS", new ChannelCounters(10, 10, 9, 7, 1, 0, 0, 1)),
                List.of(new TimelineEntry(at, "ACCEPTED", "journaled")));
    }
}
