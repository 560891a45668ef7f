package org.bulwark.benchmark.linux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.bulwark.benchmark.api.Benchmark;
import org.bulwark.benchmark.api.BenchmarkRegistry;
import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.PlatformProbe;
import org.bulwark.collector.api.ProbedTarget;
import org.bulwark.collector.tck.Fixture;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.AssessmentListener;
import org.bulwark.scoring.api.AssessmentRequest;
import org.bulwark.scoring.api.AssessmentService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The OSGi side of the tests: starts the content, the content reader, the scoring bundle (the assessment
 * service), the Linux access layer (the Linux platform probe) and every Linux collector bundle.
 */
final class Runtime {

    /** Collector components in the five Linux collector bundles. */
    static final int COLLECTORS = 21;

    final BundleContext context;
    final List<Collector> collectors;
    final BenchmarkRegistry registry;
    final AssessmentService assessments;
    private final ServiceTracker<PlatformProbe, PlatformProbe> linuxProbe;

    private Runtime(BundleContext context, List<Collector> collectors, BenchmarkRegistry registry,
            AssessmentService assessments, ServiceTracker<PlatformProbe, PlatformProbe> linuxProbe) {
        this.context = context;
        this.collectors = collectors;
        this.registry = registry;
        this.assessments = assessments;
        this.linuxProbe = linuxProbe;
    }

    static Runtime start() throws Exception {
        Bundle host = FrameworkUtil.getBundle(Runtime.class);
        if (host.getState() != Bundle.ACTIVE) {
            host.start();
        }
        BundleContext context = host.getBundleContext();
        for (Bundle b : context.getBundles()) {
            String name = b.getSymbolicName();
            if (name.equals("org.bulwark.benchmark") || name.equals("org.bulwark.scoring")
                    || name.equals("org.bulwark.linux") || name.startsWith("org.bulwark.collector.linux.")
                    && (b.getHeaders("").get("Fragment-Host") == null)) {
                b.start();
            }
        }
        ServiceTracker<Collector, Collector> collectors = new ServiceTracker<>(context, Collector.class, null);
        collectors.open();
        ServiceTracker<BenchmarkRegistry, BenchmarkRegistry> registry = new ServiceTracker<>(context,
                BenchmarkRegistry.class, null);
        registry.open();
        ServiceTracker<AssessmentService, AssessmentService> assessments = new ServiceTracker<>(context,
                AssessmentService.class, null);
        assessments.open();
        ServiceTracker<PlatformProbe, PlatformProbe> linuxProbe = new ServiceTracker<>(context,
                context.createFilter("(&(objectClass=" + PlatformProbe.class.getName()
                        + ")(component.name=org.bulwark.linux.internal.LinuxPlatformProbe))"), null);
        linuxProbe.open();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while ((collectors.size() < COLLECTORS || registry.getService() == null || assessments.getService() == null
                || linuxProbe.getService() == null) && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        List<Collector> found = new ArrayList<>();
        Object[] services = collectors.getServices();
        if (services != null) {
            for (Object s : services) {
                found.add((Collector) s);
            }
        }
        return new Runtime(context, found, registry.getService(), assessments.getService(), linuxProbe);
    }

    Benchmark baseline() {
        return registry.benchmarks().stream().filter(b -> b.id().equals("bulwark-linux-baseline")).findFirst()
                .orElseThrow(() -> new AssertionError("no baseline; problems: " + registry.problems()));
    }

    /**
     * Assesses {@code root} with the baseline through the product's {@link AssessmentService}. A live assessment
     * of a fixture root (it stands for a running system: its {@code /proc} and sockets are read) is what a
     * {@link PlatformProbe} ranked above the Linux probe says for that root only, with the Linux probe's facts.
     */
    Assessment assess(Path root, boolean live) throws Exception {
        ServiceRegistration<PlatformProbe> fixture = null;
        if (live) {
            PlatformProbe linux = linuxProbe.getService();
            PlatformProbe asLive = new PlatformProbe() {
                @Override
                public String id() {
                    return "fixture-live";
                }

                @Override
                public Optional<ProbedTarget> probe(Path r) {
                    return r.equals(root) ? linux.probe(r).map(t -> new ProbedTarget(t.platform(), true, t.problems()))
                            : Optional.empty();
                }
            };
            fixture = context.registerService(PlatformProbe.class, asLive,
                    new Hashtable<>(Map.of(Constants.SERVICE_RANKING, Integer.MAX_VALUE)));
        }
        try {
            return assessments.assess(new AssessmentRequest(root, Set.of(), List.of(baseline()), Duration.ofMinutes(2),
                    List.of()), AssessmentListener.NONE);
        } finally {
            if (fixture != null) {
                fixture.unregister();
            }
        }
    }

    /**
     * Writes fixture files below a root: lines, links and directories through the collector TCK's {@link Fixture},
     * plus raw bytes, modes and owners.
     */
    static final class Tree {
        final Path root;
        private final Fixture files;

        Tree(Path root) {
            this.root = root;
            this.files = new Fixture(root);
        }

        Tree write(String path, String... lines) {
            files.write(path, lines);
            return this;
        }

        Tree bytes(String path, byte... content) {
            try {
                Path file = root.resolve(path.substring(1));
                Files.createDirectories(file.getParent());
                Files.write(file, content);
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Tree mode(String path, String rwx) {
            try {
                Files.setPosixFilePermissions(root.resolve(path.substring(1)), PosixFilePermissions.fromString(rwx));
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** chmod with an octal mode, including set-id and sticky bits. */
        Tree chmod(String path, int mode) {
            files.chmod(path, mode);
            return this;
        }

        Tree chown(String path, int uid) {
            files.chown(path, uid);
            return this;
        }

        Tree dir(String path) {
            files.dir(path);
            return this;
        }

        Tree link(String path, String target) {
            files.link(path, target);
            return this;
        }

        /** A unit file under /usr/lib/systemd/system, enabled through a multi-user.target.wants link or not. */
        Tree unit(String unit, boolean enabled) {
            write("/usr/lib/systemd/system/" + unit, "[Unit]", "Description=" + unit, "[Install]",
                    "WantedBy=multi-user.target");
            if (enabled) {
                link("/etc/systemd/system/multi-user.target.wants/" + unit, "/usr/lib/systemd/system/" + unit);
            }
            return this;
        }

        /** A dpkg status file with {@code name=version} entries, all installed. */
        Tree packages(String... nameEqualsVersion) {
            List<String> lines = new ArrayList<>();
            for (String p : nameEqualsVersion) {
                String[] nv = p.split("=", 2);
                lines.addAll(List.of("Package: " + nv[0], "Status: install ok installed", "Architecture: amd64",
                        "Version: " + nv[1], ""));
            }
            return write("/var/lib/dpkg/status", lines.toArray(String[]::new));
        }
    }
}
