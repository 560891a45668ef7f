package org.bulwark.cli.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One {@code bulwark.conf}: {@code key = value} lines, {@code #} comment lines and blank lines, UTF-8. Strict: a
 * line that is none of these, an unknown key, a key without a value or given twice is a {@link CliException}
 * ({@link ExitCodes#USAGE}) naming the file and line. The value is the rest of the line, trimmed, taken as it is
 * (no quotes, no escapes; a {@code #} in it is part of it).
 *
 * @param path    where it was read from
 * @param values  key to value, in the order of the file
 * @param warnings what is wrong with the file's permissions, for standard error
 */
record ConfigFile(Path path, Map<String, String> values, List<String> warnings) {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*");

    ConfigFile {
        values = Map.copyOf(values);
        warnings = List.copyOf(warnings);
    }

    /**
     * @param keys the keys a file may hold
     * @return the file, or {@code null} when there is none; one that cannot be read is {@code null} with a warning
     *         in {@code warnings}
     */
    static ConfigFile read(Path path, Set<String> keys, List<String> warnings) {
        byte[] bytes;
        try {
            bytes = InputFiles.read(path);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            warnings.add("cannot read the configuration file " + path + " (" + e.getMessage() + "); ignored");
            return null;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw error(path, 0, "not UTF-8 text");
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        String[] all = text.split("\r?\n", -1);
        for (int i = 0; i < all.length; i++) {
            String line = all[i].strip();
            int n = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? line : line.substring(0, eq).strip();
            if (eq < 0 || !KEY.matcher(key).matches()) {
                throw error(path, n, "not a 'key = value' line (a comment starts with #)");
            }
            if (!keys.contains(key)) {
                throw error(path, n, "unknown key '" + key + "' (expected one of " + String.join(", ", keys) + ")");
            }
            String value = line.substring(eq + 1).strip();
            if (value.isEmpty()) {
                throw error(path, n, key + ": no value");
            }
            Integer before = lines.put(key, n);
            if (before != null) {
                throw error(path, n, key + ": given twice (also on line " + before + ")");
            }
            values.put(key, value);
        }
        List<String> mine = new ArrayList<>();
        permissions(path, values, mine);
        warnings.addAll(mine);
        return new ConfigFile(path, values, mine);
    }

    /** Warns of a file others can change, and of secrets everyone can read. */
    private static void permissions(Path path, Map<String, String> values, List<String> warnings) {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        Set<PosixFilePermission> p;
        try {
            p = view.readAttributes().permissions();
        } catch (IOException e) {
            return;
        }
        if (p.contains(PosixFilePermission.GROUP_WRITE) || p.contains(PosixFilePermission.OTHERS_WRITE)) {
            warnings.add("the configuration file " + path + " is writable by its group or others, who can change "
                    + "where Bulwark keeps its data and sends its assessments (chmod go-w)");
        }
        if (p.contains(PosixFilePermission.OTHERS_READ) && secret(values)) {
            warnings.add("the configuration file " + path + " holds a secret (a token or a database password) and "
                    + "is readable by everyone (chmod o-r)");
        }
    }

    /** @return whether {@code values} hold a token or a JDBC URL with a password */
    static boolean secret(Map<String, String> values) {
        String db = values.getOrDefault("db", "").toLowerCase(Locale.ROOT);
        return values.containsKey("token") || db.contains("password=") || db.matches("jdbc:[a-z0-9]+://[^/@]*:[^/@]*@.*");
    }

    private static CliException error(Path path, int line, String reason) {
        return new CliException(ExitCodes.USAGE, path + (line > 0 ? ":" + line : "") + ": " + reason
                + "; nothing was run");
    }
}
