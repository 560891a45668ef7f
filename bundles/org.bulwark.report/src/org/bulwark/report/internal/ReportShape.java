package org.bulwark.report.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.bulwark.report.api.ReportReader;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Which field names a report or an upload may have where: the objects, arrays and their items of the shipped JSON
 * Schemas ({@value ReportReader#SCHEMA_RESOURCE}, {@value ReportReader#UPLOAD_SCHEMA_RESOURCE}), compiled once, so
 * that the reader refuses an unknown field anywhere in a document, also in the parts it does not read, by the
 * same definition the documentation and the writer's tests use. Only names and nesting are taken from the
 * schemas (objects with {@code properties}, arrays with {@code items}, {@code $ref}, and of {@code oneOf} the
 * alternative that is an object or an array); everything else is a leaf. Immutable.
 */
final class ReportShape {

    enum Kind { OBJECT, ARRAY, LEAF }

    /** A leaf: a string, number, boolean or null; an object there may have no field. */
    static final ReportShape LEAF = new ReportShape(Kind.LEAF, null, List.of(), new ReportShape[0], null);

    private final Kind kind;
    private final String label;
    private final List<String> names;
    private final Map<String, Integer> index = new HashMap<>();
    private final ReportShape[] fields;
    private final ReportShape items;

    private ReportShape(Kind kind, String label, List<String> names, ReportShape[] fields, ReportShape items) {
        this.kind = kind;
        this.label = label;
        this.names = List.copyOf(names);
        this.fields = fields;
        this.items = items;
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        if (names.size() > Long.SIZE) {
            throw new IllegalStateException("an object of the schema has more than 64 fields: " + names);
        }
    }

    Kind kind() {
        return kind;
    }

    /** @return the position of field {@code name} (below 64), or -1 when the object has no such field */
    int field(String name) {
        Integer i = index.get(name);
        return i == null ? -1 : i;
    }

    /** @return the shape of the field at {@code position} */
    ReportShape fieldShape(int position) {
        return fields[position];
    }

    /** @return the shape of an array's items ({@link #LEAF} when this is no array) */
    ReportShape items() {
        return items == null ? LEAF : items;
    }

    /** @return what an error about an unknown field says of the allowed ones, e.g. "a device has id, hostname" */
    String allowed() {
        if (names.isEmpty()) {
            return "none is allowed here";
        }
        return (label == null ? "allowed:" : label + " has") + " " + String.join(", ", names);
    }

    /** The shapes of the report and of the upload. */
    record Documents(ReportShape report, ReportShape upload) {
    }

    /** Compiles the schemas shipped beside {@code anchor}'s class. */
    static Documents load(Class<?> anchor, ObjectMapper mapper) {
        JsonNode report = resource(anchor, mapper, ReportReader.SCHEMA_RESOURCE);
        JsonNode upload = resource(anchor, mapper, ReportReader.UPLOAD_SCHEMA_RESOURCE);
        Compiler c = new Compiler(Map.of(report.path("$id").asText(), report, upload.path("$id").asText(), upload));
        c.labels.put(report, "a report");
        c.labels.put(report.at("/properties/device"), "a device");
        c.labels.put(report.at("/$defs/result"), "a result");
        c.labels.put(upload, "an upload");
        c.labels.put(upload.at("/$defs/result"), "a result of an upload");
        return new Documents(c.compile(report, report), c.compile(upload, upload));
    }

    private static JsonNode resource(Class<?> anchor, ObjectMapper mapper, String path) {
        try (InputStream in = anchor.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalStateException("the report bundle lacks " + path);
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** One compilation: the documents by {@code $id}, the shapes made so far (a definition used twice is one). */
    private static final class Compiler {
        private final Map<String, JsonNode> documents;
        private final Map<JsonNode, String> labels = new IdentityHashMap<>();
        private final Map<JsonNode, ReportShape> made = new IdentityHashMap<>();

        Compiler(Map<String, JsonNode> documents) {
            this.documents = documents;
        }

        ReportShape compile(JsonNode node, JsonNode document) {
            while (node.has("$ref")) {
                String ref = node.get("$ref").asText();
                int hash = ref.indexOf('#');
                JsonNode target = hash == 0 ? document : documents.get(hash < 0 ? ref : ref.substring(0, hash));
                if (target == null) {
                    throw new IllegalStateException("unresolved $ref " + ref);
                }
                document = target;
                node = hash < 0 ? target : target.at(JsonPointer.compile(ref.substring(hash + 1)));
            }
            ReportShape known = made.get(node);
            if (known != null) {
                return known;
            }
            ReportShape shape;
            if (node.has("properties")) {
                List<String> names = new ArrayList<>();
                List<ReportShape> children = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.get("properties").fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    names.add(e.getKey());
                    children.add(compile(e.getValue(), document));
                }
                shape = new ReportShape(Kind.OBJECT, labels.get(node), names, children.toArray(ReportShape[]::new),
                        null);
            } else if (node.has("items")) {
                shape = new ReportShape(Kind.ARRAY, null, List.of(), new ReportShape[0],
                        compile(node.get("items"), document));
            } else if (node.has("oneOf")) {
                shape = LEAF;
                for (JsonNode alternative : node.get("oneOf")) {
                    ReportShape s = compile(alternative, document);
                    if (s.kind != Kind.LEAF) {
                        shape = s;
                    }
                }
            } else {
                shape = LEAF;
            }
            made.put(node, shape);
            return shape;
        }
    }
}
