package org.bulwark.windows.settings.internal;

import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.bulwark.windows.api.Hkey;
import org.bulwark.windows.api.PolFileEntry;
import org.bulwark.windows.api.PolicyFileView;
import org.bulwark.windows.api.RegKind;
import org.bulwark.windows.api.RegPath;
import org.bulwark.windows.api.RegValue;
import org.bulwark.windows.api.TemplateEntry;
import org.bulwark.windows.api.WindowsReadException;
import org.bulwark.windows.api.WindowsTarget;
import org.bulwark.windows.settings.LookupException;
import org.bulwark.windows.settings.RegistryLookup;

/**
 * A {@link RegistryLookup} over a Windows target's views: values from its {@link org.bulwark.windows.api.RegistryView},
 * Group Policy attribution from the local GPO's Registry.pol ({@code Software\…} and {@code System\…} records)
 * and the {@code [Registry Values]} of the applied security templates ({@code MACHINE\System\…}), each read once.
 * Thread-safe.
 */
final class ViewLookup implements RegistryLookup {

    /** The largest value shown as text; longer data is cut (observations hold at most 64 KiB). */
    static final int MAX_TEXT = 4096;

    private final WindowsTarget target;
    private List<PolFileEntry> pol;
    private List<TemplateEntry> templates;

    ViewLookup(WindowsTarget target) {
        this.target = target;
    }

    private static RegPath key(String hive, String path) {
        return RegPath.of(Hkey.valueOf(hive), path);
    }

    @Override
    public Optional<String> read(String hive, String path, String value) throws LookupException {
        String name = value;
        String item = null;
        int hash = value.indexOf('#');
        if (hash >= 0) {
            name = value.substring(0, hash);
            item = value.substring(hash + 1);
        }
        Optional<RegValue> v;
        try {
            v = target.registry().value(key(hive, path), name);
        } catch (WindowsReadException e) {
            throw new LookupException(e.getMessage());
        }
        Optional<String> text = v.map(ViewLookup::text);
        if (item == null) {
            return text;
        }
        String wanted = item;
        return text.flatMap(t -> item(t, wanted));
    }

    /** @return the setting of {@code item} in {@code a=1|b=2} (also {@code a=1\u0000b=2}, as MULTI_SZ) */
    static Optional<String> item(String list, String item) {
        for (String pair : list.split("[|\u0000]")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).strip().equalsIgnoreCase(item)) {
                return Optional.of(pair.substring(eq + 1).strip());
            }
        }
        return Optional.empty();
    }

    static String text(RegValue v) {
        String out;
        if (v.kind() == RegKind.MULTI_SZ) {
            out = String.join("|", v.texts());
        } else if (v.number().isPresent()) {
            out = Long.toString(v.number().getAsLong());
        } else if (v.text().isPresent()) {
            out = v.text().get();
        } else {
            byte[] b = v.bytes();
            out = HexFormat.of().formatHex(b, 0, Math.min(b.length, MAX_TEXT / 2));
        }
        return out.length() > MAX_TEXT ? out.substring(0, MAX_TEXT) : out;
    }

    @Override
    public String where(String hive, String path) {
        return target.registry().where(key(hive, path));
    }

    @Override
    public boolean stale(String hive) {
        return target.registry().stale(Hkey.valueOf(hive));
    }

    /** The policy files are read once per lookup (one lookup serves one collector run). */
    private synchronized List<PolFileEntry> pol() {
        if (pol == null) {
            pol = target.policyFiles().registryPol(PolicyFileView.Scope.MACHINE).items();
        }
        return pol;
    }

    private synchronized List<TemplateEntry> templates() {
        if (templates == null) {
            templates = target.policyFiles().securityTemplates().items();
        }
        return templates;
    }

    @Override
    public Optional<String> policyFile(String hive, String path, String value) {
        String name = value.contains("#") ? value.substring(0, value.indexOf('#')) : value;
        String top = switch (hive) {
            case "SOFTWARE" -> "Software\\";
            case "SYSTEM" -> "System\\";
            default -> null;
        };
        if (top == null) {
            return Optional.empty();
        }
        String full = top + path;
        for (PolFileEntry e : pol()) {
            if (e.key().equalsIgnoreCase(full) && e.value().name().equalsIgnoreCase(name)) {
                return Optional.of(e.file());
            }
        }
        String templateKey = ("MACHINE\\" + full + "\\" + name).toLowerCase(Locale.ROOT);
        for (TemplateEntry e : templates()) {
            if (e.section().equalsIgnoreCase("Registry Values")
                    && e.key().toLowerCase(Locale.ROOT).equals(templateKey)) {
                return Optional.of(e.file());
            }
        }
        return Optional.empty();
    }
}
