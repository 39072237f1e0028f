package io.tocsin.sim.cbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(30)
class CbcSimulatorTest {

    private static final String PAGE = "E8329BFD4697D9EC77A3D168341A8D46A3D168341A8D46A3D168341A8D46A3D168341A8D46A3D168"
            + "341A8D46A3D168341A8D46A3D168341A8D46A3D168341A8D46A3D168341A8D46A3D168341A8D46A3D100";

    private final CbcSimulator cbc = new CbcSimulator("test", List.of("c1", "c2", "c3")).start(2);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void tearDown() {
        cbc.close();
    }

    static String body(int messageId, int update, String extra) {
        return "{\"cbe_name\":\"tocsin\",\"category\":\"high_priority\",\"repetition_period\":60,\"num_of_bcast\":10,"
                + "\"scope\":{\"scope_plmn\":{}}," + extra
                + "\"smscb_message\":{\"serial_nr\":{\"serial_nr_decoded\":{\"geo_scope\":\"plmn_wide\",\"msg_code\":1,\"update_nr\":"
                + update + "}},\"message_id\":" + messageId + ",\"payload\":{\"payload_encoded\":{\"dcs\":1,\"pages\":[\""
                + PAGE + "\"]}}}}";
    }

    private HttpResponse<String> post(int endpoint, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(cbc.url(endpoint) + "/api/ecbe/v1/message"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(2))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> delete(int endpoint, int id) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(cbc.url(endpoint) + "/api/ecbe/v1/message/" + id))
                .timeout(Duration.ofSeconds(2)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void createsReplacesConflictsAndDeletesLikeOsmoCbc() throws Exception {
        HttpResponse<String> created = post(0, body(4371, 0, ""));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).isEqualTo("Created");
        assertThat(cbc.messagesInCell("c2")).containsEntry(4371, 16400);

        assertThat(post(0, body(4371, 0, "")).statusCode()).isEqualTo(409);
        assertThat(post(1, body(4371, 1, "")).statusCode()).isEqualTo(201);
        assertThat(cbc.message(4371).orElseThrow().serialNumber()).isEqualTo(16401);
        assertThat(cbc.message(4371).orElseThrow().replacements()).isEqualTo(1);

        assertThat(delete(1, 4371).statusCode()).isEqualTo(200);
        assertThat(delete(0, 4371).statusCode()).isEqualTo(404);
        assertThat(cbc.messagesInCell("c2")).isEmpty();
        assertThat(cbc.store().deletedAtNanos(4371)).isPresent();
    }

    @Test
    void cellListedMessagesReportInstalledAndFailedCells() throws Exception {
        cbc.faults().failCells(List.of("c3"));
        HttpResponse<String> r = post(0, body(4384, 0, "\"x_tocsin_cells\":[\"c1\",\"c3\",\"nowhere\"],"));

        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.body()).contains("\"cells_installed\":1", "\"cells_failed\":[\"c3\",\"nowhere\"]");
        assertThat(cbc.messagesInCell("c1")).containsKey(4384);
        assertThat(cbc.messagesInCell("c2")).isEmpty();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "\"cbe_name\":\"tocsin\",|CBCMSG 'cbe_name' is mandatory",
        "\"repetition_period\":60,|CBCMSG 'repetiton_period' out of range",
        "\"scope\":{\"scope_plmn\":{}},|CBCMSG only 'scope_plmn' supported",
        "{\"serial_nr_decoded\"|Either 'serial_nr_encoded' or 'serial_nr_decoded' are mandatory",
        "\"plmn_wide\"|'geo_scope' is invalid",
        "\"update_nr\":0|'update_nr' is out of range",
        "\"message_id\":4371|message_id out of range",
        "\"dcs\":1|'dcs' out of range",
        "\"payload_encoded\"|'payload_type_encoded', 'payload_type_decoded' or 'payload_etws' must be present"})
    void rejectsWhatARealCbcRejects(String fragment, String reason) throws Exception {
        String mutated = body(4371, 0, "");
        String replacement = switch (reason) {
            case "CBCMSG 'cbe_name' is mandatory" -> "";
            case "CBCMSG 'repetiton_period' out of range" -> "\"repetition_period\":4096,";
            case "CBCMSG only 'scope_plmn' supported" -> "\"scope\":{\"scope_cells\":{}},";
            case "Either 'serial_nr_encoded' or 'serial_nr_decoded' are mandatory" -> "{\"serial_nr_plain\"";
            case "'geo_scope' is invalid" -> "\"country_wide\"";
            case "'update_nr' is out of range" -> "\"update_nr\":16";
            case "message_id out of range" -> "\"message_id\":70000";
            case "'dcs' out of range" -> "\"dcs\":256";
            default -> "\"payload_raw\"";
        };
        HttpResponse<String> r = post(0, mutated.replace(fragment, replacement));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).isEqualTo(reason);
        assertThat(cbc.store().messages()).isEmpty();
    }

    @Test
    void rejectsShortInnerPagesAndTooManyPages() throws Exception {
        String twoPages = body(4371, 0, "").replace("[\"" + PAGE + "\"]", "[\"E832\",\"" + PAGE + "\"]");
        assertThat(post(0, twoPages).statusCode()).isEqualTo(400);
        String sixteen = body(4371, 0, "").replace("[\"" + PAGE + "\"]",
                "[" + String.join(",", java.util.Collections.nCopies(16, "\"" + PAGE + "\"")) + "]");
        assertThat(post(0, sixteen).body()).isEqualTo("'pages' array size out of range");
        HttpResponse<String> noType = http.send(HttpRequest.newBuilder(URI.create(cbc.url(0) + "/api/ecbe/v1/message"))
                .POST(HttpRequest.BodyPublishers.ofString(body(4371, 0, ""))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noType.statusCode()).isEqualTo(400);
    }

    @Test
    void injectsServerErrorsAndSilence() throws Exception {
        cbc.faults().failNext(1, 503);
        assertThat(post(0, body(4371, 0, "")).statusCode()).isEqualTo(503);
        assertThat(cbc.store().messages()).isEmpty();

        cbc.faults().noReply(1, true);
        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(URI.create(cbc.url(0) + "/api/ecbe/v1/message"))
                .header("Content-Type", "application/json").timeout(Duration.ofMillis(300))
                .POST(HttpRequest.BodyPublishers.ofString(body(4371, 0, ""))).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(cbc.message(4371)).isPresent();
        assertThat(post(0, body(4371, 0, "")).statusCode()).isEqualTo(409);
    }

    @Test
    void aStoppedFrontEndRefusesWhileTheOtherServesTheSameState() throws Exception {
        assertThat(post(0, body(4371, 0, "")).statusCode()).isEqualTo(201);
        cbc.endpoint(0).stop();
        assertThatThrownBy(() -> post(0, body(4372, 0, ""))).isInstanceOf(java.io.IOException.class);
        assertThat(delete(1, 4371).statusCode()).isEqualTo(200);
        cbc.endpoint(0).start();
        assertThat(post(0, body(4372, 0, "")).statusCode()).isEqualTo(201);
    }
}
