package org.bulwark.report.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bulwark.collector.api.Category;
import org.bulwark.report.api.ReportException;
import org.bulwark.report.api.ReportReader;
import org.bulwark.report.api.ReportedAssessment;
import org.bulwark.report.api.ReportedUpload;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.ControlRef;
import org.bulwark.scoring.api.Device;
import org.bulwark.scoring.api.Justification;
import org.bulwark.scoring.api.ResultState;
import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The {@link ReportReader} service. Reads only what fleet scoring needs, and checks each of those fields; an
 * error names the file, the line and column of the offending value (found, only when there is an error, in a
 * second pass that records the location of every field path) and the field. Stateless, thread-safe.
 */
@Component(service = ReportReader.class)
public final class JsonReportReader implements ReportReader {

    /** The largest report accepted. */
    static final int MAX_BYTES = 256 * 1024 * 1024;

    /** For a report that is not an object, and for the values read (device, exceptions): duplicate names refused. */
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    /**
     * For the stream of a report: no duplicate detection by the parser, which would keep a set of names for every
     * object of the evidence that is skipped unread; the names of what is read are checked by this reader.
     */
    private final com.fasterxml.jackson.core.JsonFactory streams = com.fasterxml.jackson.core.JsonFactory.builder()
            .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    @Override
    public ReportedAssessment read(Path file) throws ReportException {
        String origin = file.toString();
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ReportException(origin, 0, 0, null,
                        "file is " + size + " bytes, larger than the limit of " + MAX_BYTES, null);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ReportException(origin, 0, 0, null, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new ReportException(origin, 0, 0, null, "permission denied", e);
        } catch (IOException e) {
            throw new ReportException(origin, 0, 0, null, "cannot read: " + e.getMessage(), e);
        }
        return read(origin, bytes);
    }

    @Override
    public ReportedAssessment read(String origin, InputStream in) throws ReportException {
        return read(origin, bytes(origin, in));
    }

    @Override
    public ReportedUpload readUpload(String origin, InputStream in) throws ReportException {
        byte[] bytes = bytes(origin, in);
        JsonNode root = root(origin, bytes);
        Parse parse = new Parse(origin, bytes);
        if (root.isObject() && root.has("upload")) {
            return parse.upload(root);
        }
        if (root.isObject() && !root.has("format")) {
            throw parse.error("", "not a Bulwark upload or report: it has neither an \"upload\" nor a \"format\" "
                    + "field");
        }
        ReportedAssessment report = parse.report(root);
        Map<String, ResultState> states = new LinkedHashMap<>();
        for (ControlRef c : report.controls()) {
            states.put(c.id(), report.states().get(c.id()));
        }
        return new ReportedUpload(report.device(), report.assessedAt(), states);
    }

    private static byte[] bytes(String origin, InputStream in) throws ReportException {
        try (InputStream stream = in) {
            byte[] bytes = stream.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new ReportException(origin, 0, 0, null,
                        "report is larger than the limit of " + MAX_BYTES + " bytes", null);
            }
            return bytes;
        } catch (IOException e) {
            throw new ReportException(origin, 0, 0, null, "cannot read: " + e.getMessage(), e);
        }
    }

    private ReportedAssessment read(String origin, byte[] bytes) throws ReportException {
        return new Parse(origin, bytes).report(root(origin, bytes));
    }

    /** @return the parts of the document that are read, as a tree (see {@link #readNeeded}) */
    private JsonNode root(String origin, byte[] bytes) throws ReportException {
        JsonNode root;
        try {
            root = readNeeded(origin, bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ReportException(origin, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    null, "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ReportException(origin, 0, 0, null, "cannot read: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new ReportException(origin, 0, 0, null, "empty file: not a Bulwark report", null);
        }
        return root;
    }

    /** The fields of a result that fleet scoring reads; the rest (evidence above all) is skipped unread. */
    private static final Set<String> RESULT_FIELDS = Set.of("id", "title", "category", "weight", "state",
            "exceptions");

    /** The fields of an upload ({@code docs/upload.schema.json}); any other is refused. */
    private static final List<String> UPLOAD_FIELDS = List.of("upload", "generator", "device", "platform", "root",
            "live", "started", "finished", "content", "collectors", "results", "problems");

    /** The fields of an upload's device; any other is refused. */
    private static final List<String> DEVICE_FIELDS = List.of("id", "hostname", "os", "groups");

    /** The fields of an upload's result; any other is refused. */
    private static final List<String> UPLOAD_RESULT_FIELDS = List.of("id", "state", "reason", "evidence");

    /** The fields of an upload's result that are read; the evidence is only checked to be an array. */
    private static final Set<String> UPLOAD_RESULT_READ = Set.of("id", "state", "reason");

    /**
     * Reads the parts of a document that are checked into a tree: of a report {@code format}, {@code device},
     * {@code finished} and, of each result, {@link #RESULT_FIELDS}; of an upload (a document whose first field is
     * {@code upload}) {@code upload}, {@code device}, {@code finished} and, of each result,
     * {@link #UPLOAD_RESULT_READ}, refusing unknown fields on the way. Everything else is tokenized (so the whole
     * text must be valid JSON; duplicate names are refused in the document, its results and what is read of them)
     * but not built into nodes: a report of 300 results with its evidence is about 560 kB, most of it evidence,
     * scores and recommendations.
     */
    private JsonNode readNeeded(String origin, byte[] bytes) throws IOException, ReportException {
        try (JsonParser p = streams.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return mapper.readTree(bytes); // not an object: the tree, for the error that names its kind
            }
            com.fasterxml.jackson.databind.node.ObjectNode root = mapper.createObjectNode();
            Set<String> names = new java.util.HashSet<>();
            boolean upload = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (names.isEmpty()) {
                    upload = name.equals("upload");
                } else if (name.equals("upload") && !upload) {
                    throw located(origin, p, name, "must be the document's first field");
                }
                unique(p, names, name);
                if (upload && !UPLOAD_FIELDS.contains(name)) {
                    throw located(origin, p, name, "unknown field (an upload has " + String.join(", ", UPLOAD_FIELDS)
                            + ")");
                }
                JsonToken value = p.nextToken();
                switch (name) {
                    case "format", "upload", "device", "finished" -> root.set(name, tree(p));
                    case "results" -> root.set(name, value == JsonToken.START_ARRAY ? results(origin, p, upload)
                            : tree(p));
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected content after the report");
            }
            return root;
        }
    }

    /** @return an error at the field the parser is at (its name or its value) */
    private static ReportException located(String origin, JsonParser p, String field, String reason) {
        JsonLocation at = p.currentTokenLocation();
        return new ReportException(origin, at.getLineNr(), at.getColumnNr(), field, reason, null);
    }

    /**
     * @return the value the parser is at, as a tree: scalars made directly (the same nodes the mapper makes, at a
     *         fraction of the cost of a deserialization per value), containers by the mapper
     */
    private JsonNode tree(JsonParser p) throws IOException {
        com.fasterxml.jackson.databind.node.JsonNodeFactory f = mapper.getNodeFactory();
        return switch (p.currentToken()) {
            case VALUE_STRING -> f.textNode(p.getText());
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> f.numberNode(p.getIntValue());
                case LONG -> f.numberNode(p.getLongValue());
                default -> f.numberNode(p.getBigIntegerValue());
            };
            case VALUE_TRUE -> f.booleanNode(true);
            case VALUE_FALSE -> f.booleanNode(false);
            case VALUE_NULL -> f.nullNode();
            default -> mapper.readTree(p);
        };
    }

    private static void unique(JsonParser p, Set<String> names, String name) throws IOException {
        if (!names.add(name)) {
            throw new com.fasterxml.jackson.core.JsonParseException(p, "Duplicate field '" + name + "'");
        }
    }

    private JsonNode results(String origin, JsonParser p, boolean upload) throws IOException, ReportException {
        com.fasterxml.jackson.databind.node.ArrayNode list = mapper.createArrayNode();
        Set<String> read = upload ? UPLOAD_RESULT_READ : RESULT_FIELDS;
        Set<String> names = new java.util.HashSet<>();
        JsonToken t;
        for (int i = 0; (t = p.nextToken()) != JsonToken.END_ARRAY; i++) {
            if (t != JsonToken.START_OBJECT) {
                list.add(tree(p)); // not an object: kept for the error
                continue;
            }
            com.fasterxml.jackson.databind.node.ObjectNode r = list.addObject();
            names.clear();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                unique(p, names, field);
                JsonToken value = p.nextToken();
                if (upload && !UPLOAD_RESULT_FIELDS.contains(field)) {
                    throw located(origin, p, "results[" + i + "]." + field, "unknown field (a result of an upload "
                            + "has " + String.join(", ", UPLOAD_RESULT_FIELDS) + ")");
                }
                if (upload && field.equals("evidence") && value != JsonToken.START_ARRAY) {
                    throw located(origin, p, "results[" + i + "].evidence", "must be an array");
                }
                if (read.contains(field)) {
                    r.set(field, tree(p));
                } else {
                    p.skipChildren();
                }
            }
        }
        return list;
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

    /**
     * One report being parsed. Where each field is (to name it in errors) is found only when there is an error:
     * a valid report, the common case, is parsed once.
     */
    private static final class Parse {
        private static final Map<String, ResultState> STATES = new HashMap<>();
        static {
            for (ResultState state : ResultState.values()) {
                STATES.put(state.name(), state);
            }
        }

        private final String origin;
        private final byte[] bytes;
        private Map<String, JsonLocation> locations;

        Parse(String origin, byte[] bytes) {
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
            if (!format.isInt() || format.intValue() != FORMAT) {
                throw error("format", "report format " + format + " is not supported; this Bulwark reads format "
                        + FORMAT);
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
            if (!version.isInt() || version.intValue() != UPLOAD) {
                throw error("upload", "upload version " + version + " is not supported; this Bulwark reads version "
                        + UPLOAD);
            }
            JsonNode d = object(root, "device", "device");
            for (var names = d.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!DEVICE_FIELDS.contains(name)) {
                    throw error("device." + name, "unknown field (a device has " + String.join(", ", DEVICE_FIELDS)
                            + ")");
                }
            }
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
            return new ReportedUpload(device, finished, states);
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
            return new Device(id, hostname, os, groups);
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
    }
}
