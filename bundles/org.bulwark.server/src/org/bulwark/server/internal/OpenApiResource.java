package org.bulwark.server.internal;

import java.io.IOException;
import java.io.InputStream;

/** {@code GET /api/openapi.json}: the API's OpenAPI document, the only route besides liveness without a token. */
final class OpenApiResource implements Resource {

    static final String DOCUMENT = "/openapi/openapi.json";

    @Override
    public void register(Routes routes) {
        routes.add("GET", "/api/openapi.json", null, this::document);
    }

    private Reply document(Request request) throws IOException {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new ApiError(500, "internal_error", "openapi.json is missing from the bundle");
            }
            return new Reply(200, Reply.JSON_TYPE, in.readAllBytes());
        }
    }
}
