package io.tocsin.ingress;

import io.tocsin.security.Caller;
import java.util.concurrent.CompletableFuture;

/**
 * One HTTP endpoint. {@link #handle} runs on a Netty event loop and must not block: answer at once, or
 * return a future completed elsewhere. Implementations must be thread-safe.
 */
public interface Route {

    String method();

    /** Path with {@code {name}} segments, e.g. {@code /api/v1/alerts/{id}}. */
    String pattern();

    Access access();

    /**
     * A chance to refuse from the headers alone (e.g. 415 for a content type this route cannot read),
     * before the body is read. Null = go on.
     */
    default ApiResponse admit(RequestHead head, Caller caller) {
        return null;
    }

    CompletableFuture<ApiResponse> handle(ApiRequest request);
}
