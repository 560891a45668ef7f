package org.bulwark.server.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.bulwark.operations.api.FileOutput;
import org.bulwark.server.api.FleetServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Device group rules, kept in {@code groups.json} of the data directory. A rule has a name, a rank and criteria: a
 * host name glob ({@code *} and {@code ?}), an OS substring (case-insensitive) and tags (every one must be among the
 * device's tags, which are the groups its agent reports). A device belongs to the highest-ranked rule it matches,
 * else to {@value FleetServer#UNGROUPED}.
 */
final class GroupRules {

    record Rule(String name, int rank, String hostname, String os, Set<String> tags) {
        boolean matches(String host, String deviceOs, Set<String> deviceTags) {
            if (hostname != null && !glob(hostname).matcher(host).matches()) {
                return false;
            }
            if (os != null && !deviceOs.toLowerCase(Locale.ROOT).contains(os.toLowerCase(Locale.ROOT))) {
                return false;
            }
            return deviceTags.containsAll(tags);
        }
    }

    static final String FILE = "groups.json";
    private static final ObjectMapper JSON = RequestBody.STRICT;

    private final Path file;
    private final FileOutput files;
    private volatile List<Rule> rules;

    GroupRules(Path dataDir, FileOutput files) throws IOException {
        this.file = dataDir.resolve(FILE);
        this.files = files;
        this.rules = Files.exists(file) ? parse(JSON.readTree(file.toFile())) : List.of();
    }

    List<Rule> rules() {
        return rules;
    }

    /** @return the group of a device */
    String groupOf(String hostname, String os, Set<String> tags) {
        for (Rule r : rules) {
            if (r.matches(hostname, os, tags)) {
                return r.name();
            }
        }
        return FleetServer.UNGROUPED;
    }

    /** Replaces the rules (validated whole first) and saves them: the file is replaced atomically and synced. */
    synchronized void replace(JsonNode json) throws IOException {
        List<Rule> parsed = parse(json);
        files.replace(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(toJson(parsed)));
        rules = parsed;
    }

    static ArrayNode toJson(List<Rule> rules) {
        ArrayNode a = JSON.createArrayNode();
        for (Rule r : rules) {
            ObjectNode o = a.addObject();
            o.put("name", r.name());
            o.put("rank", r.rank());
            o.put("hostname", r.hostname());
            o.put("os", r.os());
            r.tags().forEach(o.putArray("tags")::add);
        }
        return a;
    }

    /** The fields of a rule. */
    static final Set<String> FIELDS = Set.of("name", "rank", "hostname", "os", "tags");
    /** The longest name, glob, OS substring or tag. */
    static final int MAX_TEXT = 400;
    /** The most rules a fleet has. */
    static final int MAX_RULES = 10_000;

    /**
     * Reads rules strictly: a field the rules do not have (a typo such as {@code hostnme} would otherwise make a
     * catch-all rule), a value of the wrong type, or a value over {@value #MAX_TEXT} characters is refused.
     *
     * @throws IllegalArgumentException naming the bad field
     */
    static List<Rule> parse(JsonNode json) {
        if (json == null || !json.isArray()) {
            throw new IllegalArgumentException("device group rules: expected a JSON array of rules");
        }
        if (json.size() > MAX_RULES) {
            throw new IllegalArgumentException("device group rules: more than " + MAX_RULES + " rules");
        }
        List<Rule> list = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        int i = 0;
        for (JsonNode n : json) {
            String at = "[" + i++ + "]";
            if (!n.isObject()) {
                throw new IllegalArgumentException(at + ": expected an object");
            }
            for (java.util.Iterator<String> f = n.fieldNames(); f.hasNext();) {
                String field = f.next();
                if (!FIELDS.contains(field)) {
                    throw new IllegalArgumentException(at + "." + ApiLog.printable(field)
                            + ": unknown field (a rule has " + String.join(", ", new java.util.TreeSet<>(FIELDS))
                            + ")");
                }
            }
            String name = text(n, "name", at);
            if (name == null || name.isBlank() || name.equals(FleetServer.ALL_GROUPS)
                    || name.equals(FleetServer.UNGROUPED)) {
                throw new IllegalArgumentException(at + ".name: required, and not '*' or 'Ungrouped'");
            }
            name = name.trim();
            if (!names.add(name)) {
                throw new IllegalArgumentException(at + ".name: '" + name + "' is used twice");
            }
            if (!n.path("rank").isInt()) {
                throw new IllegalArgumentException(at + ".rank: required integer");
            }
            Set<String> tags = new LinkedHashSet<>();
            if (n.has("tags") && !n.get("tags").isNull()) {
                if (!n.get("tags").isArray()) {
                    throw new IllegalArgumentException(at + ".tags: expected an array of strings");
                }
                int k = 0;
                for (JsonNode t : n.get("tags")) {
                    String tat = at + ".tags[" + k++ + "]";
                    if (!t.isTextual() || t.textValue().length() > MAX_TEXT) {
                        throw new IllegalArgumentException(tat + ": expected a string of at most " + MAX_TEXT
                                + " characters");
                    }
                    tags.add(t.textValue());
                }
            }
            list.add(new Rule(name, n.get("rank").asInt(), text(n, "hostname", at), text(n, "os", at),
                    Set.copyOf(tags)));
        }
        list.sort(Comparator.comparingInt(Rule::rank).reversed().thenComparing(Rule::name));
        return List.copyOf(list);
    }

    /** @return the string field, {@code null} when absent, null or empty; a non-string or too long one refused */
    private static String text(JsonNode n, String field, String at) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() || v.textValue().length() > MAX_TEXT) {
            throw new IllegalArgumentException(at + "." + field + ": expected a string of at most " + MAX_TEXT
                    + " characters");
        }
        return v.textValue().isEmpty() ? null : v.textValue();
    }

    static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE);
    }
}
