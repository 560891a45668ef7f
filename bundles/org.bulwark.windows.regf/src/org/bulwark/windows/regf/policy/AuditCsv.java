package org.bulwark.windows.regf.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The advanced audit policy file {@code audit.csv} of a GPO ({@code Machine\Microsoft\Windows NT\Audit\audit.csv}):
 * a header line {@code Machine Name,Policy Target,Subcategory,Subcategory GUID,Inclusion Setting,Exclusion
 * Setting,Setting Value}, then one row per subcategory (also {@code Option:…} and global SACL rows). Fields may be
 * quoted with {@code "} ({@code ""} inside for a quote).
 */
public final class AuditCsv {
    private static final int FIELDS = 7;

    /** One row: subcategory name (e.g. "Audit Credential Validation"), its GUID, the settings, its line. */
    public record Row(String machineName, String policyTarget, String subcategory, String guid, String inclusion,
        String exclusion, String settingValue, int line) {
        public Row {
            Objects.requireNonNull(subcategory, "subcategory");
        }

        /**
         * The setting value as a number (0 none, 1 success, 2 failure, 3 both for subcategories); empty when it is
         * not a decimal number.
         */
        public OptionalInt setting() {
            try {
                return OptionalInt.of(Integer.parseInt(settingValue.strip()));
            } catch (NumberFormatException e) {
                return OptionalInt.empty();
            }
        }
    }

    private AuditCsv() {
    }

    public static List<Row> parse(byte[] bytes, String name) throws PolicyFileException {
        List<String> lines = Text.lines(Text.decode(bytes, name));
        List<Row> rows = new ArrayList<>();
        boolean header = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int number = i + 1;
            if (line.isBlank()) {
                continue;
            }
            List<String> f = fields(line, name, number);
            if (!header) {
                if (!f.get(0).strip().equalsIgnoreCase("Machine Name")) {
                    throw PolicyFileException.atLine(name, number, "no audit.csv header (Machine Name,…)");
                }
                header = true;
                continue;
            }
            if (f.size() != FIELDS) {
                throw PolicyFileException.atLine(name, number, f.size() + " fields, expected " + FIELDS);
            }
            rows.add(new Row(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5), f.get(6), number));
        }
        return List.copyOf(rows);
    }

    private static List<String> fields(String line, String name, int number) throws PolicyFileException {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw PolicyFileException.atLine(name, number, "an unterminated quoted field");
        }
        out.add(cur.toString());
        return out;
    }
}
