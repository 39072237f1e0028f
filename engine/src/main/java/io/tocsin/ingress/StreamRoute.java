package io.tocsin.ingress;

import io.netty.channel.Channel;
import java.util.concurrent.CompletableFuture;

/**
 * A route that keeps its connection to stream (Server-Sent Events): once the request is admitted and read,
 * the handler stops reading requests on this connection and hands it to {@link #open}, which writes the
 * response head and chunks itself and closes the channel when done. The connection is never reused for
 * another request, and the request/idle timers stay off while it streams. Implementations must not block.
 */
public interface StreamRoute extends Route {

    /** Takes over {@code channel}: answer (possibly with a refusal), then stream. Runs on its event loop. */
    void open(ApiRequest request, Channel channel);

    @Override
    default CompletableFuture<ApiResponse> handle(ApiRequest request) {
        return CompletableFuture.completedFuture(ApiResponse.reason(500, "a stream route cannot answer once"));
    }
}
