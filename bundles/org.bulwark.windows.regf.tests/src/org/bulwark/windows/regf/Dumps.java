package org.bulwark.windows.regf;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Bulwark's dumps of a hive in the formats of reglookup (CSV) and regfexport (normalized), for the cross-checks. */
final class Dumps {
    private static final DateTimeFormatter MTIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
        .withZone(ZoneOffset.UTC);
    private static final String[] REGLOOKUP_TYPES = {"NONE", "SZ", "EXPAND_SZ", "BINARY", "DWORD", "DWORD_BE",
        "LINK", "MULTI_SZ", "RSRC_LIST", "RSRC_DESC", "RSRC_REQ_LIST", "QWORD"};

    private Dumps() {
    }

    /** reglookup's default output: PATH,TYPE,VALUE,MTIME; keys before their values, values before subkeys. */
    static List<String> reglookup(Hive hive) throws HiveException {
        List<String> out = new ArrayList<>();
        out.add("PATH,TYPE,VALUE,MTIME");
        reglookup(hive.root(), out);
        return out;
    }

    private static void reglookup(HiveKey key, List<String> out) throws HiveException {
        String path = "/" + key.path().replace('\\', '/');
        out.add(quote(path, false) + ",KEY,," + MTIME.format(key.lastWritten()));
        for (HiveValue v : key.values()) {
            String type = v.type() == RegType.UNKNOWN ? "0x" + Integer.toHexString(v.rawType())
                : REGLOOKUP_TYPES[v.type().code()];
            out.add(quote((path.equals("/") ? "/" : path + "/") + v.name(), false) + "," + type + ","
                + reglookupValue(v) + ",");
        }
        for (HiveKey sub : key.subkeys()) {
            reglookup(sub, out);
        }
    }

    private static String reglookupValue(HiveValue v) {
        switch (v.type()) {
            case DWORD:
            case DWORD_BIG_ENDIAN:
                return String.format("0x%08X", v.number().orElseThrow());
            case QWORD:
                return String.format("0x%016X", v.number().orElseThrow());
            case SZ:
            case EXPAND_SZ:
                return quote(v.text().orElseThrow(), false);
            case MULTI_SZ:
                List<String> parts = new ArrayList<>();
                for (String s : v.texts()) {
                    parts.add(quote(s, true));
                }
                return String.join("|", parts);
            default:
                byte[] data = v.data();
                if (data.length == 0) {
                    return "(null)";
                }
                StringBuilder b = new StringBuilder();
                for (byte x : data) {
                    b.append((char) (x & 0xff));
                }
                return quote(b.toString(), false);
        }
    }

    /** reglookup's escaping: %XX for control and non-ASCII characters, ',', '%' and '"' (and '|' in MULTI_SZ parts). */
    private static String quote(String s, boolean multi) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c < 0x20 || c > 0x7e || c == ',' || c == '%' || c == '"' || (multi && c == '|')) {
                b.append(String.format("%%%02X", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * regfexport's output reduced to what both can state exactly: key paths and names, value index and name, data
     * size, and the data of string and integer values (regfexport shows the others as a hex dump).
     */
    static List<String> regfexport(Hive hive) throws HiveException {
        List<String> out = new ArrayList<>();
        regfexport(hive.root(), hive.root().name(), out);
        return out;
    }

    private static void regfexport(HiveKey key, String rootName, List<String> out) throws HiveException {
        out.add("Key path: " + (key.path().isEmpty() ? rootName : rootName + "\\" + key.path()));
        out.add("Key: " + key.name());
        int i = 0;
        for (HiveValue v : key.values()) {
            out.add("Value: " + i++ + " " + (v.name().isEmpty() ? "(default)" : v.name()));
            out.add("Data size: " + v.data().length);
            switch (v.type()) {
                case SZ:
                case EXPAND_SZ:
                    out.add("Data: " + v.text().orElseThrow());
                    break;
                case DWORD:
                case QWORD:
                    out.add("Data: " + v.number().orElseThrow());
                    break;
                default:
                    break;
            }
        }
        for (HiveKey sub : key.subkeys()) {
            regfexport(sub, rootName, out);
        }
    }

    /** Normalizes regfexport's output to the lines {@link #regfexport(Hive)} writes. */
    static List<String> normalizeRegfexport(String output) {
        List<String> out = new ArrayList<>();
        String type = "";
        for (String line : output.split("\n", -1)) {
            if (line.startsWith("Key path: ") || line.startsWith("Key: ") || line.startsWith("Value: ")
                || line.startsWith("Data size: ")) {
                out.add(line);
            } else if (line.startsWith("Type: ")) {
                type = line;
            } else if (line.startsWith("Data: ") && (type.contains("(REG_SZ)") || type.contains("(REG_EXPAND_SZ)")
                || type.contains("(REG_DWORD_LITTLE_ENDIAN)") || type.contains("(REG_QWORD_LITTLE_ENDIAN)"))) {
                out.add(line);
            }
        }
        return out;
    }
}
