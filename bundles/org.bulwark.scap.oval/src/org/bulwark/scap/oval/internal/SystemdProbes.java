package org.bulwark.scap.oval.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.ObservationState;
import org.bulwark.linux.SystemdUnits;
import org.bulwark.linux.TargetFiles;
import org.bulwark.linux.TextFile;
import org.bulwark.linux.UnreadableException;
import org.bulwark.scap.OvalElement;
import org.bulwark.scap.oval.OvalItem;
import org.bulwark.scap.oval.OvalOutcome;

/**
 * linux {@code systemdunitproperty} and {@code systemdunitdependency}, from the target's unit files only (no
 * D-Bus, so the same for live and offline targets): the units are those with a unit file on
 * {@link SystemdUnits#UNIT_DIRS}. Properties read from files: {@code Id}, {@code LoadState} ({@code loaded} or
 * {@code masked}), {@code UnitFileState} ({@code enabled}, {@code disabled}, {@code static}, {@code masked}) and
 * {@code FragmentPath}; any other property (e.g. {@code ActiveState}, which only the running systemd knows) is not
 * collected. A unit's dependencies are the transitive closure of {@code Requires=}, {@code Requisite=},
 * {@code Wants=} and {@code BindsTo=} in its unit file and drop-ins and of its {@code .wants}/{@code .requires}
 * directories, at most {@value #MAX_UNITS} units.
 */
final class SystemdProbes {

    static final int MAX_UNITS = 10_000;

    private static final Set<String> FILE_PROPERTIES = Set.of("Id", "LoadState", "UnitFileState", "FragmentPath");
    private static final Set<String> DEPENDENCY_KEYS = Set.of("Requires", "Requisite", "Wants", "BindsTo");

    private SystemdProbes() {
    }

    static Collected unitProperty(OvalElement object, Run run) {
        Spec unit = run.objects().spec(object, "unit").orElseThrow(() -> new OvalError(Run.where(object) + ": no unit"));
        Spec property = run.objects().spec(object, "property")
                .orElseThrow(() -> new OvalError(Run.where(object) + ": no property"));
        if (!property.exact()) {
            throw new OvalError(OvalOutcome.UNKNOWN, Run.where(object) + ": only named properties are read");
        }
        for (String p : property.values()) {
            if (!FILE_PROPERTIES.contains(p)) {
                throw new OvalError(OvalOutcome.UNKNOWN, "systemd property " + p
                        + " is known only to the running systemd (D-Bus), which is not queried");
            }
        }
        List<OvalItem> items = new ArrayList<>();
        for (String u : units(unit, run)) {
            Observation state = SystemdUnits.observeState(run.root(), "oval.systemd", u);
            if (state.state() == ObservationState.UNREADABLE) {
                throw new OvalError(u + ": " + state.reason());
            }
            if (state.state() != ObservationState.PRESENT) {
                continue;
            }
            String fragment = fragment(run, u).orElse("");
            for (String p : property.values()) {
                String value = switch (p) {
                case "Id" -> u;
                case "LoadState" -> state.value().equals("masked") ? "masked" : "loaded";
                case "UnitFileState" -> state.value();
                default -> fragment;
                };
                Map<String, List<String>> f = new LinkedHashMap<>();
                f.put("unit", List.of(u));
                f.put("property", List.of(p));
                f.put("value", List.of(value));
                items.add(new OvalItem("systemdunitproperty_item", f));
            }
        }
        return Collected.of(items);
    }

    static Collected unitDependency(OvalElement object, Run run) {
        Spec unit = run.objects().spec(object, "unit").orElseThrow(() -> new OvalError(Run.where(object) + ": no unit"));
        List<OvalItem> items = new ArrayList<>();
        for (String u : units(unit, run)) {
            Set<String> deps = new LinkedHashSet<>();
            Deque<String> todo = new ArrayDeque<>(direct(run, u));
            while (!todo.isEmpty()) {
                String d = todo.poll();
                if (d.equals(u) || !deps.add(d)) {
                    continue;
                }
                if (deps.size() > MAX_UNITS) {
                    throw new OvalError("more than " + MAX_UNITS + " dependencies of " + u);
                }
                todo.addAll(direct(run, d));
            }
            Map<String, List<String>> f = new LinkedHashMap<>();
            f.put("unit", List.of(u));
            f.put("dependency", List.copyOf(deps));
            items.add(new OvalItem("systemdunitdependency_item", f));
        }
        return Collected.of(items);
    }

    /** @return the units with a unit file (or mask) that the entity selects, sorted */
    private static List<String> units(Spec unit, Run run) {
        Set<String> all = run.fact("systemd-units", () -> {
            Set<String> names = new TreeSet<>();
            for (String dir : SystemdUnits.UNIT_DIRS) {
                for (String name : TargetPaths.list(run, dir)) {
                    if (name.contains(".") && !name.endsWith(".wants") && !name.endsWith(".requires")
                            && !name.endsWith(".d")) {
                        names.add(name);
                    }
                }
            }
            return names;
        });
        List<String> out = new ArrayList<>();
        for (String u : all) {
            if (unit.selects(u, run.regexes())) {
                out.add(u);
            }
        }
        return out;
    }

    private static Optional<String> fragment(Run run, String unit) {
        try {
            return SystemdUnits.unitFile(run.root(), unit);
        } catch (UnreadableException e) {
            throw new OvalError(e.path() + ": " + e.reason());
        }
    }

    /** @return the units {@code unit} names directly as dependencies, read once per run */
    private static List<String> direct(Run run, String unit) {
        return run.fact("systemd-deps:" + unit, () -> {
            Set<String> out = new LinkedHashSet<>();
            List<String> files = new ArrayList<>();
            fragment(run, unit).ifPresent(files::add);
            for (String dir : SystemdUnits.UNIT_DIRS) {
                String dropIns = TargetFiles.child(dir, unit + ".d");
                for (String name : TargetPaths.list(run, dropIns)) {
                    if (name.endsWith(".conf")) {
                        files.add(TargetFiles.child(dropIns, name));
                    }
                }
                for (String suffix : List.of(".wants", ".requires")) {
                    out.addAll(TargetPaths.list(run, TargetFiles.child(dir, unit + suffix)));
                }
            }
            for (String file : files) {
                Optional<TextFile> text;
                try {
                    text = TargetFiles.read(run.root(), file);
                } catch (UnreadableException e) {
                    throw new OvalError(e.path() + ": " + e.reason());
                }
                for (TextFile.Line line : text.map(t -> t.content("#", ";")).orElse(List.of())) {
                    int eq = line.text().indexOf('=');
                    if (eq > 0 && DEPENDENCY_KEYS.contains(line.text().substring(0, eq).strip())) {
                        for (String dep : line.text().substring(eq + 1).strip().split("\\s+")) {
                            if (!dep.isEmpty()) {
                                out.add(dep);
                            }
                        }
                    }
                }
            }
            return List.copyOf(out);
        });
    }
}
