package org.bulwark.benchmark.windows;

import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.bulwark.benchmark.api.Benchmark;
import org.bulwark.benchmark.api.BenchmarkRegistry;
import org.bulwark.collector.api.Collector;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.AssessmentListener;
import org.bulwark.scoring.api.AssessmentRequest;
import org.bulwark.scoring.api.AssessmentService;
import org.bulwark.windows.settings.Setting;
import org.bulwark.windows.settings.SettingResolver;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The OSGi side of the tests: the content, the content reader, the assessment service, the offline Windows targets
 * (with the Windows platform probe), the setting resolver and the Windows collectors.
 */
final class Runtime {

    /** Collector components in the two Windows collector bundles. */
    static final int COLLECTORS = 6;
    static final List<String> CATALOGUES = List.of("org.bulwark.collector.windows.security/settings/security-controls.json",
            "org.bulwark.collector.windows.security/settings/network.json",
            "org.bulwark.collector.windows.security/settings/operating-system.json",
            "org.bulwark.collector.windows.security/settings/application.json",
            "org.bulwark.collector.windows.accounts/settings/accounts.json");

    final BundleContext context;
    final List<Collector> collectors;
    final BenchmarkRegistry registry;
    final AssessmentService assessments;
    final SettingResolver resolver;

    private Runtime(BundleContext context, List<Collector> collectors, BenchmarkRegistry registry,
            AssessmentService assessments, SettingResolver resolver) {
        this.context = context;
        this.collectors = collectors;
        this.registry = registry;
        this.assessments = assessments;
        this.resolver = resolver;
    }

    static Runtime start() throws Exception {
        Bundle host = FrameworkUtil.getBundle(Runtime.class);
        if (host.getState() != Bundle.ACTIVE) {
            host.start();
        }
        BundleContext context = host.getBundleContext();
        for (Bundle b : context.getBundles()) {
            String name = b.getSymbolicName();
            if ((name.equals("org.bulwark.benchmark") || name.equals("org.bulwark.scoring")
                    || name.startsWith("org.bulwark.windows.") || name.startsWith("org.bulwark.collector.windows."))
                    && b.getHeaders("").get("Fragment-Host") == null) {
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
        ServiceTracker<SettingResolver, SettingResolver> resolver = new ServiceTracker<>(context, SettingResolver.class, null);
        resolver.open();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while ((windows(collectors).size() < COLLECTORS || registry.getService() == null
                || assessments.getService() == null || resolver.getService() == null) && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        return new Runtime(context, windows(collectors), registry.getService(), assessments.getService(),
                resolver.getService());
    }

    private static List<Collector> windows(ServiceTracker<Collector, Collector> tracker) {
        List<Collector> found = new ArrayList<>();
        Object[] services = tracker.getServices();
        if (services != null) {
            for (Object s : services) {
                if (((Collector) s).id().startsWith("windows.")) {
                    found.add((Collector) s);
                }
            }
        }
        return found;
    }

    Benchmark baseline() {
        return registry.benchmarks().stream().filter(b -> b.id().equals("bulwark-windows-baseline")).findFirst()
                .orElseThrow(() -> new AssertionError("no baseline; problems: " + registry.problems()));
    }

    /** @return every setting of the collectors' catalogues, read from their bundles */
    List<Setting> settings() throws Exception {
        List<Setting> out = new ArrayList<>();
        for (String c : CATALOGUES) {
            String bsn = c.substring(0, c.indexOf('/'));
            Bundle b = List.of(context.getBundles()).stream().filter(x -> x.getSymbolicName().equals(bsn)).findFirst()
                    .orElseThrow();
            URL entry = b.getEntry(c.substring(c.indexOf('/') + 1));
            try (InputStream in = entry.openStream()) {
                out.addAll(resolver.read(c, in));
            }
        }
        return out;
    }

    /** Assesses {@code root} with the baseline through the product's {@link AssessmentService}. */
    Assessment assess(Path root) throws Exception {
        return assessments.assess(new AssessmentRequest(root, Set.of(), List.of(baseline()), Duration.ofMinutes(2),
                List.of()), AssessmentListener.NONE);
    }
}
