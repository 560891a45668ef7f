package org.bulwark.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.bulwark.benchmark.api.Benchmark;
import org.bulwark.benchmark.api.BenchmarkRegistry;
import org.bulwark.benchmark.api.Control;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Collector;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * What {@code bulwark plugins} lists, read from the runtime: every collector component and service with its bundle
 * and state as SCR reports it, and the jars of the plug-in folder.
 */
final class PluginInventory {

    private static final String COLLECTOR = Collector.class.getName();

    /** A collector's state: ACTIVE, SATISFIED, UNSATISFIED, FAILED, DISABLED, REGISTERED (not DS) or UNKNOWN. */
    record State(String code, String reason) {

        /** @return the state as {@code plugins} prints it: {@code unsatisfied: no service for reference 'x'} */
        String text() {
            return switch (code) {
                case "REGISTERED" -> "registered (not a DS component)";
                case "UNKNOWN" -> reason;
                default -> code.toLowerCase(Locale.ROOT) + (reason == null ? "" : ": " + reason);
            };
        }
    }

    /** A bundle as listed: symbolic name, version and state (ACTIVE, RESOLVED, INSTALLED…); {@code null}: none. */
    record BundleInfo(String name, String version, String state) {

        String text() {
            return name + " " + version + " (" + state.toLowerCase(Locale.ROOT) + ")";
        }
    }

    /**
     * One collector: its id (the component's name when there is no service), state, bundle, component name (or
     * {@code null} when not DS), and, when the service is there, its category ({@code null} when it fails), the
     * keys it provides and the controls that read them.
     */
    record Entry(String name, State state, BundleInfo bundle, String component, boolean present, Category category,
            Set<String> provides, List<String> controls) {
    }

    /** One jar of the plug-in folder: its file name, its bundle ({@code null} if not installed) and why not. */
    record Jar(String file, BundleInfo bundle, String reason) {
    }

    /** The plug-in folder: its path, its jars, and why it could not be listed ({@code null} if it could). */
    record Folder(String path, List<Jar> jars, String error) {
    }

    private PluginInventory() {
    }

    /** @return every collector, by name */
    static List<Entry> collectors(Services services) throws InvalidSyntaxException {
        BundleContext context = services.context();
        ServiceComponentRuntime scr = services.get(ServiceComponentRuntime.class);
        List<Control> controls = new ArrayList<>();
        for (Benchmark b : services.get(BenchmarkRegistry.class).benchmarks()) {
            controls.addAll(b.controls());
        }
        List<Entry> entries = new ArrayList<>();
        Set<Long> viaDs = new HashSet<>();
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            if (!Arrays.asList(d.serviceInterfaces).contains(COLLECTOR)) {
                continue;
            }
            BundleInfo bundle = info(context.getBundle(d.bundle.id));
            Collection<ComponentConfigurationDTO> configurations = scr.getComponentConfigurationDTOs(d);
            if (!scr.isComponentEnabled(d)) {
                entries.add(entry(d.name, new State("DISABLED", null), bundle, d.name, null, controls));
            } else if (configurations.isEmpty()) {
                entries.add(entry(d.name, new State("UNSATISFIED", "waiting for its configuration "
                        + String.join(", ", d.configurationPid)), bundle, d.name, null, controls));
            }
            for (ComponentConfigurationDTO c : configurations) {
                Collector collector = null;
                if (c.state == ComponentConfigurationDTO.SATISFIED || c.state == ComponentConfigurationDTO.ACTIVE) {
                    for (ServiceReference<Collector> r : context.getServiceReferences(Collector.class,
                            "(component.id=" + c.id + ")")) {
                        viaDs.add((Long) r.getProperty("service.id"));
                        collector = context.getService(r);
                    }
                }
                // Getting the service activates a delayed component (or fails to): SCR's new DTO says so.
                for (ComponentConfigurationDTO now : scr.getComponentConfigurationDTOs(d)) {
                    if (now.id == c.id) {
                        c = now;
                    }
                }
                State state = state(c);
                if (collector == null && (c.state == ComponentConfigurationDTO.SATISFIED
                        || c.state == ComponentConfigurationDTO.ACTIVE)) {
                    state = new State("FAILED", "the component could not be activated (its class could not be "
                            + "loaded or created; the runtime log says why)");
                }
                entries.add(entry(collector == null ? d.name : safeId(collector), state, bundle, d.name, collector,
                        controls));
            }
        }
        // Collectors registered without DS (by an activator or a test) have no SCR state of their own.
        for (ServiceReference<Collector> r : context.getServiceReferences(Collector.class, null)) {
            if (!viaDs.contains((Long) r.getProperty("service.id"))) {
                Collector collector = context.getService(r);
                entries.add(entry(collector == null ? "?" : safeId(collector), new State("REGISTERED", null),
                        info(r.getBundle()), null, collector, controls));
            }
        }
        entries.sort(Comparator.comparing(Entry::name));
        return entries;
    }

    private static Entry entry(String name, State state, BundleInfo bundle, String component, Collector collector,
            List<Control> controls) {
        if (collector == null) {
            return new Entry(name, state, bundle, component, false, null, Set.of(), List.of());
        }
        Set<String> provides = new TreeSet<>(safeProvides(collector));
        List<String> reading = controls.stream()
                .filter(c -> c.keys().stream().anyMatch(k -> provides.stream().anyMatch(p -> Collector.covers(p, k))))
                .map(Control::id).toList();
        return new Entry(name, state, bundle, component, true, safeCategory(collector), provides, reading);
    }

    /** @return the plug-in folder ({@code felix.fileinstall.dir}) and its jars, or {@code null} when there is none */
    static Folder folder(BundleContext context) {
        String folder = context.getProperty("felix.fileinstall.dir");
        if (folder == null) {
            return null;
        }
        String prefix = Path.of(folder).toUri().toString();
        List<Bundle> dropped = Arrays.stream(context.getBundles())
                .filter(b -> b.getLocation().startsWith(prefix)
                        || b.getLocation().startsWith("file:" + folder + "/")
                        || b.getLocation().startsWith("file:" + folder + java.io.File.separator))
                .sorted(Comparator.comparing(Bundle::getLocation)).toList();
        List<Jar> jars = new ArrayList<>();
        for (Bundle b : dropped) {
            jars.add(new Jar(fileName(b.getLocation()), info(b), b.getState() == Bundle.INSTALLED
                    ? "not resolved: a package it imports is missing" : null));
        }
        // Jars that are no bundle: refused (--require-signed-plugins says why on stderr) or not a bundle.
        try (var files = Files.list(Path.of(folder))) {
            for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                String uri = jar.toUri().normalize().toString();
                if (dropped.stream().noneMatch(b -> b.getLocation().equals(uri)
                        || b.getLocation().equals("file:" + jar))) {
                    jars.add(new Jar(jar.getFileName().toString(), null, "refused, or not an OSGi bundle"));
                }
            }
        } catch (java.io.IOException e) {
            return new Folder(folder, jars, e.getMessage());
        }
        return new Folder(folder, jars, null);
    }

    static State state(ComponentConfigurationDTO c) {
        return switch (c.state) {
            case ComponentConfigurationDTO.ACTIVE -> new State("ACTIVE", null);
            case ComponentConfigurationDTO.SATISFIED -> new State("SATISFIED", null);
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION ->
                new State("UNSATISFIED", "configuration missing");
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> new State("UNSATISFIED", Arrays
                    .stream(c.unsatisfiedReferences).map(PluginInventory::unsatisfied)
                    .collect(Collectors.joining("; ")));
            case ComponentConfigurationDTO.FAILED_ACTIVATION -> new State("FAILED", c.failure);
            default -> new State("UNKNOWN", "state " + c.state);
        };
    }

    private static String unsatisfied(UnsatisfiedReferenceDTO r) {
        return "no service for reference '" + r.name + "'" + (r.target == null ? "" : " matching " + r.target);
    }

    private static BundleInfo info(Bundle b) {
        return b == null ? null : new BundleInfo(b.getSymbolicName(), b.getVersion().toString(),
                bundleState(b.getState()));
    }

    private static String bundleState(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.STARTING -> "STARTING";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }

    private static String fileName(String location) {
        int slash = location.lastIndexOf('/');
        return slash < 0 ? location : location.substring(slash + 1);
    }

    private static String safeId(Collector c) {
        try {
            return c.id();
        } catch (RuntimeException e) {
            return c.getClass().getName();
        }
    }

    private static Category safeCategory(Collector c) {
        try {
            return c.category();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Set<String> safeProvides(Collector c) {
        try {
            return Set.copyOf(c.provides());
        } catch (RuntimeException e) {
            return Set.of();
        }
    }
}
