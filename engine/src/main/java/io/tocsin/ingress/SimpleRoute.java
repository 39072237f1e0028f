package io.tocsin.ingress;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** A route from a method, a pattern, an access level and a non-blocking handler function. Immutable. */
public record SimpleRoute(String method, String pattern, Access access,
                          Function<ApiRequest, CompletableFuture<ApiResponse>> handler) implements Route {

    /** A route whose answer is immediate. */
    public static SimpleRoute immediate(String method, String pattern, Access access,
                                        Function<ApiRequest, ApiResponse> handler) {
        return new SimpleRoute(method, pattern, access, r -> CompletableFuture.completedFuture(handler.apply(r)));
    }

    @Override
    public CompletableFuture<ApiResponse> handle(ApiRequest request) {
        return handler.apply(request);
    }
}
