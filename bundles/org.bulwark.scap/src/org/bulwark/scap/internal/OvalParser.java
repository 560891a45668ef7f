package org.bulwark.scap.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
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
        // in document order (the record's maps have none), so that the first fault written is the one reported
        List<Map<String, OvalElement>> all = List.of(definitions, tests, objects, states, variables);
        for (Map<String, OvalElement> items : all) {
            for (OvalElement e : items.values()) {
                check(d, e);
            }
        }
        acyclic(d, all);
        return d;
    }

    /** One item on the depth-first path: the items it references and the next of them to visit. */
    private static final class Frame {
        final OvalElement item;
        final List<OvalElement> targets;
        int next;

        Frame(OvalElement item, List<OvalElement> targets) {
            this.item = item;
            this.targets = targets;
        }
    }

    /**
     * Refuses a cycle of references (a definition extending itself through others, a variable computed from
     * itself, an object filtered by a state whose variable reads the object): an evaluator would never end.
     * Iterative, so that a long chain cannot overflow the stack.
     */
    private void acyclic(OvalDefinitions d, List<Map<String, OvalElement>> all) throws ScapContentException {
        Map<OvalElement, Boolean> done = new IdentityHashMap<>(); // false: on the path, true: finished
        for (Map<String, OvalElement> items : all) {
            for (OvalElement root : items.values()) {
                if (done.containsKey(root)) {
                    continue;
                }
                Deque<Frame> path = new ArrayDeque<>();
                path.push(new Frame(root, targets(d, root)));
                done.put(root, false);
                while (!path.isEmpty()) {
                    Frame f = path.peek();
                    if (f.next == f.targets.size()) {
                        done.put(f.item, true);
                        path.pop();
                        continue;
                    }
                    OvalElement t = f.targets.get(f.next++);
                    Boolean state = done.get(t);
                    if (state == null) {
                        done.put(t, false);
                        path.push(new Frame(t, targets(d, t)));
                    } else if (!state) {
                        List<String> ids = new ArrayList<>();
                        boolean in = false;
                        for (java.util.Iterator<Frame> i = path.descendingIterator(); i.hasNext(); ) {
                            OvalElement e = i.next().item;
                            in |= e == t;
                            if (in) {
                                ids.add(e.attribute("id"));
                            }
                        }
                        ids.add(t.attribute("id"));
                        throw at(f.item, "id", "reference cycle: " + String.join(" -> ", ids));
                    }
                }
            }
        }
    }

    /** @return the items an item's tree references, in document order */
    private static List<OvalElement> targets(OvalDefinitions d, OvalElement root) {
        List<OvalElement> out = new ArrayList<>();
        Deque<OvalElement> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            OvalElement e = todo.pop();
            add(out, d.definitions(), e.attributes().get("definition_ref"));
            add(out, d.tests(), e.attributes().get("test_ref"));
            add(out, d.objects(), e.attributes().get("object_ref"));
            add(out, d.states(), e.attributes().get("state_ref"));
            add(out, d.variables(), e.attributes().get("var_ref"));
            if (e.children().isEmpty() && e.name().equals("object_reference")) {
                add(out, d.objects(), e.text());
            }
            if (e.children().isEmpty() && e.name().equals("filter")) {
                add(out, d.states(), e.text());
            }
            for (int i = e.children().size() - 1; i >= 0; i--) {
                todo.push(e.children().get(i));
            }
        }
        return out;
    }

    private static void add(List<OvalElement> out, Map<String, OvalElement> in, String id) {
        if (id != null && in.containsKey(id)) {
            out.add(in.get(id));
        }
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
