package io.tocsin.ingress;

import io.tocsin.security.Caller;
import java.util.List;
import java.util.Map;

/**
 * A whole request as a route sees it: the head, path parameters ({@code {id}}), query parameters, the body
 * (bounded by the server's limit) and the authenticated caller (null on public routes). Immutable; do not
 * modify {@code body}.
 */
public record ApiRequest(RequestHead head, Map<String, String> pathParams, Map<String, List<String>> query,
                         byte[] body, Caller caller) {

    public String pathParam(String name) {
        return pathParams.get(name);
    }

    /** First value of a query parameter, or {@code fallback}. */
    public String queryParam(String name, String fallback) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? fallback : values.get(0);
    }
}
