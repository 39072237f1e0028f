package io.tocsin.ingress;

import io.tocsin.cap.Severity;
import io.tocsin.cap.Category;
import io.tocsin.cap.Status;
import io.tocsin.config.ServerConfig;
import io.tocsin.security.ApprovalPolicy;
import io.tocsin.security.KeyHash;
import io.tocsin.security.KeyRing;
import io.tocsin.security.Operator;
import io.tocsin.security.OperatorRole;
import io.tocsin.security.Publisher;
import io.tocsin.security.PublisherScope;
import io.tocsin.security.RegionShapes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A real ingress server on an ephemeral port over fakes of the engine, with a city-level publisher, a
 * district-level one, one whose alerts need approval, a full operator and a cancel-only operator.
 */
final class TestIngress implements AutoCloseable {

    static final String CITY_KEY = "city-key-0001";
    static final String DISTRICT_KEY = "district-key-0002";
    static final String APPROVAL_KEY = "approval-key-0003";
    static final String OPERATOR_KEY = "operator-key-0004";
    static final String CANCEL_ONLY_KEY = "cancel-only-key-0005";

    final FakeIntake intake = new FakeIntake();
    final FakeLedger ledger = new FakeLedger();
    final IngressServer server;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    TestIngress() throws InterruptedException {
        this(ServerConfig.defaults().withPort(0).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofSeconds(2)), new JsonAlertParser());
    }

    /** A client for another server (no fakes of its own). */
    private TestIngress(IngressServer server) {
        this.server = server;
    }

    static TestIngress client(IngressServer server) {
        return new TestIngress(server);
    }

    TestIngress(ServerConfig config, AlertParser parser) throws InterruptedException {
        KeyRing keys = keyRing();
        AlertApi api = new AlertApi(keys, intake, ledger, parser, RegionShapes.NONE, Clock.systemUTC(), config);
        server = new IngressServer(config.withPort(0), api.router()).start();
    }

    static KeyRing keyRing() {
        PublisherScope district = new PublisherScope(List.of("440106"), null, Set.of(Category.Met),
                Set.of(Status.Actual, Status.Exercise, Status.Test), Set.of(), Severity.Severe);
        PublisherScope city = new PublisherScope(List.of("440100"), null, Set.of(), Set.of(), Set.of(), null);
        return KeyRing.of(
                List.of(new KeyRing.KeyedPublisher(KeyHash.ofKey(CITY_KEY),
                                new Publisher("gz-city", city, ApprovalPolicy.NEVER)),
                        new KeyRing.KeyedPublisher(KeyHash.ofKey(DISTRICT_KEY),
                                new Publisher("gz-tianhe", district, ApprovalPolicy.NEVER)),
                        new KeyRing.KeyedPublisher(KeyHash.ofKey(APPROVAL_KEY),
                                new Publisher("gz-trainee", city, ApprovalPolicy.ALWAYS))),
                List.of(new KeyRing.KeyedOperator(KeyHash.ofKey(OPERATOR_KEY),
                                new Operator("duty-officer", Set.of(OperatorRole.values()))),
                        new KeyRing.KeyedOperator(KeyHash.ofKey(CANCEL_ONLY_KEY),
                                new Operator("night-desk", Set.of(OperatorRole.CANCEL)))));
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    HttpResponse<String> post(String path, String key, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postAlert(String key, String json) throws Exception {
        return post("/api/v1/alerts", key, "application/json", json);
    }

    HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET();
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON alert in the model's shape targeting one GB/T 2260 region. */
    static String alertJson(String identifier, String severity, String regionCode) {
        return alertJson(identifier, severity, regionCode, "Met", "Actual");
    }

    static String alertJson(String identifier, String severity, String regionCode, String category, String status) {
        return """
                {"identifier":"%s","sender":"gz-observatory","sent":"2026-11-29T09:30:00+08:00",
                 "status":"%s","msgType":"Alert","scope":"Public",
                 "infos":[{"language":"zh-CN","categories":["%s"],"event":"Typhoon","urgency":"Immediate",
                   "severity":"%s","certainty":"Observed","headline":"Typhoon warning",
                   "areas":[{"areaDesc":"district","geocodes":[
                     {"valueName":"CPEAS Geographic Code","value":"%s"}]}]}]}
                """.formatted(identifier, status, category, severity, regionCode);
    }

    @Override
    public void close() {
        server.close();
    }
}
