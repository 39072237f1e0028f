package io.tocsin.cbs.connector;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * A carrier's CBC front ends in order of preference (primary first) with fail-over: {@link #pick} returns
 * the first endpoint that is up, skipping the one that just failed when another is up; when none is up it
 * still returns one in rotation (a probe may be stale, and a cancel must keep trying). Health probes are
 * TCP connects (the ECBE API has no read-only request). Thread-safe.
 */
public final class CbcEndpointPool {
    private final List<CbcEndpointState> endpoints;
    private final int connectTimeoutMillis;

    public CbcEndpointPool(CbsSettings settings, Clock clock) {
        List<CbcEndpointState> list = new ArrayList<>();
        for (EndpointSettings e : settings.endpoints()) {
            list.add(new CbcEndpointState(e, settings.failuresToDown(), clock));
        }
        this.endpoints = List.copyOf(list);
        this.connectTimeoutMillis = (int) Math.max(1, settings.connectTimeout().toMillis());
    }

    public List<CbcEndpointState> endpoints() {
        return endpoints;
    }

    public boolean anyUp() {
        for (CbcEndpointState e : endpoints) {
            if (e.up()) {
                return true;
            }
        }
        return false;
    }

    /** The endpoint that should take n new requests now, or null when every up endpoint is full. */
    public CbcEndpointState admit(int n) {
        for (CbcEndpointState e : endpoints) {
            if (e.up()) {
                return e.tryAdmit(n) ? e : null;
            }
        }
        return null;
    }

    /**
     * Where to send the next attempt.
     *
     * @param avoid the endpoint that just failed (may be null)
     * @param attempt the attempt number, for rotation when nothing is up
     */
    public CbcEndpointState pick(CbcEndpointState avoid, int attempt) {
        for (CbcEndpointState e : endpoints) {
            if (e.up() && e != avoid) {
                return e;
            }
        }
        if (avoid != null && avoid.up()) {
            return avoid;
        }
        return endpoints.get(attempt % endpoints.size());
    }

    /** Probes every endpoint with a TCP connect; call from a background thread. */
    public void probeAll() {
        for (CbcEndpointState e : endpoints) {
            String host = e.settings().url().getHost();
            int port = e.settings().url().getPort() > 0 ? e.settings().url().getPort()
                    : "https".equals(e.settings().url().getScheme()) ? 443 : 80;
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
                e.probed(true, "");
            } catch (IOException ex) {
                e.probed(false, "probe: " + ex.getMessage());
            }
        }
    }
}
