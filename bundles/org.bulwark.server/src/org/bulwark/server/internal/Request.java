package org.bulwark.server.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request as resources see it, made by the {@link Router} from the HTTP exchange: the route's template, its path
 * parameters (decoded), the query parameters (decoded, the last of a repeated name wins), the request headers (first
 * values, names in lower case), the authenticated caller ({@code null} on public routes) and the body, read only when
 * a resource asks for it.
 */
record Request(String method, String template, List<String> params, Map<String, String> query,
        Map<String, String> headers, Tokens.Token principal, RequestBody body) {

    Request {
        params = List.copyOf(params);
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    /** @return path parameter {@code i} of the template */
    String param(int i) {
        return params.get(i);
    }

    /** @return the first value of header {@code name}, or {@code null} */
    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
