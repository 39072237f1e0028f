package io.tocsin.ingress;

import io.tocsin.security.Caller;
import io.tocsin.security.KeyRing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Finds the route for a request head and checks who is calling, so that unknown paths (404), wrong methods
 * (405), missing or unknown keys (401) and wrong roles (403) are answered before any body is read.
 * Routes may be added before the server starts (other components add theirs: console, feeds, metrics).
 * Thread-safe.
 */
public final class Router implements AutoCloseable {

    /** The outcome of looking at a head: either a refusal, or the route with its parameters and caller. */
    public record Admission(Route route, Map<String, String> params, Caller caller, ApiResponse refusal) {

        static Admission refuse(ApiResponse response) {
            return new Admission(null, Map.of(), null, response);
        }
    }

    private record Compiled(Route route, String[] segments) {
    }

    private final KeyRing keys;
    private final List<Compiled> routes = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> closeables = new CopyOnWriteArrayList<>();

    public Router(KeyRing keys) {
        this.keys = keys;
    }

    public Router add(Route route) {
        routes.add(new Compiled(route, split(route.pattern())));
        return this;
    }

    public Router addAll(List<? extends Route> more) {
        more.forEach(this::add);
        return this;
    }

    /** Something to close with the server (e.g. the decode workers of a route). */
    public Router closeWith(AutoCloseable closeable) {
        closeables.add(closeable);
        return this;
    }

    public KeyRing keys() {
        return keys;
    }

    public Admission admit(RequestHead head) {
        String[] path = split(head.path());
        Set<String> allowed = new LinkedHashSet<>();
        for (Compiled c : routes) {
            Map<String, String> params = match(c.segments(), path);
            if (params == null) {
                continue;
            }
            if (!c.route().method().equals(head.method())) {
                allowed.add(c.route().method());
                continue;
            }
            return authorise(c.route(), params, head);
        }
        if (!allowed.isEmpty()) {
            return Admission.refuse(ApiResponse.reason(405, head.method() + " is not allowed on " + head.path())
                    .withHeader("Allow", String.join(", ", allowed)));
        }
        return Admission.refuse(ApiResponse.reason(404, "no such resource: " + head.path()));
    }

    private Admission authorise(Route route, Map<String, String> params, RequestHead head) {
        if (route.access() == Access.PUBLIC) {
            return admitted(route, params, null, head);
        }
        if (head.bearerKey() == null) {
            return Admission.refuse(ApiResponse.reason(401, "missing 'Authorization: Bearer KEY'")
                    .withHeader("WWW-Authenticate", "Bearer"));
        }
        Optional<Caller> caller = keys.authenticate(head.bearerKey());
        if (caller.isEmpty()) {
            return Admission.refuse(ApiResponse.reason(401, "unknown key")
                    .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\""));
        }
        Caller c = caller.get();
        if (route.access() == Access.PUBLISHER && !c.isPublisher()) {
            return Admission.refuse(ApiResponse.reason(403, "this needs a publisher key; '" + c.name()
                    + "' is an operator"));
        }
        if (route.access() == Access.OPERATOR && !c.isOperator()) {
            return Admission.refuse(ApiResponse.reason(403, "this needs an operator key; '" + c.name()
                    + "' is a publisher"));
        }
        return admitted(route, params, c, head);
    }

    private static Admission admitted(Route route, Map<String, String> params, Caller caller, RequestHead head) {
        ApiResponse refusal = route.admit(head, caller);
        return refusal != null ? Admission.refuse(refusal) : new Admission(route, params, caller, null);
    }

    private static Map<String, String> match(String[] pattern, String[] path) {
        if (pattern.length != path.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>(2);
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            if (p.startsWith("{") && p.endsWith("}")) {
                if (path[i].isEmpty()) {
                    return null;
                }
                params.put(p.substring(1, p.length() - 1), path[i]);
            } else if (!p.equals(path[i])) {
                return null;
            }
        }
        return params;
    }

    private static String[] split(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out.toArray(String[]::new);
    }

    @Override
    public void close() {
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                // closing is best effort: the server is going away
            }
        }
    }
}
