package org.bulwark.server.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An answer as resources give it: a status, a content type, the body and any further headers. Only the
 * {@link Router} writes it to the connection.
 */
record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {

    static final String JSON_TYPE = "application/json; charset=utf-8";
    static final String CSV_TYPE = "text/csv; charset=utf-8";
    private static final ObjectMapper JSON = new ObjectMapper();

    Reply {
        headers = Map.copyOf(headers);
    }

    Reply(int status, String contentType, byte[] body) {
        this(status, contentType, body, Map.of());
    }

    /** @return a JSON answer of {@code tree}: a {@link JsonNode}, or maps, lists and values as Jackson writes them */
    static Reply json(int status, Object tree) {
        try {
            return new Reply(status, JSON_TYPE, JSON.writeValueAsBytes(tree));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return a CSV answer */
    static Reply csv(byte[] body) {
        return new Reply(200, CSV_TYPE, body);
    }

    /** @return {@code {"error": {"code": code, "message": message}}} */
    static Reply error(int status, String code, String message) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode e = root.putObject("error");
        e.put("code", code);
        e.put("message", message);
        return json(status, root);
    }

    /** @return this reply with one more header */
    Reply with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, contentType, body, more);
    }
}
