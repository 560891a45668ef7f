package org.bulwark.scap.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bulwark.scap.OvalDefinitions;
import org.bulwark.scap.OvalElement;
import org.bulwark.scap.ScapContentException;

/**
 * Reads an OVAL 5 {@code oval_definitions} element into element trees keyed by id, then checks that every
 * reference between them resolves: {@code definition_ref} ({@code extend_definition}), {@code test_ref},
 * {@code object_ref}, {@code state_ref}, {@code var_ref} attributes and the {@code object_reference} (set) and
 * {@code filter} texts. Not thread-safe.
 */
final class OvalParser {

    static final String NS = "http://oval.mitre.org/XMLSchema/oval-definitions-5";
    static final String COMMON = "http://oval.mitre.org/XMLSchema/oval-common-5";

    private final SecureXml x;

    OvalParser(SecureXml x) {
        this.x = x;
    }

    /** Reads the oval_definitions element the reader is on, to its end tag. */
    OvalDefinitions definitions(String id) throws ScapContentException {
        String schema = "";
        Map<String, OvalElement> definitions = new LinkedHashMap<>();
        Map<String, OvalElement> tests = new LinkedHashMap<>();
        Map<String, OvalElement> objects = new LinkedHashMap<>();
        Map<String, OvalElement> states = new LinkedHashMap<>();
        Map<String, OvalElement> variables = new LinkedHashMap<>();
        int level = x.depth();
        while (x.nextChild(level)) {
            if (!x.namespace().equals(NS)) {
                x.skip();
                continue;
            }
            switch (x.localName()) {
            case "generator" -> schema = generator();
            case "definitions" -> items(definitions);
            case "tests" -> items(tests);
            case "objects" -> items(objects);
            case "states" -> items(states);
            case "variables" -> items(variables);
            default -> x.skip();
            }
        }
        OvalDefinitions d = new OvalDefinitions(id, schema, definitions, tests, objects, states, variables);
        for (Map<String, OvalElement> items : List.of(definitions, tests, objects, states, variables)) {
            for (OvalElement e : items.values()) {
                check(d, e);
            }
        }
        return d;
    }

    private String generator() throws ScapContentException {
        String schema = "";
        int level = x.depth();
        while (x.nextChild(level)) {
            if (x.namespace().equals(COMMON) && x.localName().equals("schema_version")) {
                Where at = x.where();
                String s = x.text();
                if (!s.equals("5") && !s.startsWith("5.")) {
                    throw at.error("", "unsupported OVAL schema version \"" + Where.clip(s) + "\" (5.x is read)");
                }
                schema = s;
            } else {
                x.skip();
            }
        }
        return schema;
    }

    private void items(Map<String, OvalElement> into) throws ScapContentException {
        int level = x.depth();
        while (x.nextChild(level)) {
            String id = x.required("id");
            String element = x.element();
            int line = x.line();
            int column = x.column();
            OvalElement e = x.tree(false);
            if (into.putIfAbsent(id, e) != null) {
                throw new ScapContentException(x.file(), line, column, element, "id",
                        "duplicate OVAL id \"" + Where.clip(id) + "\"");
            }
        }
    }

    /** Checks the references of one item's tree, iteratively (trees are at most MAX_DEPTH deep). */
    private void check(OvalDefinitions d, OvalElement root) throws ScapContentException {
        Deque<OvalElement> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            OvalElement e = todo.pop();
            ref(e, "definition_ref", d.definitions(), "definition");
            ref(e, "test_ref", d.tests(), "test");
            ref(e, "object_ref", d.objects(), "object");
            ref(e, "state_ref", d.states(), "state");
            ref(e, "var_ref", d.variables(), "variable");
            if (e.children().isEmpty() && e.name().equals("object_reference") && !d.objects().containsKey(e.text())) {
                throw at(e, "", "unknown object \"" + Where.clip(e.text()) + "\"");
            }
            if (e.children().isEmpty() && e.name().equals("filter") && !d.states().containsKey(e.text())) {
                throw at(e, "", "unknown state \"" + Where.clip(e.text()) + "\"");
            }
            for (OvalElement c : e.children()) {
                todo.push(c);
            }
        }
    }

    private void ref(OvalElement e, String attribute, Map<String, OvalElement> in, String kind)
            throws ScapContentException {
        String id = e.attributes().get(attribute);
        if (id != null && !in.containsKey(id)) {
            throw at(e, attribute, "unknown " + kind + " \"" + Where.clip(id) + "\"");
        }
    }

    private ScapContentException at(OvalElement e, String attribute, String reason) {
        return new ScapContentException(x.file(), e.line(), e.column(), e.name(), attribute, reason);
    }
}
