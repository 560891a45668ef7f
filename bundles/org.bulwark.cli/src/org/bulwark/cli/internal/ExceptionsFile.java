package org.bulwark.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.Justification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads exceptions from a JSON file (format in the README, "Exceptions"): an array of objects with {@code id},
 * {@code control}, {@code scope} (device, group, global), {@code target}, {@code justification},
 * {@code author}, {@code created}, {@code expires}, {@code notes}. Any error rejects the whole file.
 */
final class ExceptionsFile {

    private static final Set<String> FIELDS = Set.of("id", "control", "scope", "target", "justification", "author",
            "created", "expires", "notes");

    private ExceptionsFile() {
    }

    static List<ControlException> read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw error(file, null, "no such file");
        } catch (JsonProcessingException e) {
            throw error(file, null, "not valid JSON at line " + (e.getLocation() == null ? 0
                    : e.getLocation().getLineNr()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw error(file, null, "cannot read: " + e.getMessage());
        }
        if (root == null || !root.isArray()) {
            throw error(file, null, "must be a JSON array of exceptions");
        }
        List<ControlException> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < root.size(); i++) {
            String at = "[" + i + "]";
            JsonNode n = root.get(i);
            if (!n.isObject()) {
                throw error(file, at, "must be an object");
            }
            for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
                String f = it.next();
                if (!FIELDS.contains(f)) {
                    throw error(file, at + "." + f, "unknown field (allowed: " + String.join(", ",
                            new java.util.TreeSet<>(FIELDS)) + ")");
                }
            }
            String id = text(file, n, at, "id", true);
            if (!ids.add(id)) {
                throw error(file, at + ".id", "duplicate exception id '" + id + "'");
            }
            ControlException.Scope scope = enumValue(file, n, at, "scope", ControlException.Scope.class);
            Justification justification = enumValue(file, n, at, "justification", Justification.class);
            String target = text(file, n, at, "target", scope != ControlException.Scope.GLOBAL);
            Instant created = instant(file, n, at, "created", true);
            Instant expires = instant(file, n, at, "expires", false);
            if (expires != null && !expires.isAfter(created)) {
                throw error(file, at + ".expires", "must be after 'created'");
            }
            out.add(new ControlException(id, text(file, n, at, "control", true), scope, target, justification,
                    text(file, n, at, "author", true), created, expires, text(file, n, at, "notes", false)));
        }
        return out;
    }

    private static String text(Path file, JsonNode n, String at, String field, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw error(file, at, "missing required field '" + field + "'");
            }
            return null;
        }
        if (!v.isTextual() || v.textValue().isBlank()) {
            throw error(file, at + "." + field, "must be a non-empty string");
        }
        return v.textValue();
    }

    private static <E extends Enum<E>> E enumValue(Path file, JsonNode n, String at, String field, Class<E> type) {
        String v = text(file, n, at, field, true);
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E c : type.getEnumConstants()) {
                names.add(c.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            throw error(file, at + "." + field, "unknown value '" + v + "' (expected one of "
                    + String.join(", ", names) + ")");
        }
    }

    private static Instant instant(Path file, JsonNode n, String at, String field, boolean required) {
        String v = text(file, n, at, field, required);
        if (v == null) {
            return null;
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw error(file, at + "." + field, "'" + v + "' is not an ISO-8601 instant like 2026-11-20T12:00:00Z");
        }
    }

    private static CliException error(Path file, String field, String reason) {
        return new CliException(ExitCodes.CONTENT, "exceptions rejected, nothing assessed: " + file + ": "
                + (field == null ? "" : field + ": ") + reason);
    }
}
