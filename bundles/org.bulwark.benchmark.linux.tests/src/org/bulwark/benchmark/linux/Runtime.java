package org.bulwark.benchmark.linux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.bulwark.benchmark.api.Benchmark;
import org.bulwark.benchmark.api.BenchmarkRegistry;
import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.PlatformFacts;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The OSGi side of the tests: starts the content, the content reader and every Linux collector bundle. */
final class Runtime {

    /** Collector components in the five Linux collector bundles. */
    static final int COLLECTORS = 21;

    final BundleContext context;
    final List<Collector> collectors;
    final BenchmarkRegistry registry;

    private Runtime(BundleContext context, List<Collector> collectors, BenchmarkRegistry registry) {
        this.context = context;
        this.collectors = collectors;
        this.registry = registry;
    }

    static Runtime start() throws Exception {
        Bundle host = FrameworkUtil.getBundle(Runtime.class);
        if (host.getState() != Bundle.ACTIVE) {
            host.start();
        }
        BundleContext context = host.getBundleContext();
        for (Bundle b : context.getBundles()) {
            String name = b.getSymbolicName();
            if (name.equals("org.bulwark.benchmark") || name.startsWith("org.bulwark.collector.linux.")
                    && (b.getHeaders("").get("Fragment-Host") == null)) {
                b.start();
            }
        }
        ServiceTracker<Collector, Collector> collectors = new ServiceTracker<>(context, Collector.class, null);
        collectors.open();
        ServiceTracker<BenchmarkRegistry, BenchmarkRegistry> registry = new ServiceTracker<>(context,
                BenchmarkRegistry.class, null);
        registry.open();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while ((collectors.size() < COLLECTORS || registry.getService() == null) && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        List<Collector> found = new ArrayList<>();
        Object[] services = collectors.getServices();
        if (services != null) {
            for (Object s : services) {
                found.add((Collector) s);
            }
        }
        return new Runtime(context, found, registry.getService());
    }

    Benchmark baseline() {
        return registry.benchmarks().stream().filter(b -> b.id().equals("bulwark-linux-baseline")).findFirst()
                .orElseThrow(() -> new AssertionError("no baseline; problems: " + registry.problems()));
    }

    /** Runs every collector on {@code root}; fails when two collectors report the same key. */
    Map<String, Observation> collect(Path root, boolean live) throws Exception {
        AssessmentContext ctx = context(root, live);
        Map<String, Observation> all = new LinkedHashMap<>();
        for (Collector c : collectors) {
            for (Observation o : c.collect(ctx)) {
                Observation earlier = all.put(o.key(), o);
                if (earlier != null) {
                    throw new AssertionError(o.key() + " reported twice, the second time by " + c.id());
                }
            }
        }
        return all;
    }

    static AssessmentContext context(Path root, boolean live) {
        return new AssessmentContext() {
            @Override
            public Path root() {
                return root;
            }

            @Override
            public boolean live() {
                return live;
            }

            @Override
            public PlatformFacts platform() {
                return new PlatformFacts("linux", "debian", "12", "Debian GNU/Linux 12", "amd64", "fixture", "0");
            }

            @Override
            public Instant deadline() {
                return Instant.now().plusSeconds(60);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }

    /** Writes fixture files below a root. */
    static final class Tree {
        final Path root;

        Tree(Path root) {
            this.root = root;
        }

        Tree write(String path, String... lines) {
            try {
                Path file = root.resolve(path.substring(1));
                Files.createDirectories(file.getParent());
                StringBuilder b = new StringBuilder();
                for (String l : lines) {
                    b.append(l).append('\n');
                }
                Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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
            try {
                Files.setAttribute(root.resolve(path.substring(1)), "unix:mode", mode);
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Tree chown(String path, int uid) {
            try {
                Files.setAttribute(root.resolve(path.substring(1)), "unix:uid", uid);
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Tree dir(String path) {
            try {
                Files.createDirectories(root.resolve(path.substring(1)));
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Tree link(String path, String target) {
            try {
                Path file = root.resolve(path.substring(1));
                Files.createDirectories(file.getParent());
                Files.createSymbolicLink(file, Path.of(target));
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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
