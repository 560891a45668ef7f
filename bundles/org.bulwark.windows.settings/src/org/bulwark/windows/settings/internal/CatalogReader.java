package org.bulwark.windows.settings.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.bulwark.collector.api.Observation;
import org.bulwark.windows.settings.CatalogException;
import org.bulwark.windows.settings.Origin;
import org.bulwark.windows.settings.Setting;
import org.bulwark.windows.settings.SettingSource;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a settings catalogue, strictly: an unknown field, a name given twice, a duplicate id, a wrong type or
 * anything after the document is refused with the file and the field.
 *
 * <pre>
 * {"format": 1, "settings": [{"id": "smb.server-smb1", "key": "windows.policy.smb.server-smb1",
 *   "mdmWinsEligible": false, "local": {"hive": "SYSTEM", "path": "...", "value": "SMB1"},
 *   "default": {"value": "1", "owner": "Windows 10 1709 and earlier"}}]}
 * </pre>
 */
final class CatalogReader {

    private static final Pattern ID = Pattern.compile("[a-z0-9._-]+");
    private static final Set<String> TOP = Set.of("format", "settings");
    private static final Set<String> SETTING = Set.of("id", "key", "mdmWinsEligible", "mdm", "gpo", "local",
            "default");
    private static final Set<String> SOURCE = Set.of("hive", "path", "value", "map");
    private static final Set<String> DEFAULT = Set.of("value", "owner");
    private static final Set<String> HIVES = Set.of("SOFTWARE", "SYSTEM", "SECURITY", "SAM");
    private static final int MAX_BYTES = 4 * 1024 * 1024;

    private final String origin;

    CatalogReader(String origin) {
        this.origin = origin;
    }

    List<Setting> read(InputStream in) throws CatalogException {
        JsonNode root;
        try {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw fail("", "larger than " + MAX_BYTES + " bytes");
            }
            JsonFactory factory = JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build()).build();
            ObjectMapper mapper = new ObjectMapper(factory)
                    .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
            root = mapper.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new CatalogException(origin + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new CatalogException(origin + ": cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw fail("", "expected a JSON object");
        }
        fields(root, "", TOP);
        JsonNode format = root.get("format");
        if (format == null || !format.isInt() || format.intValue() != 1) {
            throw fail("format", "must be 1");
        }
        JsonNode list = root.get("settings");
        if (list == null || !list.isArray()) {
            throw fail("settings", "must be an array");
        }
        List<Setting> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "settings[" + i + "]";
            Setting s = setting(list.get(i), at);
            if (!ids.add(s.id())) {
                throw fail(at + ".id", "'" + s.id() + "' is defined twice");
            }
            if (!keys.add(s.key())) {
                throw fail(at + ".key", "'" + s.key() + "' is reported by two settings");
            }
            out.add(s);
        }
        return List.copyOf(out);
    }

    private Setting setting(JsonNode n, String at) throws CatalogException {
        if (!n.isObject()) {
            throw fail(at, "expected an object");
        }
        fields(n, at, SETTING);
        String id = text(n, at, "id", true);
        if (!ID.matcher(id).matches()) {
            throw fail(at + ".id", "'" + id + "' does not match [a-z0-9._-]+");
        }
        String key = text(n, at, "key", true);
        if (!Observation.KEY_PATTERN.matcher(key).matches() || !key.startsWith("windows.")) {
            throw fail(at + ".key", "'" + key + "' is not a windows.* observation key");
        }
        boolean eligible = false;
        JsonNode e = n.get("mdmWinsEligible");
        if (e != null) {
            if (!e.isBoolean()) {
                throw fail(at + ".mdmWinsEligible", "must be true or false");
            }
            eligible = e.booleanValue();
        }
        List<SettingSource> sources = new ArrayList<>();
        for (Origin o : Origin.values()) {
            String name = o.name().toLowerCase(java.util.Locale.ROOT);
            JsonNode s = n.get(name);
            if (s != null) {
                sources.add(source(s, at + "." + name, o));
            }
        }
        if (eligible && (n.get("mdm") == null || n.get("gpo") == null)) {
            throw fail(at + ".mdmWinsEligible", "needs both an mdm and a gpo source");
        }
        String defaultValue = null;
        String owner = null;
        JsonNode d = n.get("default");
        if (d != null) {
            if (!d.isObject()) {
                throw fail(at + ".default", "expected an object");
            }
            fields(d, at + ".default", DEFAULT);
            defaultValue = text(d, at + ".default", "value", true);
            owner = text(d, at + ".default", "owner", true);
        }
        if (sources.isEmpty()) {
            throw fail(at, "needs at least one of mdm, gpo, local");
        }
        return new Setting(id, key, sources, eligible, defaultValue, owner);
    }

    private SettingSource source(JsonNode n, String at, Origin origin) throws CatalogException {
        if (!n.isObject()) {
            throw fail(at, "expected an object");
        }
        fields(n, at, SOURCE);
        String hive = text(n, at, "hive", true);
        if (!HIVES.contains(hive)) {
            throw fail(at + ".hive", "'" + hive + "' is not one of SOFTWARE, SYSTEM, SECURITY, SAM");
        }
        String path = text(n, at, "path", true);
        if (path.startsWith("\\") || path.endsWith("\\") || path.contains("\\\\")) {
            throw fail(at + ".path", "'" + path + "' must be a hive-relative key without empty parts");
        }
        String value = text(n, at, "value", true);
        Map<String, String> map = new LinkedHashMap<>();
        JsonNode m = n.get("map");
        if (m != null) {
            if (!m.isObject() || m.isEmpty()) {
                throw fail(at + ".map", "expected a non-empty object of raw value to canonical value");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (!entry.getValue().isTextual()) {
                    throw fail(at + ".map." + entry.getKey(), "must be a string");
                }
                map.put(entry.getKey(), entry.getValue().textValue());
            }
        }
        return new SettingSource(origin, hive, path, value, map);
    }

    private void fields(JsonNode n, String at, Set<String> allowed) throws CatalogException {
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw fail(at.isEmpty() ? f : at + "." + f, "unknown field");
            }
        }
    }

    private String text(JsonNode n, String at, String field, boolean required) throws CatalogException {
        JsonNode v = n.get(field);
        if (v == null) {
            if (required) {
                throw fail(at + "." + field, "is required");
            }
            return null;
        }
        if (!v.isTextual() || v.textValue().isBlank()) {
            throw fail(at + "." + field, "must be a non-empty string");
        }
        return v.textValue();
    }

    private CatalogException fail(String field, String why) {
        return new CatalogException(origin + (field.isEmpty() ? "" : ": " + field) + ": " + why);
    }
}
