package io.tocsin.cbs.ecbe;

import io.tocsin.cbs.connector.CbcAnswer;
import io.tocsin.cbs.connector.CbcAnswer.Kind;
import io.tocsin.cbs.connector.CbcProtocol;
import io.tocsin.cbs.connector.CbsBroadcast;
import io.tocsin.cbs.connector.EndpointSettings;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

/**
 * osmo-cbc's ECBE REST API over {@link HttpClient} (HTTP/1.1, async, connect and request timeouts):
 * {@code POST {base}/api/ecbe/v1/message} and {@code DELETE {base}/api/ecbe/v1/message/{message_id}}.
 *
 * <p>Status mapping: 201/200 → OK, 409 → CONFLICT, 404 → NOT_FOUND, other 4xx → REJECTED, 5xx →
 * SERVER_ERROR; a request timeout or a broken connection after sending → NO_ANSWER (osmo-cbc can leave a
 * request unanswered after acting on it); refused or timed-out connects → UNREACHABLE. Thread-safe.
 */
public final class EcbeProtocol implements CbcProtocol {

    private static final String PATH = "/api/ecbe/v1/message";

    private final HttpClient http;
    private final Duration requestTimeout;
    private final ExecutorService executor;

    public EcbeProtocol(Duration connectTimeout, Duration requestTimeout, ExecutorService executor) {
        this.requestTimeout = requestTimeout;
        this.executor = executor;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .executor(executor)
                .build();
    }

    @Override
    public CompletableFuture<CbcAnswer> create(EndpointSettings endpoint, String cbeName, CbsBroadcast broadcast) {
        HttpRequest request = HttpRequest.newBuilder(endpoint.url().resolve(endpoint.url().getPath() + PATH))
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(EcbeBodies.create(cbeName, broadcast)))
                .build();
        return send(request);
    }

    @Override
    public CompletableFuture<CbcAnswer> delete(EndpointSettings endpoint, int messageId) {
        URI uri = endpoint.url().resolve(endpoint.url().getPath() + PATH + "/" + messageId);
        return send(HttpRequest.newBuilder(uri).timeout(requestTimeout).DELETE().build());
    }

    private CompletableFuture<CbcAnswer> send(HttpRequest request) {
        try {
            return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .handle((response, error) -> error != null ? failure(error) : answer(response));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(CbcAnswer.of(Kind.UNREACHABLE, 0, String.valueOf(e)));
        }
    }

    private static CbcAnswer answer(HttpResponse<String> r) {
        int s = r.statusCode();
        String body = r.body();
        if (s == 200 || s == 201) {
            EcbeBodies.CellReport cells = EcbeBodies.cellReport(body);
            return cells == null ? CbcAnswer.of(Kind.OK, s, body)
                    : new CbcAnswer(Kind.OK, s, "Created", cells.installed(), cells.failed());
        }
        Kind kind = s == 409 ? Kind.CONFLICT : s == 404 ? Kind.NOT_FOUND : s >= 500 ? Kind.SERVER_ERROR
                : s >= 400 ? Kind.REJECTED : Kind.SERVER_ERROR;
        return CbcAnswer.of(kind, s, s + " " + body);
    }

    private static CbcAnswer failure(Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (e instanceof HttpConnectTimeoutException || e instanceof ConnectException) {
            return CbcAnswer.of(Kind.UNREACHABLE, 0, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return CbcAnswer.of(Kind.NO_ANSWER, 0, e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
