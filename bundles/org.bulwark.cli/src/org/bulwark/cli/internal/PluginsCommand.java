package org.bulwark.cli.internal;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.bulwark.benchmark.api.Benchmark;
import org.bulwark.benchmark.api.BenchmarkRegistry;
import org.bulwark.benchmark.api.Control;
import org.bulwark.collector.api.Collector;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code bulwark plugins}: every collector component and service in the runtime, with its bundle, version and
 * state as SCR reports it (active, satisfied, unsatisfied and why, failed and why), and the controls that read
 * its keys; then the bundles of the plug-in folder.
 */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = { "List the installed collectors: bundle, version, state (from the DS runtime: active, "
                + "unsatisfied and why, failed and why) and the controls that read their keys; then the jars "
                + "of the plug-in folder and their state." })
final class PluginsCommand implements Callable<Integer> {

    private static final String COLLECTOR = Collector.class.getName();

    private final Services services;

    @Spec
    CommandSpec spec;

    PluginsCommand(Services services) {
        this.services = services;
    }

    /** One collector as listed. */
    record Entry(String name, String state, Bundle bundle, String component, Collector collector) {
    }

    @Override
    public Integer call() throws InvalidSyntaxException {
        BundleContext context = services.context();
        ServiceComponentRuntime scr = services.get(ServiceComponentRuntime.class);
        List<Control> controls = new ArrayList<>();
        for (Benchmark b : services.get(BenchmarkRegistry.class).benchmarks()) {
            controls.addAll(b.controls());
        }
        List<Entry> entries = new ArrayList<>();
        Set<Long> viaDs = new java.util.HashSet<>();
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            if (!Arrays.asList(d.serviceInterfaces).contains(COLLECTOR)) {
                continue;
            }
            Bundle bundle = context.getBundle(d.bundle.id);
            Collection<ComponentConfigurationDTO> configurations = scr.getComponentConfigurationDTOs(d);
            if (!scr.isComponentEnabled(d)) {
                entries.add(new Entry(d.name, "disabled", bundle, d.name, null));
            } else if (configurations.isEmpty()) {
                entries.add(new Entry(d.name, "unsatisfied: waiting for its configuration "
                        + String.join(", ", d.configurationPid), bundle, d.name, null));
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
                String state = state(c);
                if (collector == null && (c.state == ComponentConfigurationDTO.SATISFIED
                        || c.state == ComponentConfigurationDTO.ACTIVE)) {
                    state = "failed: the component could not be activated (its class could not be loaded or"
                            + " created; the runtime log says why)";
                }
                entries.add(new Entry(collector == null ? d.name : safeId(collector), state, bundle, d.name,
                        collector));
            }
        }
        // Collectors registered without DS (by an activator or a test) have no SCR state of their own.
        for (ServiceReference<Collector> r : context.getServiceReferences(Collector.class, null)) {
            if (!viaDs.contains((Long) r.getProperty("service.id"))) {
                Collector collector = context.getService(r);
                entries.add(new Entry(collector == null ? "?" : safeId(collector),
                        "registered (not a DS component)", r.getBundle(), null, collector));
            }
        }
        entries.sort(Comparator.comparing(Entry::name));

        PrintWriter out = spec.commandLine().getOut();
        for (Entry e : entries) {
            out.printf("%s  [%s]%n", e.name(), e.state());
            out.printf("  bundle:    %s%n", describe(e.bundle()));
            if (e.component() != null) {
                out.printf("  component: %s%n", e.component());
            }
            if (e.collector() != null) {
                Set<String> provides = safeProvides(e.collector());
                List<String> reading = controls.stream()
                        .filter(c -> c.keys().stream()
                                .anyMatch(k -> provides.stream().anyMatch(p -> Collector.covers(p, k))))
                        .map(Control::id).toList();
                out.printf("  category:  %s%n", safeCategory(e.collector()));
                out.printf("  provides:  %s%n", String.join(", ", new TreeSet<>(provides)));
                out.printf("  controls:  %s%n", reading.isEmpty() ? "(none installed read its keys)"
                        : reading.size() + ": " + String.join(", ", reading));
            }
        }
        out.printf("%d collectors%n", entries.size());

        String folder = context.getProperty("felix.fileinstall.dir");
        if (folder != null) {
            out.printf("%nPlug-in folder: %s%n", folder);
            String prefix = java.nio.file.Path.of(folder).toUri().toString();
            List<Bundle> dropped = Arrays.stream(context.getBundles())
                    .filter(b -> b.getLocation().startsWith(prefix)
                            || b.getLocation().startsWith("file:" + folder + "/")
                            || b.getLocation().startsWith("file:" + folder + java.io.File.separator))
                    .sorted(Comparator.comparing(Bundle::getLocation)).toList();
            for (Bundle b : dropped) {
                out.printf("  %s  %s%s%n", fileName(b.getLocation()), describe(b),
                        b.getState() == Bundle.INSTALLED ? " — not resolved: a package it imports is missing" : "");
            }
            if (dropped.isEmpty()) {
                out.println("  (no plug-ins installed)");
            }
            // Jars that are no bundle: refused (--require-signed-plugins says why on stderr) or not a bundle.
            try (var files = java.nio.file.Files.list(java.nio.file.Path.of(folder))) {
                for (java.nio.file.Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                    String uri = jar.toUri().normalize().toString();
                    if (dropped.stream().noneMatch(b -> b.getLocation().equals(uri)
                            || b.getLocation().equals("file:" + jar))) {
                        out.printf("  %s  not installed (refused, or not an OSGi bundle)%n", jar.getFileName());
                    }
                }
            } catch (java.io.IOException e) {
                out.printf("  (cannot list the folder: %s)%n", e.getMessage());
            }
        }
        return ExitCodes.OK;
    }

    static String state(ComponentConfigurationDTO c) {
        return switch (c.state) {
            case ComponentConfigurationDTO.ACTIVE -> "active";
            case ComponentConfigurationDTO.SATISFIED -> "satisfied";
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> "unsatisfied: configuration missing";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> "unsatisfied: " + Arrays
                    .stream(c.unsatisfiedReferences).map(PluginsCommand::unsatisfied)
                    .collect(Collectors.joining("; "));
            case ComponentConfigurationDTO.FAILED_ACTIVATION -> "failed: " + c.failure;
            default -> "state " + c.state;
        };
    }

    private static String unsatisfied(UnsatisfiedReferenceDTO r) {
        return "no service for reference '" + r.name + "'" + (r.target == null ? "" : " matching " + r.target);
    }

    private static String describe(Bundle b) {
        if (b == null) {
            return "?";
        }
        return b.getSymbolicName() + " " + b.getVersion() + " (" + bundleState(b.getState()) + ")";
    }

    private static String bundleState(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "active";
            case Bundle.STARTING -> "starting";
            case Bundle.RESOLVED -> "resolved";
            case Bundle.INSTALLED -> "installed";
            case Bundle.STOPPING -> "stopping";
            default -> "uninstalled";
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

    private static String safeCategory(Collector c) {
        try {
            return c.category().label();
        } catch (RuntimeException e) {
            return "? (" + e + ")";
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
