package io.tocsin.ingress;

import static io.tocsin.ingress.TestIngress.alertJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tocsin.cap.Category;
import io.tocsin.cap.Status;
import io.tocsin.config.ServerConfig;
import io.tocsin.connector.ChannelKind;
import io.tocsin.ledger.AlertState;
import io.tocsin.pipeline.Governance;
import io.tocsin.pipeline.testing.EngineFixture;
import io.tocsin.pipeline.testing.FakeResolver;
import io.tocsin.security.ApprovalPolicy;
import io.tocsin.security.Identities;
import io.tocsin.security.KeyHash;
import io.tocsin.security.KeyRing;
import io.tocsin.security.Operator;
import io.tocsin.security.OperatorRole;
import io.tocsin.security.Publisher;
import io.tocsin.security.PublisherScope;
import io.tocsin.security.RegionShapes;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over HTTP against a real engine: the approvals queue, self-approval refused by person (one person holding a
 * publisher key and an operator account under different names) with a located 403, and rejection with a reason
 * that reaches the alert's timeline and the audit chain.
 */
@Timeout(60)
class GovernanceApiTest {
    static final String DISTRICT_KEY = "tianhe-key-0001";
    static final String WLI_KEY = "wli-operator-0002";
    static final String DUTY_KEY = "duty-operator-0003";
    static final String APPROVER_KEY = "approver-only-0004";

    @TempDir
    Path dir;
    EngineFixture engine;
    IngressServer server;
    TestIngress client;
    io.tocsin.drill.Drills drills;

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    private void start() throws Exception {
        Identities people = new Identities(Map.of("tianhe-office", "wang.li"), Map.of("wli", "wang.li"));
        Governance governance = new Governance(Duration.ofMinutes(15), people, Set.of());
        engine = new EngineFixture(dir, FakeResolver.recipients(20), Clock.systemUTC())
                .connector("sms", ChannelKind.SMS, "cmcc").config(c -> c.withGovernance(governance));
        engine.start();
        PublisherScope city = new PublisherScope(List.of("440100"), null, Set.of(Category.Met),
                Set.of(Status.Actual), Set.of(), null);
        KeyRing keys = KeyRing.of(
                List.of(new KeyRing.KeyedPublisher(KeyHash.ofKey(DISTRICT_KEY),
                        new Publisher("tianhe-office", city, ApprovalPolicy.ALWAYS))),
                List.of(new KeyRing.KeyedOperator(KeyHash.ofKey(WLI_KEY),
                                new Operator("wli", Set.of(OperatorRole.values()))),
                        new KeyRing.KeyedOperator(KeyHash.ofKey(DUTY_KEY),
                                new Operator("duty-officer", Set.of(OperatorRole.values()))),
                        new KeyRing.KeyedOperator(KeyHash.ofKey(APPROVER_KEY),
                                new Operator("approver", Set.of(OperatorRole.APPROVE)))),
                people);
        ServerConfig config = ServerConfig.defaults().withPort(0);
        AlertApi api = new AlertApi(keys, engine.engine().intake(), engine.engine().ledger(), new JsonAlertParser(),
                RegionShapes.NONE, Clock.systemUTC(), config, governance);
        drills = new io.tocsin.drill.Drills(engine.engine().intake(), engine.engine().ledger(), Clock.systemUTC(),
                new java.util.Random(3), null);
        Router router = api.router();
        router.addAll(new io.tocsin.drill.DrillRoutes(drills, new CapAlertParser(), Clock.systemUTC()).routes());
        server = new IngressServer(config, router).start();
        client = TestIngress.client(server);
    }

    @Test
    void selfApprovalByTheSamePersonIsRefusedWithALocatedReasonAndTheQueueSaysSo() throws Exception {
        start();
        String id = json(client.postAlert(DISTRICT_KEY, alertJson("G1", "Severe", "440106"))).path("id").asText();
        JsonNode queue = json(client.get("/api/v1/approvals", WLI_KEY));
        assertThat(queue.path("approvalWindow").asText()).isEqualTo("PT15M");
        JsonNode row = queue.path("approvals").get(0);
        assertThat(row.path("id").asText()).isEqualTo(id);
        assertThat(row.path("submitter").asText()).isEqualTo("wang.li");
        assertThat(row.path("mayApprove").asBoolean()).isFalse();
        assertThat(row.path("mayApproveReason").asText()).contains("self-approval refused");
        assertThat(row.path("approvalDeadline").asText()).isNotBlank();
        assertThat(json(client.get("/api/v1/approvals", DUTY_KEY)).path("approvals").get(0).path("mayApprove")
                .asBoolean()).isTrue();

        HttpResponse<String> self = client.post("/api/v1/alerts/" + id + "/approve", WLI_KEY, null, "");
        assertThat(self.statusCode()).isEqualTo(403);
        assertThat(json(self).path("reason").asText()).contains("self-approval refused").contains("wang.li");
        assertThat(json(self).path("path").asText()).isEqualTo("/alerts/" + id + "/publisher");
        assertThat(engine.view(id).state()).isEqualTo(AlertState.PENDING_APPROVAL);

        HttpResponse<String> ok = client.post("/api/v1/alerts/" + id + "/approve", DUTY_KEY, null, "");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(json(client.get("/api/v1/approvals", DUTY_KEY)).path("approvals").size()).isZero();
    }

    @Test
    void aRejectionWithAReasonFromTheApiIsJournaledAndAudited() throws Exception {
        start();
        String id = json(client.postAlert(DISTRICT_KEY, alertJson("G2", "Severe", "440106"))).path("id").asText();
        HttpResponse<String> rejected = client.post("/api/v1/alerts/" + id + "/reject", DUTY_KEY,
                "application/json", "{\"reason\":\"areas overlap Haizhu; resubmit for Tianhe only\"}");
        assertThat(rejected.statusCode()).isEqualTo(200);
        assertThat(json(rejected).path("state").asText()).isEqualTo("REJECTED");
        assertThat(engine.view(id).timeline()).anySatisfy(t ->
                assertThat(t.detail()).contains("duty-officer").contains("resubmit for Tianhe only"));
        assertThat(client.post("/api/v1/alerts/" + id + "/approve", DUTY_KEY, null, "").statusCode())
                .isEqualTo(409);
        server.close();
        server = null;
        engine.close();
        engine = null;
        assertThat(Files.readAllLines(dir.resolve("audit").resolve("audit.log"))).anySatisfy(l -> assertThat(l)
                .contains("\"type\":\"reject\"").contains("\"actor\":\"duty-officer\"").contains(id)
                .contains("resubmit for Tianhe only"));
    }

    @Test
    void aDrillIsScheduledByWindowTheMomentIsNeverShownAndOnlyDrillOperatorsSeeIt() throws Exception {
        start();
        HttpResponse<String> scheduled = client.post("/api/v1/drills", DUTY_KEY, "application/json",
                "{\"name\":\"night-typhoon\",\"withinMinutes\":90}");
        assertThat(scheduled.statusCode()).isEqualTo(202);
        JsonNode plan = json(scheduled);
        assertThat(plan.path("state").asText()).isEqualTo("SCHEDULED");
        assertThat(plan.path("status").asText()).isEqualTo("Exercise");
        assertThat(plan.path("window").path("from").asText()).isNotBlank();
        assertThat(scheduled.body()).doesNotContain("moment");
        String listed = client.get("/api/v1/drills", DUTY_KEY).body();
        assertThat(listed).contains("night-typhoon").doesNotContain("moment")
                .doesNotContain(drills.plans().get(0).moment().toString());
        assertThat(client.get("/api/v1/drills", APPROVER_KEY).statusCode()).isEqualTo(403);
        assertThat(client.post("/api/v1/drills", APPROVER_KEY, "application/json",
                "{\"name\":\"x\",\"withinMinutes\":5}").statusCode()).isEqualTo(403);
        HttpResponse<String> bad = client.post("/api/v1/drills", DUTY_KEY, "application/json",
                "{\"name\":\"x\",\"from\":\"2026-11-29T10:00:00+08:00\",\"to\":\"2026-11-29T09:00:00+08:00\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).path("reason").asText()).contains("no future part");
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return io.tocsin.ingress.Json.MAPPER.readTree(r.body());
    }
}
