package org.bulwark.windows.regf.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A security template (secedit INF, e.g. {@code GptTmpl.inf}; [MS-GPSB]): UTF-16LE with a BOM, or UTF-8/ASCII.
 * {@code [Section]} headers, {@code key = value} lines (both trimmed, the value kept verbatim, quotes included),
 * {@code ;} comments. A line without {@code =} is an entry with an empty value. When a key repeats in a section,
 * {@link #get} answers the last one, as secedit applies them in order.
 */
public final class SecurityTemplate {
    /** One {@code key = value} line of a section, with its 1-based line number. */
    public record Entry(String section, String key, String value, int line) {
        public Entry {
            Objects.requireNonNull(section, "section");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    private final String name;
    private final List<Entry> entries;
    private final Map<String, Entry> index;

    private SecurityTemplate(String name, List<Entry> entries) {
        this.name = name;
        this.entries = List.copyOf(entries);
        Map<String, Entry> map = new LinkedHashMap<>();
        for (Entry e : entries) {
            map.put(indexKey(e.section(), e.key()), e);
        }
        this.index = map;
    }

    public static SecurityTemplate parse(byte[] bytes, String name) throws PolicyFileException {
        List<String> lines = Text.lines(Text.decode(bytes, name));
        List<Entry> entries = new ArrayList<>();
        String section = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int number = i + 1;
            if (line.isEmpty() || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]") || line.length() < 3) {
                    throw PolicyFileException.atLine(name, number, "malformed section header");
                }
                section = line.substring(1, line.length() - 1).strip();
                continue;
            }
            if (section == null) {
                throw PolicyFileException.atLine(name, number, "an entry before the first section");
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? line : line.substring(0, eq).strip();
            String value = eq < 0 ? "" : line.substring(eq + 1).strip();
            if (key.isEmpty()) {
                throw PolicyFileException.atLine(name, number, "an entry without a key");
            }
            entries.add(new Entry(section, key, value, number));
        }
        return new SecurityTemplate(name, entries);
    }

    public String name() {
        return name;
    }

    /** Every entry in file order. */
    public List<Entry> entries() {
        return entries;
    }

    /** The section names in file order (each once, as first written). */
    public List<String> sections() {
        Map<String, String> seen = new LinkedHashMap<>();
        for (Entry e : entries) {
            seen.putIfAbsent(e.section().toLowerCase(Locale.ROOT), e.section());
        }
        return List.copyOf(seen.values());
    }

    /** The entries of one section (case-insensitive) in file order. */
    public List<Entry> section(String section) {
        return entries.stream().filter(e -> e.section().equalsIgnoreCase(section)).toList();
    }

    /** The last entry of a key in a section, both compared case-insensitively. */
    public Optional<Entry> get(String section, String key) {
        return Optional.ofNullable(index.get(indexKey(section, key)));
    }

    private static String indexKey(String section, String key) {
        return section.toLowerCase(Locale.ROOT) + "\u0000" + key.toLowerCase(Locale.ROOT);
    }
}
