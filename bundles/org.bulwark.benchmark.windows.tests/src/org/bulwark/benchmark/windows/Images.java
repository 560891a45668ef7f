package org.bulwark.benchmark.windows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bulwark.benchmark.api.Benchmark;
import org.bulwark.benchmark.api.Control;
import org.bulwark.benchmark.api.Expectation;
import org.bulwark.windows.settings.Origin;
import org.bulwark.windows.settings.Setting;
import org.bulwark.windows.settings.SettingSource;
import org.bulwark.windows.testing.HiveBuilder;
import org.bulwark.windows.testing.PolicyBlobs;
import org.bulwark.windows.testing.WindowsImages;

/**
 * Scenario images for the baseline: a compliant image whose every catalogue setting is set, through one chosen kind
 * of source, to a value the baseline's control for it accepts; the security policy in SAM and SECURITY; the edition.
 */
final class Images {

    static final String ENROLLMENT = "9A3D8E44-1B2C-4D5E-8F60-718293A4B5C6";

    private Images() {
    }

    /** The hives of one image being written. */
    static final class Hives {
        final HiveBuilder software = new HiveBuilder();
        final HiveBuilder system = new HiveBuilder();
        final Map<String, StringBuilder> lists = new LinkedHashMap<>();

        Hives(String build, String installationType) {
            software.key("Microsoft\\Windows NT\\CurrentVersion").sz("ProductName", "Windows 10 Enterprise")
                    .sz("CurrentBuild", build).dword("UBR", 2605).sz("DisplayVersion", "24H2")
                    .sz("InstallationType", installationType).sz("EditionID", "Enterprise");
            system.key("Select").dword("Current", 1).key("ControlSet001\\Control");
        }

        void set(SettingSource s, String raw) {
            HiveBuilder h = s.hive().equals("SYSTEM") ? system : software;
            String path = s.hive().equals("SYSTEM") ? s.path().replaceFirst("^CurrentControlSet", "ControlSet001") : s.path();
            if (s.value().contains("#")) {
                String name = s.value().substring(0, s.value().indexOf('#'));
                StringBuilder b = lists.computeIfAbsent(path + "\u0000" + name, k -> new StringBuilder());
                b.append(b.length() == 0 ? "" : "|").append(s.value().substring(s.value().indexOf('#') + 1)).append('=')
                        .append(raw);
                return;
            }
            h.key(path);
            if (raw.matches("-?[0-9]{1,10}") && Long.parseLong(raw) <= 0xFFFFFFFFL) {
                h.dword(s.value(), (int) Long.parseLong(raw));
            } else {
                h.sz(s.value(), raw);
            }
            if (s.origin() == Origin.MDM) {
                h.sz(s.value() + "_WinningProvider", ENROLLMENT);
            }
        }

        void write(Path root, boolean securityPolicy) throws IOException {
            for (Map.Entry<String, StringBuilder> e : lists.entrySet()) {
                String[] pv = e.getKey().split("\u0000");
                software.key(pv[0]).sz(pv[1], e.getValue().toString()).sz(pv[1] + "_WinningProvider", ENROLLMENT);
            }
            Path cfg = Files.createDirectories(root.resolve("Windows/System32/config"));
            software.write(cfg.resolve("SOFTWARE"));
            system.write(cfg.resolve("SYSTEM"));
            HiveBuilder sam = new HiveBuilder().key("SAM\\Domains\\Account");
            HiveBuilder security = new HiveBuilder().key("Policy");
            if (securityPolicy) {
                sam.binary("F", PolicyBlobs.domainF(14, 24, Duration.ofDays(365), Duration.ofDays(1), Duration.ofMinutes(15),
                        Duration.ofMinutes(15), true, 5)).key("SAM\\Domains\\Account\\Users\\000001F4")
                        .binary("F", PolicyBlobs.userF(0x0011)).binary("V", PolicyBlobs.userV("Bulwark-Admin"))
                        .key("SAM\\Domains\\Account\\Users\\000001F5")
                        .binary("F", PolicyBlobs.userF(0x0011)).binary("V", PolicyBlobs.userV("Visitor"));
                security.key("Policy\\PolAdtEv").binary("", PolicyBlobs.polAdtEv(PolicyBlobs.polAdtEvLayout(3)));
                WindowsImages.compliantRights(security);
            }
            sam.write(cfg.resolve("SAM"));
            security.write(cfg.resolve("SECURITY"));
        }
    }

    /**
     * Writes an image where every setting that has a source of {@code origin} (GPO: the Group Policy source, else the
     * local one, else MDM) holds a value that the baseline's check of its key accepts.
     *
     * @return the ids of the settings written
     */
    static List<String> compliant(Path root, Benchmark baseline, List<Setting> settings, Origin origin, boolean policy)
            throws IOException {
        Hives h = new Hives("26100", "Client");
        List<String> written = new ArrayList<>();
        for (Setting s : settings) {
            SettingSource src = origin == Origin.MDM ? s.source(Origin.MDM)
                    : Optional.ofNullable(s.source(Origin.GPO)).or(() -> Optional.ofNullable(s.source(Origin.LOCAL)))
                            .orElse(s.source(Origin.MDM));
            if (src == null) {
                continue;
            }
            String value = accepted(baseline, s.key());
            String raw = value;
            if (!src.mapping().isEmpty()) {
                raw = src.mapping().entrySet().stream().filter(e -> e.getValue().equals(value)).map(Map.Entry::getKey)
                        .findFirst().orElseThrow(() -> new AssertionError(s.id() + ": no raw value maps to " + value));
            }
            h.set(src, raw);
            written.add(s.id());
        }
        h.write(root, policy);
        return written;
    }

    /** Writes the edition only, with empty hives otherwise. */
    static void bare(Path root, String build, String installationType) throws IOException {
        new Hives(build, installationType).write(root, false);
    }

    /** @return a value of {@code key} that every control reading it accepts (tried among their operands) */
    static String accepted(Benchmark baseline, String key) {
        List<Expectation> uses = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        for (Control c : baseline.controls()) {
            if (c.expect().keys().contains(key)) {
                uses.add(c.expect());
                operands(c.expect(), key, candidates);
            }
        }
        for (String v : candidates) {
            if (uses.stream().allMatch(e -> holds(e, key, v))) {
                return v;
            }
        }
        throw new AssertionError("no value of " + key + " satisfies " + uses);
    }

    private static void operands(Expectation e, String key, List<String> out) {
        if (e instanceof Expectation.Check c) {
            if (c.key().equals(key)) {
                out.addAll(c.operands());
            }
        } else if (e instanceof Expectation.All a) {
            a.parts().forEach(p -> operands(p, key, out));
        } else if (e instanceof Expectation.Any a) {
            a.parts().forEach(p -> operands(p, key, out));
        }
    }

    /** Checks of other keys count as holding: only {@code key}'s value is chosen here. */
    private static boolean holds(Expectation e, String key, String v) {
        if (e instanceof Expectation.Check c) {
            if (!c.key().equals(key)) {
                return true;
            }
            return switch (c.operator()) {
                case EQUALS -> v.equals(c.operands().get(0));
                case ONE_OF -> c.operands().contains(v);
                case GE -> Long.parseLong(v) >= Long.parseLong(c.operands().get(0));
                case LE -> Long.parseLong(v) <= Long.parseLong(c.operands().get(0));
                default -> throw new AssertionError("no compliant value chosen for " + c.describe());
            };
        }
        if (e instanceof Expectation.All a) {
            return a.parts().stream().allMatch(p -> holds(p, key, v));
        }
        if (e instanceof Expectation.Any a) {
            return a.parts().stream().anyMatch(p -> holds(p, key, v));
        }
        throw new AssertionError("unexpected " + e);
    }
}
