package org.bulwark.operations.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.bulwark.operations.api.OperationException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fields of one JSON object of a body or file, read strictly: every refusal names the origin and the field's
 * path ({@code [2].expires}).
 */
final class JsonFields {

    private final String origin;
    private final String at;
    private final JsonNode node;

    private JsonFields(String origin, String at, JsonNode node) {
        this.origin = origin;
        this.at = at;
        this.node = node;
    }

    /**
     * @param at      the object's path, {@code ""} for the document itself
     * @param allowed the fields it may have; any other is refused
     */
    static JsonFields of(String origin, String at, JsonNode node, List<String> allowed, String... aliases)
            throws OperationException {
        JsonFields f = new JsonFields(origin, at, node);
        if (!node.isObject()) {
            throw f.error(null, "must be a JSON object with any of " + String.join(", ", allowed));
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!allowed.contains(name) && !List.of(aliases).contains(name)) {
                throw f.error(name, "unknown field (allowed: " + String.join(", ", allowed) + ")");
            }
        }
        return f;
    }

    /** @return a refusal naming {@code field} (or the object, when {@code null}) */
    OperationException error(String field, String reason) {
        String path = field == null ? at : at.isEmpty() ? field : at + "." + field;
        String where = path.isEmpty() ? "" : path + ": ";
        return new OperationException(OperationException.Kind.INVALID_INPUT, null, path.isEmpty() ? null : path,
                (origin == null ? "" : origin + ": ") + where + reason, null);
    }

    boolean has(String field) {
        return node.has(field);
    }

    /** @return whether {@code field} is given as {@code null} */
    boolean isNull(String field) {
        return node.has(field) && node.get(field).isNull();
    }

    /** @return a string field: {@code null} when absent or {@code null} (refused when required), else not blank */
    String text(String field, boolean required, int max) throws OperationException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw error(field, "required");
            }
            return null;
        }
        if (!v.isTextual() || v.textValue().isBlank()) {
            throw error(field, "must be a non-empty string");
        }
        return bounded(field, v.textValue(), max);
    }

    /** @return a string field that may be empty: {@code null} when absent, {@code ""} when {@code null} */
    String clearable(String field, int max) throws OperationException {
        JsonNode v = node.get(field);
        if (v == null) {
            return null;
        }
        if (v.isNull()) {
            return "";
        }
        if (!v.isTextual()) {
            throw error(field, "must be a string or null");
        }
        return bounded(field, v.textValue(), max);
    }

    private String bounded(String field, String s, int max) throws OperationException {
        if (s.length() > max) {
            throw error(field, "at most " + max + " characters, not " + s.length());
        }
        return s;
    }

    /** @return an enumeration constant, case and {@code -}/{@code _}/space ignored */
    <E extends Enum<E>> E enumValue(String field, Class<E> type, boolean required) throws OperationException {
        String v = text(field, required, 100);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E c : type.getEnumConstants()) {
                names.add(c.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            throw error(field, "unknown value '" + v + "' (expected one of " + String.join(", ", names) + ")");
        }
    }

    Instant instant(String field, boolean required) throws OperationException {
        String v = text(field, required, 100);
        if (v == null) {
            return null;
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw error(field, "'" + v + "' is not an ISO-8601 instant like 2026-11-20T12:00:00Z");
        }
    }

    LocalDate date(String field) throws OperationException {
        String v = text(field, false, 100);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw error(field, "'" + v + "' is not a date like 2026-12-01");
        }
    }

    /** @return an array of non-empty strings, empty when absent */
    List<String> strings(String field, int maxItems, int max) throws OperationException {
        JsonNode v = node.get(field);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw error(field, "must be an array of strings");
        }
        if (v.size() > maxItems) {
            throw error(field, "at most " + maxItems + " items, not " + v.size());
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode s = v.get(i);
            if (!s.isTextual() || s.textValue().isBlank()) {
                throw error(field + "[" + i + "]", "must be a non-empty string");
            }
            out.add(bounded(field + "[" + i + "]", s.textValue(), max));
        }
        return out;
    }
}
