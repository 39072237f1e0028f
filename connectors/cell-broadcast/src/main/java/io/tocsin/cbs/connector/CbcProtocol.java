package io.tocsin.cbs.connector;

import java.util.concurrent.CompletableFuture;

/**
 * The wire protocol toward a CBC. The first one is osmo-cbc's ECBE REST in JSON
 * ({@link io.tocsin.cbs.ecbe.EcbeProtocol}); CBSP, SBc-AP or a vendor's API would be further classes.
 *
 * <p>Thread-safe: called from any thread; futures complete on the protocol's own I/O threads and never
 * complete exceptionally (failures are {@link CbcAnswer.Kind}s).
 */
public interface CbcProtocol extends AutoCloseable {

    /** Creates (or write-replaces) one message on the CBC behind this endpoint. */
    CompletableFuture<CbcAnswer> create(EndpointSettings endpoint, String cbeName, CbsBroadcast broadcast);

    /** Deletes a message by its message identifier. */
    CompletableFuture<CbcAnswer> delete(EndpointSettings endpoint, int messageId);

    @Override
    void close();
}
