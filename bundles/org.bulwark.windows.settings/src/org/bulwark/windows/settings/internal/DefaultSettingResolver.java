package org.bulwark.windows.settings.internal;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.ObservationState;
import org.bulwark.collector.api.Source;
import org.bulwark.collector.api.SourceKind;
import org.bulwark.windows.api.WindowsTarget;
import org.bulwark.windows.settings.CatalogException;
import org.bulwark.windows.settings.LookupException;
import org.bulwark.windows.settings.Origin;
import org.bulwark.windows.settings.RegistryLookup;
import org.bulwark.windows.settings.Setting;
import org.bulwark.windows.settings.SettingResolver;
import org.bulwark.windows.settings.SettingSource;
import org.osgi.service.component.annotations.Component;

/**
 * The precedence of the Windows policy sources (MS Policy CSP, ControlPolicyConflict):
 * <ol>
 * <li>MDM and Group Policy both set the value, the policy is eligible and {@code MDMWinsOverGP = 1}: MDM wins.</li>
 * <li>Both set the same value: that value (components read the Group Policy-backed value; MDM is listed).</li>
 * <li>Both set different values otherwise: a conflict whose winner cannot be known; both values are reported.</li>
 * <li>Only MDM: MDM. Only Group Policy: Group Policy. Then the local value, then the documented default.</li>
 * </ol>
 * A hive that cannot be read makes the setting UNREADABLE (its controls ERROR): the other sources, and the default,
 * are never used in its place, as the unread one might have won.
 * Stateless and thread-safe.
 */
@Component(service = SettingResolver.class)
public final class DefaultSettingResolver implements SettingResolver {

    static final String STALE = "possibly stale (unapplied .LOG1/.LOG2)";

    /** One source's value as read, in raw and canonical form. */
    private record Read(SettingSource spec, String raw, String value, Source source) {
        boolean mapped() {
            return value != null;
        }

        String shown() {
            return mapped() ? value : raw;
        }
    }

    @Override
    public Observation resolve(Setting setting, RegistryLookup lookup) {
        try {
            return resolveOrFail(setting, lookup);
        } catch (Unreadable u) {
            return Observation.unreadable(setting.key(), new Source(SourceKind.POLICY, location(u.spec(), lookup), 0,
                    null), u.getMessage());
        }
    }

    /** A source whose hive could not be read: the whole setting is unreadable, never resolved from the others. */
    private static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient SettingSource spec;

        Unreadable(SettingSource spec, LookupException cause) {
            super(cause.getMessage(), cause);
            this.spec = spec;
        }

        SettingSource spec() {
            return spec;
        }
    }

    private Observation resolveOrFail(Setting setting, RegistryLookup lookup) throws Unreadable {
        List<String> notes = new ArrayList<>();
        Read mdm = read(setting, Origin.MDM, lookup, notes);
        Read gpo = read(setting, Origin.GPO, lookup, notes);
        Read local = read(setting, Origin.LOCAL, lookup, notes);
        String key = setting.key();
        Read unmapped = firstUnmapped(mdm, gpo, local);
        if (unmapped != null) {
            notes.add(0, "value " + unmapped.raw() + " at " + unmapped.spec().display()
                    + " is not one this setting knows (expected one of "
                    + String.join(", ", unmapped.spec().mapping().keySet().stream().sorted().toList()) + ")");
            return Observation.unparseable(key, unmapped.source(), String.join("; ", notes));
        }
        if (mdm != null && gpo != null) {
            boolean mdmWins = setting.mdmWinsEligible()
                    && "1".equals(get(lookup, mdm.spec(), "SOFTWARE", CONTROL_POLICY_CONFLICT, "MDMWinsOverGP"));
            if (mdmWins) {
                return winner(key, mdm, notes, other(gpo, "overridden by MDM (MDMWinsOverGP=1)"),
                        other(local, "overridden by MDM"));
            }
            if (mdm.value().equals(gpo.value())) {
                return winner(key, gpo, notes, other(mdm, "MDM sets the same value"),
                        other(local, "overridden by Group Policy"));
            }
            String why = setting.mdmWinsEligible()
                    ? "MDMWinsOverGP is not 1, and a component that reads PolicyManager directly decides itself"
                    : "MDMWinsOverGP does not apply to this policy, and Windows gives no guarantee which one wins";
            notes.add(0, "conflict: MDM sets " + mdm.value() + ", Group Policy sets " + gpo.value()
                    + "; which one applies is indeterminate (" + why + "); compliant only if both values comply");
            List<Observation.Other> others = new ArrayList<>();
            others.add(new Observation.Other(gpo.value(), gpo.source(), "conflicts with MDM"));
            Observation.Other l = other(local, "overridden by MDM or Group Policy");
            if (l != null) {
                others.add(l);
            }
            return new Observation(key, ObservationState.PRESENT, List.of(mdm.value(), gpo.value()), mdm.source(),
                    String.join("; ", notes), others);
        }
        if (mdm != null) {
            return winner(key, mdm, notes, other(local, "overridden by MDM"));
        }
        if (gpo != null) {
            return winner(key, gpo, notes, other(local, "overridden by Group Policy"));
        }
        if (local != null) {
            return winner(key, local, notes);
        }
        String reason = notes.isEmpty() ? null : String.join("; ", notes);
        if (setting.defaultValue() != null) {
            return new Observation(key, ObservationState.PRESENT, List.of(setting.defaultValue()),
                    Source.builtInDefault(setting.defaultOwner()), reason, List.of());
        }
        SettingSource tried = setting.sources().isEmpty() ? null : setting.sources().get(0);
        Source where = tried == null ? null : new Source(SourceKind.POLICY, location(tried, lookup), 0, null);
        notes.add(0, "not set by MDM, Group Policy or locally, and no documented default");
        return Observation.absent(key, where, String.join("; ", notes));
    }

    private static Read firstUnmapped(Read... reads) {
        for (Read r : reads) {
            if (r != null && !r.mapped()) {
                return r;
            }
        }
        return null;
    }

    private static Observation winner(String key, Read win, List<String> notes, Observation.Other... losers) {
        List<Observation.Other> others = new ArrayList<>();
        for (Observation.Other o : losers) {
            if (o != null) {
                others.add(o);
            }
        }
        return new Observation(key, ObservationState.PRESENT, List.of(win.value()), win.source(),
                notes.isEmpty() ? null : String.join("; ", notes), others);
    }

    private static Observation.Other other(Read r, String note) {
        return r == null ? null : new Observation.Other(r.shown(), r.source(), note);
    }

    private static String get(RegistryLookup lookup, SettingSource spec, String hive, String path, String value)
            throws Unreadable {
        try {
            return lookup.read(hive, path, value).orElse(null);
        } catch (LookupException e) {
            throw new Unreadable(spec, e);
        }
    }

    private static Read read(Setting setting, Origin origin, RegistryLookup lookup, List<String> notes)
            throws Unreadable {
        SettingSource spec = setting.source(origin);
        if (spec == null) {
            return null;
        }
        Optional<String> raw = Optional.ofNullable(get(lookup, spec, spec.hive(), spec.path(), spec.value()));
        if (raw.isEmpty()) {
            return null;
        }
        String value = spec.mapping().isEmpty() ? raw.get() : spec.mapping().get(raw.get());
        StringBuilder detail = new StringBuilder();
        SourceKind kind = SourceKind.POLICY;
        switch (origin) {
            case MDM -> {
                detail.append("MDM");
                String base = spec.value().contains("#") ? spec.value().substring(0, spec.value().indexOf('#'))
                        : spec.value();
                String guid = get(lookup, spec, spec.hive(), spec.path(), base + "_WinningProvider");
                if (guid != null) {
                    detail.append(", enrollment ").append(guid);
                }
            }
            case GPO -> {
                detail.append("Group Policy");
                lookup.policyFile(spec.hive(), spec.path(), spec.value())
                        .ifPresent(f -> detail.append(", set by ").append(f));
            }
            case LOCAL -> {
                kind = SourceKind.FILE;
                detail.append("local setting");
                lookup.policyFile(spec.hive(), spec.path(), spec.value())
                        .ifPresent(f -> detail.append(", set by Group Policy in ").append(f));
            }
        }
        if (lookup.stale(spec.hive())) {
            detail.append("; ").append(STALE);
            String note = spec.hive() + " hive " + STALE;
            if (!notes.contains(note)) {
                notes.add(note);
            }
        }
        return new Read(spec, raw.get(), value, new Source(kind, location(spec, lookup), 0, detail.toString()));
    }

    private static String location(SettingSource spec, RegistryLookup lookup) {
        return lookup.where(spec.hive(), spec.path()) + " " + spec.value();
    }

    @Override
    public RegistryLookup lookup(WindowsTarget target) {
        return new ViewLookup(target);
    }

    @Override
    public List<Setting> read(String origin, InputStream in) throws CatalogException {
        return new CatalogReader(origin).read(in);
    }
}
