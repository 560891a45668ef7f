package org.bulwark.report.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bulwark.report.api.ReportException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Walks one document token by token against its {@link ReportShape}: every field name must be one the shape
 * allows at that place and appear once in its object, in the parts that are read and in those that are only
 * tokenized (evidence, scores, recommendations) alike, and an object or an array must stand only where the schema
 * has one; an error names the field's path. Builds a tree of only the parts a {@link Keep} asks for: a report of
 * 300 results is about 560 kB, most of it never read. The parser's limits (nesting depth 1000, number and string
 * lengths) bound the walk. One instance per document.
 */
final class StrictReader {

    /**
     * Which parts of a value to build into the tree: everything ({@link #ALL}), nothing ({@link #NONE}), or of an
     * object the named fields and of an array its items as {@code items} says. Scalars are built unless NONE.
     */
    record Keep(boolean all, Map<String, Keep> fields, Keep items) {
        static final Keep ALL = new Keep(true, Map.of(), null);
        static final Keep NONE = new Keep(false, Map.of(), null);

        static Keep fields(Map<String, Keep> fields) {
            return new Keep(false, Map.copyOf(fields), null);
        }

        static Keep items(Keep items) {
            return new Keep(false, Map.of(), items);
        }

        boolean none() {
            return this == NONE;
        }

        Keep field(String name) {
            return all ? ALL : fields.getOrDefault(name, NONE);
        }

        Keep item() {
            return all ? ALL : items == null ? NONE : items;
        }
    }

    private final String origin;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    /** The path of the value being walked: field names and array indexes; made into text only for an error. */
    private final List<Object> path = new ArrayList<>();

    StrictReader(String origin) {
        this.origin = origin;
    }

    /**
     * Walks the document's top-level object, whose start the parser is at and whose first field name is
     * {@code first} (the parser at it), to its end.
     *
     * @param upload whether the document is an upload, which {@code first} tells
     */
    ObjectNode document(JsonParser p, ReportShape shape, Keep keep, String first, boolean upload)
            throws IOException, ReportException {
        return object(p, shape, keep, first, upload);
    }

    /** @return the value the parser is at as a tree, or {@code null} when {@code keep} is NONE */
    private JsonNode value(JsonParser p, ReportShape shape, Keep keep) throws IOException, ReportException {
        JsonToken t = p.currentToken();
        ReportShape.Kind kind = shape.kind();
        if (t == JsonToken.START_OBJECT && kind != ReportShape.Kind.OBJECT
                || t == JsonToken.START_ARRAY && kind != ReportShape.Kind.ARRAY) {
            throw error(p.currentTokenLocation(), switch (kind) {
                case OBJECT -> "must be an object";
                case ARRAY -> "must be an array";
                default -> "must be a string, a number, a boolean or null, not " + (t == JsonToken.START_OBJECT
                        ? "an object" : "an array");
            });
        }
        if (t == JsonToken.START_OBJECT) {
            return object(p, shape, keep, p.nextToken() == JsonToken.FIELD_NAME ? p.currentName() : null, null);
        }
        if (t == JsonToken.START_ARRAY) {
            ArrayNode out = keep.none() ? null : nodes.arrayNode();
            ReportShape items = shape.items();
            Keep item = keep.item();
            for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                path.add(i);
                JsonNode v = value(p, items, item);
                path.remove(path.size() - 1);
                if (out != null) {
                    out.add(v);
                }
            }
            return out;
        }
        return keep.none() ? null : scalar(p);
    }

    /**
     * Walks an object's fields, the first of which the parser is at (or its end when {@code first} is null).
     *
     * @param upload at the document's top level, whether it is an upload; {@code null} below it
     */
    private ObjectNode object(JsonParser p, ReportShape shape, Keep keep, String first, Boolean upload)
            throws IOException, ReportException {
        ObjectNode out = keep.none() ? null : nodes.objectNode();
        long seen = 0;
        for (String name = first; name != null;
                name = p.nextToken() == JsonToken.FIELD_NAME ? p.currentName() : null) {
            JsonLocation nameAt = p.currentTokenLocation();
            p.nextToken();
            path.add(name);
            int i = shape.field(name);
            if (i < 0) {
                // at the top the name is located (as it always was), below it the value
                throw error(upload != null ? nameAt : p.currentTokenLocation(),
                        upload == Boolean.FALSE && name.equals("upload") ? "must be the document's first field"
                                : "unknown field (" + shape.allowed() + ")");
            }
            if ((seen & (1L << i)) != 0) {
                throw error(nameAt, "not valid JSON: Duplicate field '" + name + "'");
            }
            seen |= 1L << i;
            JsonNode v = value(p, shape.fieldShape(i), keep.field(name));
            path.remove(path.size() - 1);
            if (out != null && v != null) {
                out.set(name, v);
            }
        }
        return out;
    }

    /** @return the scalar the parser is at, as the node the mapper makes */
    private JsonNode scalar(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_STRING -> nodes.textNode(p.getText());
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> nodes.numberNode(p.getIntValue());
                case LONG -> nodes.numberNode(p.getLongValue());
                default -> nodes.numberNode(p.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> nodes.numberNode(p.getDoubleValue());
            case VALUE_TRUE -> nodes.booleanNode(true);
            case VALUE_FALSE -> nodes.booleanNode(false);
            default -> nodes.nullNode();
        };
    }

    private ReportException error(JsonLocation at, String reason) {
        return new ReportException(origin, at.getLineNr(), at.getColumnNr(), path(), reason, null);
    }

    /** @return the current path as the reader names fields, e.g. {@code results[3].evidence[0].key} */
    private String path() {
        StringBuilder b = new StringBuilder();
        for (Object segment : path) {
            if (segment instanceof Integer i) {
                b.append('[').append(i).append(']');
            } else {
                b.append(b.length() == 0 ? "" : ".").append(segment);
            }
        }
        return b.toString();
    }
}
