package io.tocsin.connector;

/**
 * Where connectors report outcomes: a bounded ring read by the pipeline thread (the ledger's only writer).
 *
 * <p>Thread-safe: any connector I/O thread may call {@link #offer}. It never blocks: when the ring is full it
 * returns false and the connector keeps the receipt and offers it again shortly (retry; nothing is dropped by
 * the sink itself).
 */
public interface ReceiptSink {
    boolean offer(DeliveryReceipt receipt);
}
