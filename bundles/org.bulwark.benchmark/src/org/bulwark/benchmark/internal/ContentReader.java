package org.bulwark.benchmark.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.bulwark.benchmark.api.Applicability;
import org.bulwark.benchmark.api.Benchmark;
import org.bulwark.benchmark.api.BenchmarkException;
import org.bulwark.benchmark.api.Control;
import org.bulwark.benchmark.api.Expectation;
import org.bulwark.benchmark.api.Operator;
import org.bulwark.benchmark.api.References;
import org.bulwark.benchmark.api.Remediation;
import org.bulwark.benchmark.api.RemediationType;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Observation;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads content files (format: {@code docs/benchmark-format.md}) into the model, validating every field.
 * Locations: a first pass records the line and column of every field path, so that a semantic error
 * (bad weight, unknown operator) names the line too, not only JSON syntax errors.
 */
public final class ContentReader {

    /** The content format this reader understands. */
    public static final int FORMAT = 1;
    /** The largest content file accepted. */
    public static final int MAX_BYTES = 16 * 1024 * 1024;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Set<String> TOP_FIELDS = Set.of("format", "id", "title", "version", "controls");
    private static final Set<String> CONTROL_FIELDS = Set.of("id", "title", "category", "weight", "description",
            "rationale", "applicability", "expect", "remediation", "references");
    private static final Set<String> CHECK_FIELDS = Set.of("key", "op", "value", "values", "match");
    private static final Set<String> REMEDIATION_FIELDS = Set.of("type", "text", "script");
    private static final Set<String> REFERENCE_FIELDS = Set.of("cis", "nist", "cce", "ssg", "lynis");
    private static final Set<String> APPLICABILITY_FIELDS = Set.of("when", "reason");

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Reads {@code file}: a regular file (not a device or a pipe) of at most {@value #MAX_BYTES} bytes. */
    public Benchmark read(Path file) throws BenchmarkException {
        String origin = file.toString();
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw new BenchmarkException(origin, 0, 0, null, "not a regular file", null);
            }
            if (attributes.size() > MAX_BYTES) {
                throw new BenchmarkException(origin, 0, 0, null,
                        "file is " + attributes.size() + " bytes, larger than the limit of " + MAX_BYTES, null);
            }
            return read(origin, Files.newInputStream(file));
        } catch (NoSuchFileException e) {
            throw new BenchmarkException(origin, 0, 0, null, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new BenchmarkException(origin, 0, 0, null, "permission denied", e);
        } catch (IOException e) {
            throw new BenchmarkException(origin, 0, 0, null, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads content from {@code in}, named {@code origin} in errors. */
    public Benchmark read(String origin, InputStream in) throws BenchmarkException {
        try (InputStream stream = in) {
            byte[] bytes = stream.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new BenchmarkException(origin, 0, 0, null, "content is larger than the limit of "
                        + MAX_BYTES + " bytes", null);
            }
            return read(origin, bytes);
        } catch (IOException e) {
            throw new BenchmarkException(origin, 0, 0, null, "cannot read: " + e.getMessage(), e);
        }
    }

    private Benchmark read(String origin, byte[] bytes) throws BenchmarkException {
        Map<String, JsonLocation> locations = new java.util.HashMap<>();
        JsonNode root;
        try {
            indexLocations(bytes, locations);
            root = mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new BenchmarkException(origin, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    duplicateField(e), "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BenchmarkException(origin, 0, 0, null, "cannot read: " + e.getMessage(), e);
        }
        return new Parse(origin, locations, sha256(bytes)).benchmark(root);
    }

    /** @return the path of the field a duplicate-name error is about, e.g. {@code controls[2].id}; else null */
    private static String duplicateField(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof JsonParser p) || !e.getOriginalMessage().startsWith("Duplicate field")) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c = p.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            path.insert(0, c.inArray() ? "[" + c.getCurrentIndex() + "]"
                    : (c.getParent().inRoot() ? "" : ".") + c.getCurrentName());
        }
        return path.toString();
    }

    /** Records the location of every value by its field path ({@code controls[2].expect.op}). */
    private void indexLocations(byte[] bytes, Map<String, JsonLocation> locations) throws IOException {
        try (JsonParser p = mapper.getFactory().createParser(bytes)) {
            List<String> path = new ArrayList<>();
            List<Integer> index = new ArrayList<>();
            JsonToken t;
            String fieldName = null;
            boolean done = false;
            while ((t = p.nextToken()) != null) {
                if (done) {
                    throw new JsonParseException(p, "unexpected content after the document", p.currentTokenLocation());
                }
                if (t == JsonToken.FIELD_NAME) {
                    String parent = join(path);
                    fieldName = p.currentName();
                    String field = (parent.isEmpty() ? "" : parent + ".") + fieldName;
                    locations.putIfAbsent(field, p.currentTokenLocation());
                    continue;
                }
                String here = currentPath(fieldName, path, index);
                if (here != null) {
                    locations.putIfAbsent(here, p.currentTokenLocation());
                }
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    path.add(here == null ? "" : here);
                    index.add(t == JsonToken.START_ARRAY ? 0 : -1);
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    path.remove(path.size() - 1);
                    index.remove(index.size() - 1);
                    advance(index);
                } else {
                    advance(index);
                }
                done = path.isEmpty();
            }
        }
    }

    private static String currentPath(String fieldName, List<String> path, List<Integer> index) {
        if (path.isEmpty()) {
            return "";
        }
        String parent = path.get(path.size() - 1);
        int i = index.get(index.size() - 1);
        if (i >= 0) {
            return parent + "[" + i + "]";
        }
        return (parent.isEmpty() ? "" : parent + ".") + fieldName;
    }

    private static void advance(List<Integer> index) {
        if (!index.isEmpty()) {
            int last = index.size() - 1;
            if (index.get(last) >= 0) {
                index.set(last, index.get(last) + 1);
            }
        }
    }

    private static String join(List<String> path) {
        return path.isEmpty() ? "" : path.get(path.size() - 1);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One parse of one file: knows the origin and the locations for errors. */
    private static final class Parse {
        private final String origin;
        private final Map<String, JsonLocation> locations;
        private final String sha256;

        Parse(String origin, Map<String, JsonLocation> locations, String sha256) {
            this.origin = origin;
            this.locations = locations;
            this.sha256 = sha256;
        }

        BenchmarkException error(String field, String reason) {
            JsonLocation at = null;
            for (String f = field; f != null && at == null; f = parentOf(f)) {
                at = locations.get(f);
            }
            return new BenchmarkException(origin, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    field, reason, null);
        }

        private static String parentOf(String field) {
            if (field.isEmpty()) {
                return null;
            }
            int cut = Math.max(field.lastIndexOf('.'), field.lastIndexOf('['));
            return cut <= 0 ? "" : field.substring(0, cut);
        }

        Benchmark benchmark(JsonNode root) throws BenchmarkException {
            ObjectNode top = object(root, "", "the document");
            fields(top, "", TOP_FIELDS);
            JsonNode format = required(top, "", "format");
            if (!format.isInt() || format.intValue() != FORMAT) {
                throw error("format", "unsupported format " + format + " (this version of Bulwark reads format "
                        + FORMAT + ")");
            }
            String id = id(top, "", "id");
            String title = text(top, "", "title", true);
            String version = text(top, "", "version", true);
            JsonNode list = required(top, "", "controls");
            if (!list.isArray() || list.isEmpty()) {
                throw error("controls", "must be a non-empty array of controls");
            }
            List<Control> controls = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                String at = "controls[" + i + "]";
                Control c = control(list.get(i), at);
                if (!ids.add(c.id())) {
                    throw error(at + ".id", "duplicate control id '" + c.id() + "'");
                }
                controls.add(c);
            }
            return new Benchmark(id, title, version, origin, sha256, controls);
        }

        Control control(JsonNode node, String at) throws BenchmarkException {
            ObjectNode o = object(node, at, "a control");
            fields(o, at, CONTROL_FIELDS);
            String id = id(o, at, "id");
            String title = text(o, at, "title", true);
            Category category = category(o, at);
            JsonNode w = required(o, at, "weight");
            if (!w.isIntegralNumber() || !w.canConvertToInt() || w.intValue() < Control.MIN_WEIGHT
                    || w.intValue() > Control.MAX_WEIGHT) {
                throw error(at + ".weight", "must be an integer from 1 to 10, was " + w);
            }
            String description = text(o, at, "description", false);
            String rationale = text(o, at, "rationale", true);
            Applicability applicability = null;
            if (o.has("applicability")) {
                String ap = at + ".applicability";
                ObjectNode a = object(o.get("applicability"), ap, "an applicability object");
                fields(a, ap, APPLICABILITY_FIELDS);
                applicability = new Applicability(expectation(required(a, ap, "when"), ap + ".when"),
                        text(a, ap, "reason", true));
            }
            Expectation expect = expectation(required(o, at, "expect"), at + ".expect");
            Remediation remediation = remediation(required(o, at, "remediation"), at + ".remediation");
            References references = o.has("references") ? references(o.get("references"), at + ".references")
                    : References.NONE;
            return new Control(id, title, category, w.intValue(), description, rationale, expect, applicability,
                    remediation, references);
        }

        Category category(ObjectNode o, String at) throws BenchmarkException {
            String text = text(o, at, "category", true);
            try {
                return Category.parse(text);
            } catch (IllegalArgumentException e) {
                throw error(at + ".category", e.getMessage());
            }
        }

        Expectation expectation(JsonNode node, String at) throws BenchmarkException {
            ObjectNode o = object(node, at, "an expectation");
            for (String combo : List.of("all", "any", "none")) {
                if (o.has(combo)) {
                    if (o.size() != 1) {
                        throw error(at, "'" + combo + "' cannot be combined with other fields");
                    }
                    JsonNode parts = o.get(combo);
                    String pa = at + "." + combo;
                    if (!parts.isArray() || parts.isEmpty()) {
                        throw error(pa, "must be a non-empty array of expectations");
                    }
                    List<Expectation> list = new ArrayList<>();
                    for (int i = 0; i < parts.size(); i++) {
                        list.add(expectation(parts.get(i), pa + "[" + i + "]"));
                    }
                    return switch (combo) {
                        case "all" -> new Expectation.All(list);
                        case "any" -> new Expectation.Any(list);
                        default -> new Expectation.None(list);
                    };
                }
            }
            fields(o, at, CHECK_FIELDS);
            String key = text(o, at, "key", true);
            if (!Observation.KEY_PATTERN.matcher(key).matches()) {
                throw error(at + ".key", "'" + key + "' is not a valid observation key (lower-case, dot-separated)");
            }
            String opName = text(o, at, "op", true);
            Operator op = Operator.fromJson(opName);
            if (op == null) {
                throw error(at + ".op", "unknown operator '" + opName + "' (expected one of " + Operator.names() + ")");
            }
            List<String> operands = new ArrayList<>();
            if (o.has("value")) {
                operands.add(scalar(o.get("value"), at + ".value"));
            }
            if (o.has("values")) {
                if (o.has("value")) {
                    throw error(at + ".values", "give either 'value' or 'values', not both");
                }
                JsonNode vs = o.get("values");
                if (!vs.isArray()) {
                    throw error(at + ".values", "must be an array");
                }
                for (int i = 0; i < vs.size(); i++) {
                    operands.add(scalar(vs.get(i), at + ".values[" + i + "]"));
                }
            }
            Expectation.Quantifier match = Expectation.Quantifier.ALL;
            if (o.has("match")) {
                String m = text(o, at, "match", true);
                match = switch (m) {
                    case "all" -> Expectation.Quantifier.ALL;
                    case "any" -> Expectation.Quantifier.ANY;
                    default -> throw error(at + ".match", "must be 'all' or 'any', was '" + m + "'");
                };
            }
            if (op == Operator.MATCHES) {
                try {
                    Pattern.compile(operands.isEmpty() ? "" : operands.get(0));
                } catch (PatternSyntaxException e) {
                    throw error(at + ".value", "invalid regular expression: " + e.getDescription());
                }
            }
            if (op == Operator.LT || op == Operator.LE || op == Operator.GT || op == Operator.GE) {
                for (String operand : operands) {
                    try {
                        new java.math.BigDecimal(operand.trim());
                    } catch (NumberFormatException e) {
                        throw error(at + ".value", "'" + op.jsonName() + "' needs a number, was '" + operand + "'");
                    }
                }
            }
            try {
                return new Expectation.Check(key, op, operands, match);
            } catch (IllegalArgumentException e) {
                throw error(at + ".op", e.getMessage());
            }
        }

        Remediation remediation(JsonNode node, String at) throws BenchmarkException {
            ObjectNode o = object(node, at, "a remediation object");
            fields(o, at, REMEDIATION_FIELDS);
            String type = text(o, at, "type", true);
            RemediationType t = null;
            for (RemediationType r : RemediationType.values()) {
                if (r.name().replace('_', '-').equalsIgnoreCase(type)) {
                    t = r;
                }
            }
            if (t == null) {
                throw error(at + ".type", "unknown remediation type '" + type + "' (expected configuration-change, "
                        + "software-update, software-uninstall, software-install, account-change, file-permissions)");
            }
            return new Remediation(t, text(o, at, "text", true), text(o, at, "script", false));
        }

        References references(JsonNode node, String at) throws BenchmarkException {
            ObjectNode o = object(node, at, "a references object");
            fields(o, at, REFERENCE_FIELDS);
            return new References(strings(o, at, "cis"), strings(o, at, "nist"), strings(o, at, "cce"),
                    strings(o, at, "ssg"), strings(o, at, "lynis"));
        }

        List<String> strings(ObjectNode o, String at, String field) throws BenchmarkException {
            JsonNode n = o.get(field);
            if (n == null) {
                return List.of();
            }
            if (!n.isArray()) {
                throw error(at + "." + field, "must be an array of strings");
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < n.size(); i++) {
                if (!n.get(i).isTextual()) {
                    throw error(at + "." + field + "[" + i + "]", "must be a string");
                }
                out.add(n.get(i).textValue());
            }
            return out;
        }

        ObjectNode object(JsonNode node, String at, String what) throws BenchmarkException {
            if (node == null || !node.isObject()) {
                throw error(at, "must be " + what + " (a JSON object)");
            }
            return (ObjectNode) node;
        }

        void fields(ObjectNode o, String at, Set<String> allowed) throws BenchmarkException {
            for (Iterator<String> it = o.fieldNames(); it.hasNext();) {
                String f = it.next();
                if (!allowed.contains(f)) {
                    throw error(prefix(at) + f, "unknown field '" + f + "' (allowed: "
                            + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
                }
            }
        }

        JsonNode required(ObjectNode o, String at, String field) throws BenchmarkException {
            JsonNode n = o.get(field);
            if (n == null || n.isNull()) {
                throw error(at, "missing required field '" + field + "'");
            }
            return n;
        }

        String text(ObjectNode o, String at, String field, boolean mandatory) throws BenchmarkException {
            JsonNode n = o.get(field);
            if (n == null || n.isNull()) {
                if (mandatory) {
                    throw error(at, "missing required field '" + field + "'");
                }
                return null;
            }
            if (!n.isTextual()) {
                throw error(prefix(at) + field, "must be a string, was " + n.getNodeType().name().toLowerCase());
            }
            if (mandatory && n.textValue().isBlank()) {
                throw error(prefix(at) + field, "must not be empty");
            }
            return n.textValue();
        }

        String id(ObjectNode o, String at, String field) throws BenchmarkException {
            String id = text(o, at, field, true);
            if (!ID.matcher(id).matches()) {
                throw error(prefix(at) + field, "'" + id + "' is not a valid id (lower-case letters, digits, '.', '_', '-')");
            }
            return id;
        }

        String scalar(JsonNode n, String at) throws BenchmarkException {
            if (n.isTextual()) {
                return n.textValue();
            }
            if (n.isFloatingPointNumber() && !Double.isFinite(n.doubleValue())) {
                throw error(at, "number out of range (beyond a double)");
            }
            if (n.isNumber() || n.isBoolean()) {
                return n.asText();
            }
            throw error(at, "must be a string or a number");
        }

        private static String prefix(String at) {
            return at.isEmpty() ? "" : at + ".";
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
