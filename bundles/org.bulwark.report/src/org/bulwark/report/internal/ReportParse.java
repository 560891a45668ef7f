package org.bulwark.report.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.PlatformFacts;
import org.bulwark.collector.api.inventory.SoftwareInventory;
import org.bulwark.collector.api.inventory.SoftwareItem;
import org.bulwark.report.api.ReportException;
import org.bulwark.report.api.ReportReader;
import org.bulwark.report.api.ReportedAssessment;
import org.bulwark.report.api.ReportedUpload;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.ControlRef;
import org.bulwark.scoring.api.Device;
import org.bulwark.scoring.api.Justification;
import org.bulwark.scoring.api.ResultState;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One report or upload being checked, from the tree {@link StrictReader} built of the fields it reads. Where each
 * field is (to name it in errors) is found only when there is an error: a valid report, the common case, is parsed
 * once.
 */
final class ReportParse {
    private static final Map<String, ResultState> STATES = new HashMap<>();
    static {
        for (ResultState state : ResultState.values()) {
            STATES.put(state.name(), state);
        }
    }

    private final String origin;
    private final byte[] bytes;
    private Map<String, JsonLocation> locations;

    ReportParse(String origin, byte[] bytes) {
        this.origin = origin;
        this.bytes = bytes;
    }

    private Map<String, JsonLocation> locations() {
        if (locations == null) {
            locations = new HashMap<>();
            try {
                index(bytes, locations);
            } catch (IOException e) {
                // the tree was parsed from the same bytes: cannot happen; the error is then reported unlocated
            }
        }
        return locations;
    }

    ReportedAssessment report(JsonNode root) throws ReportException {
        if (!root.isObject()) {
            throw error("", "a report is a JSON object, found " + kind(root));
        }
        JsonNode format = root.get("format");
        if (format == null && root.has("upload")) {
            throw error("upload", "this is an agent's upload for a fleet server (\"upload\": " + root.get("upload")
                    + "), not a report: `bulwark assess --format json` writes reports");
        }
        if (format == null) {
            throw error("format", "missing: not a Bulwark report (it has no \"format\" field)");
        }
        if (!format.isInt() || format.intValue() != ReportReader.FORMAT) {
            throw error("format", "report format " + format + " is not supported; this Bulwark reads format "
                    + ReportReader.FORMAT);
        }
        Device device = device(object(root, "device", "device"));
        Instant finished = instant(root, "finished", "finished", true);
        JsonNode results = array(root, "results", "results");
        List<ControlRef> controls = new ArrayList<>();
        Map<String, ResultState> states = new LinkedHashMap<>();
        Map<String, ControlException> exceptions = new LinkedHashMap<>();
        for (int i = 0; i < results.size(); i++) {
            String at = "results[" + i + "]";
            JsonNode r = results.get(i);
            if (!r.isObject()) {
                throw error(at, "must be an object, found " + kind(r));
            }
            String id = text(r, "id", at + ".id", true);
            if (states.containsKey(id)) {
                throw error(at + ".id", "control '" + id + "' appears twice");
            }
            String title = text(r, "title", at + ".title", true);
            Category category = category(r, at + ".category");
            int weight = weight(r, at + ".weight");
            ResultState state = resultState(r, at + ".state");
            controls.add(new ControlRef(id, title, category, weight));
            states.put(id, state);
            JsonNode xs = r.get("exceptions");
            if (xs != null && !xs.isNull()) {
                if (!xs.isArray()) {
                    throw error(at + ".exceptions", "must be an array, found " + kind(xs));
                }
                for (int k = 0; k < xs.size(); k++) {
                    ControlException x = exception(xs.get(k), id, at + ".exceptions[" + k + "]");
                    exceptions.putIfAbsent(x.id(), x);
                }
            }
        }
        return new ReportedAssessment(device, finished, controls, states, List.copyOf(exceptions.values()));
    }

    ReportedUpload upload(JsonNode root) throws ReportException {
        JsonNode version = root.get("upload");
        if (!version.isInt() || version.intValue() != ReportReader.UPLOAD) {
            throw error("upload", "upload version " + version + " is not supported; this Bulwark reads version "
                    + ReportReader.UPLOAD);
        }
        JsonNode d = object(root, "device", "device"); // its fields were checked by StrictReader
        Device device = device(d);
        Instant finished = instant(root, "finished", "finished", true);
        JsonNode results = array(root, "results", "results");
        Map<String, ResultState> states = new LinkedHashMap<>();
        for (int i = 0; i < results.size(); i++) {
            // a valid upload, the common case, costs no field path: each is made for an error only
            JsonNode r = results.get(i);
            if (!r.isObject()) {
                throw error("results[" + i + "]", "must be an object, found " + kind(r));
            }
            String id = r.path("id").textValue();
            if (id == null || id.isBlank()) {
                id = text(r, "id", "results[" + i + "].id", true); // throws, naming the problem
            }
            ResultState state = STATES.get(r.path("state").textValue());
            if (state == null) {
                state = resultState(r, "results[" + i + "].state"); // throws, naming the problem
            }
            JsonNode reason = r.get("reason");
            if (reason != null && !reason.isNull() && !reason.isTextual()) {
                throw error("results[" + i + "].reason", "must be a string or null, found " + kind(reason));
            }
            if (states.putIfAbsent(id, state) != null) {
                throw error("results[" + i + "].id", "control '" + id + "' appears twice");
            }
        }
        return new ReportedUpload(device, finished, states, software(root), platform(root));
    }

    /** The inventories of a document: none when it has no {@code software} (written before the inventory). */
    List<SoftwareInventory> software(JsonNode root) throws ReportException {
        JsonNode all = root.get("software");
        if (all == null) {
            return List.of();
        }
        all = array(root, "software", "software");
        List<SoftwareInventory> out = new ArrayList<>(all.size());
        Set<String> origins = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            String at = "software[" + i + "]";
            JsonNode inv = all.get(i);
            if (!inv.isObject()) {
                throw error(at, "must be an object, found " + kind(inv));
            }
            String origin = text(inv, "origin", at + ".origin", true);
            if (!origins.add(origin)) {
                throw error(at + ".origin", "inventory '" + origin + "' appears twice");
            }
            SoftwareInventory.State state = enumValue(SoftwareInventory.State.class, inv, "state", at + ".state");
            String reason = string(inv, "reason", at + ".reason");
            JsonNode items = array(inv, "items", at + ".items");
            if (state != SoftwareInventory.State.READ && !items.isEmpty()) {
                throw error(at + ".items", "an inventory in state " + state + " has no items");
            }
            List<SoftwareItem> read = new ArrayList<>(items.size());
            Set<String> keys = new HashSet<>();
            for (int k = 0; k < items.size(); k++) {
                String it = at + ".items[" + k + "]";
                JsonNode item = items.get(k);
                if (!item.isObject()) {
                    throw error(it, "must be an object, found " + kind(item));
                }
                String name = text(item, "name", it + ".name", true);
                String arch = string(item, "architecture", it + ".architecture");
                if (!keys.add(name + '\0' + arch)) {
                    throw error(it, "package " + name + (arch.isEmpty() ? "" : ":" + arch) + " appears twice");
                }
                read.add(new SoftwareItem(name, arch, string(item, "version", it + ".version"),
                        string(item, "sourceName", it + ".sourceName"),
                        string(item, "sourceVersion", it + ".sourceVersion"), string(item, "status", it + ".status"),
                        string(item, "vendor", it + ".vendor"), origin));
            }
            JsonNode ps = array(inv, "problems", at + ".problems");
            List<String> problems = new ArrayList<>(ps.size());
            for (int k = 0; k < ps.size(); k++) {
                if (!ps.get(k).isTextual()) {
                    throw error(at + ".problems[" + k + "]", "must be a string, found " + kind(ps.get(k)));
                }
                problems.add(ps.get(k).textValue());
            }
            out.add(new SoftwareInventory(origin, state, reason, read, problems));
        }
        return out;
    }

    /** @return the document's platform; {@code null} when it has none or it is {@code null} */
    PlatformFacts platform(JsonNode root) throws ReportException {
        JsonNode p = root.get("platform");
        if (p == null || p.isNull()) {
            return null;
        }
        if (!p.isObject()) {
            throw error("platform", "must be an object or null, found " + kind(p));
        }
        return new PlatformFacts(string(p, "osFamily", "platform.osFamily"), string(p, "osId", "platform.osId"),
                string(p, "osVersion", "platform.osVersion"), string(p, "osName", "platform.osName"),
                string(p, "arch", "platform.arch"), string(p, "hostname", "platform.hostname"),
                string(p, "machineId", "platform.machineId"));
    }

    /** @return the string field {@code name}, which must be there and may be empty */
    private String string(JsonNode node, String name, String at) throws ReportException {
        String value = text(node, name, at, false);
        if (value == null) {
            throw error(at, "missing");
        }
        return value;
    }

    private Device device(JsonNode d) throws ReportException {
        String id = text(d, "id", "device.id", true);
        String hostname = text(d, "hostname", "device.hostname", true);
        String os = text(d, "os", "device.os", false);
        if (os == null) {
            throw error("device.os", "missing");
        }
        Set<String> groups = new LinkedHashSet<>();
        JsonNode g = d.get("groups");
        if (g != null && !g.isNull()) {
            if (!g.isArray()) {
                throw error("device.groups", "must be an array of strings, found " + kind(g));
            }
            for (int i = 0; i < g.size(); i++) {
                if (!g.get(i).isTextual()) {
                    throw error("device.groups[" + i + "]", "must be a string, found " + kind(g.get(i)));
                }
                groups.add(g.get(i).textValue());
            }
        }
        bounded("device.id", id);
        bounded("device.hostname", hostname);
        bounded("device.os", os);
        int i = 0;
        for (String group : groups) {
            bounded("device.groups[" + i++ + "]", group);
        }
        return new Device(id, hostname, os, groups);
    }

    /** The longest identity value (a machine id, host name, OS, group) a store keeps. */
    static final int MAX_NAME = 400;

    private void bounded(String at, String value) throws ReportException {
        if (value.length() > MAX_NAME) {
            throw error(at, "longer than " + MAX_NAME + " characters (" + value.length() + ")");
        }
    }

    private ControlException exception(JsonNode x, String controlId, String at) throws ReportException {
        if (x == null || !x.isObject()) {
            throw error(at, "must be an object, found " + kind(x));
        }
        String id = text(x, "id", at + ".id", true);
        Justification justification = enumValue(Justification.class, x, "justification", at + ".justification");
        ControlException.Scope scope = enumValue(ControlException.Scope.class, x, "scope", at + ".scope");
        String target = text(x, "target", at + ".target", false);
        if (scope != ControlException.Scope.GLOBAL && target == null) {
            throw error(at + ".target", "missing: scope " + scope + " needs a target");
        }
        String author = text(x, "author", at + ".author", false);
        Instant created = instant(x, "created", at + ".created", true);
        Instant expires = instant(x, "expires", at + ".expires", false);
        String notes = text(x, "notes", at + ".notes", false);
        return new ControlException(id, controlId, scope, target, justification, author, created, expires, notes);
    }

    private Category category(JsonNode r, String at) throws ReportException {
        String value = text(r, "category", at, true);
        try {
            return Category.parse(value);
        } catch (IllegalArgumentException e) {
            throw error(at, e.getMessage());
        }
    }

    private int weight(JsonNode r, String at) throws ReportException {
        JsonNode w = r.get("weight");
        if (w == null || w.isNull()) {
            throw error(at, "missing");
        }
        if (!w.isIntegralNumber() || !w.canConvertToInt() || w.intValue() < 1 || w.intValue() > 10) {
            throw error(at, "must be an integer from 1 to 10, found " + w);
        }
        return w.intValue();
    }

    private ResultState resultState(JsonNode r, String at) throws ReportException {
        return enumValue(ResultState.class, r, "state", at);
    }

    private <E extends Enum<E>> E enumValue(Class<E> type, JsonNode node, String name, String at)
            throws ReportException {
        String value = text(node, name, at, true);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return e;
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name());
        }
        throw error(at, "unknown value \"" + value + "\" (expected one of " + String.join(", ", names) + ")");
    }

    private Instant instant(JsonNode node, String name, String at, boolean required) throws ReportException {
        String value = text(node, name, at, required);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw error(at, "not a UTC time such as 2026-11-27T00:00:00Z: \"" + value + "\"");
        }
    }

    private String text(JsonNode node, String name, String at, boolean required) throws ReportException {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            if (required) {
                throw error(at, "missing");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw error(at, "must be a string, found " + kind(v));
        }
        if (required && v.textValue().isBlank()) {
            throw error(at, "must not be empty");
        }
        return v.textValue();
    }

    private JsonNode object(JsonNode node, String name, String at) throws ReportException {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw error(at, "missing");
        }
        if (!v.isObject()) {
            throw error(at, "must be an object, found " + kind(v));
        }
        return v;
    }

    private JsonNode array(JsonNode node, String name, String at) throws ReportException {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw error(at, "missing");
        }
        if (!v.isArray()) {
            throw error(at, "must be an array, found " + kind(v));
        }
        return v;
    }

    private static String kind(JsonNode n) {
        if (n == null || n.isNull()) {
            return "null";
        }
        return switch (n.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** An error at {@code field}, located at the field itself or, when it is missing, at its parent. */
    ReportException error(String field, String reason) {
        JsonLocation at = null;
        for (String f = field; f != null; f = parent(f)) {
            at = locations().get(f);
            if (at != null) {
                break;
            }
        }
        return new ReportException(origin, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                field.isEmpty() ? null : field, reason, null);
    }

    private static String parent(String field) {
        if (field.isEmpty()) {
            return null;
        }
        int cut = Math.max(field.lastIndexOf('.'), field.lastIndexOf('['));
        return cut < 0 ? "" : field.substring(0, cut);
    }

    /** Records the location of every value by its field path, e.g. {@code results[2].weight}. */
    private static void index(byte[] bytes, Map<String, JsonLocation> locations) throws IOException {
        try (JsonParser p = new ObjectMapper().getFactory().createParser(bytes)) {
            // One frame per open container: its path, and the next array index (or -1 in an object).
            List<String> paths = new ArrayList<>();
            List<Integer> indexes = new ArrayList<>();
            String name = null;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME) {
                    name = p.currentName();
                    continue;
                }
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    paths.remove(paths.size() - 1);
                    indexes.remove(indexes.size() - 1);
                    continue;
                }
                String here;
                if (paths.isEmpty()) {
                    here = "";
                } else {
                    String parent = paths.get(paths.size() - 1);
                    int i = indexes.get(indexes.size() - 1);
                    if (i >= 0) {
                        here = parent + "[" + i + "]";
                        indexes.set(indexes.size() - 1, i + 1);
                    } else {
                        here = parent.isEmpty() ? name : parent + "." + name;
                    }
                }
                locations.putIfAbsent(here, p.currentTokenLocation());
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    paths.add(here);
                    indexes.add(t == JsonToken.START_ARRAY ? 0 : -1);
                }
            }
        }
    }
}
