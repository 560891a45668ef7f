package org.bulwark.benchmark.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.bulwark.benchmark.api.Benchmark;
import org.bulwark.benchmark.api.BenchmarkException;
import org.bulwark.benchmark.api.BenchmarkRegistry;
import org.bulwark.benchmark.api.Control;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;

/**
 * The content extender: tracks bundles whose manifest has the {@value BenchmarkRegistry#HEADER} header;
 * their content appears when they start and goes when they stop. Tracking a bundle only notes it: its files
 * are read on first use (the first {@link #benchmarks()} or {@link #problems()} call), so activating this
 * component and starting bundles do no I/O. A bundle's content is read at the latest when it stops, while
 * its entries can still be read.
 *
 * <p>Content of an <em>uninstalled</em> bundle (a plug-in jar removed from the plug-in folder) is kept as
 * retired content for the life of this runtime, so that its controls stay in the next assessments and are
 * NOT_CHECKED there (their collector left with the bundle) instead of silently leaving the score. A bundle
 * with the same symbolic name that starts again replaces its retired content. A bundle that is only
 * stopped takes its content with it.
 */
@Component(service = BenchmarkRegistry.class)
public final class BundleContentRegistry implements BenchmarkRegistry {

    private final ContentReader reader = new ContentReader();
    private final Map<Long, Loaded> byBundle = new ConcurrentHashMap<>();
    /** The last content of every bundle that had some, kept until the bundle is uninstalled. */
    private final Map<Long, Loaded> lastOf = new ConcurrentHashMap<>();
    /** Content of uninstalled bundles, by symbolic name. */
    private final Map<String, Loaded> retired = new ConcurrentHashMap<>();
    private final BundleContext context;
    private final BundleTracker<Loaded> tracker;
    private final org.osgi.framework.SynchronousBundleListener uninstalls = event -> {
        if (event.getType() == BundleEvent.UNINSTALLED) {
            Loaded last = lastOf.remove(event.getBundle().getBundleId());
            if (last != null && last.isRead() && !last.benchmarks().isEmpty()) {
                retired.put(last.symbolicName(), last);
            }
        }
    };

    /** What one bundle contributes, read once on first use. */
    static final class Loaded {
        private final long bundleId;
        private final String symbolicName;
        private final long order;
        private final java.util.function.Supplier<Read> reading;
        private volatile Read read;

        /** The content of a bundle's files and the problems found reading them. */
        record Read(List<Benchmark> benchmarks, List<BenchmarkException> problems) {
        }

        Loaded(long bundleId, String symbolicName, long order, java.util.function.Supplier<Read> reading) {
            this.bundleId = bundleId;
            this.symbolicName = symbolicName;
            this.order = order;
            this.reading = reading;
        }

        long bundleId() {
            return bundleId;
        }

        String symbolicName() {
            return symbolicName;
        }

        long order() {
            return order;
        }

        boolean isRead() {
            return read != null;
        }

        private Read read() {
            Read r = read;
            if (r == null) {
                synchronized (this) {
                    r = read;
                    if (r == null) {
                        r = reading.get();
                        read = r;
                    }
                }
            }
            return r;
        }

        List<Benchmark> benchmarks() {
            return read().benchmarks();
        }

        List<BenchmarkException> problems() {
            return read().problems();
        }
    }

    private final java.util.concurrent.atomic.AtomicLong sequence = new java.util.concurrent.atomic.AtomicLong();

    @Activate
    public BundleContentRegistry(BundleContext context) {
        this.context = context;
        context.addBundleListener(uninstalls);
        this.tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE,
                new BundleTrackerCustomizer<Loaded>() {
                    @Override
                    public Loaded addingBundle(Bundle bundle, BundleEvent event) {
                        String header = bundle.getHeaders("").get(HEADER);
                        if (header == null || header.isBlank()) {
                            return null;
                        }
                        Loaded loaded = new Loaded(bundle.getBundleId(), String.valueOf(bundle.getSymbolicName()),
                                sequence.incrementAndGet(), () -> load(bundle, header));
                        retired.remove(String.valueOf(bundle.getSymbolicName()));
                        byBundle.put(bundle.getBundleId(), loaded);
                        lastOf.put(bundle.getBundleId(), loaded);
                        return loaded;
                    }

                    @Override
                    public void modifiedBundle(Bundle bundle, BundleEvent event, Loaded loaded) {
                    }

                    @Override
                    public void removedBundle(Bundle bundle, BundleEvent event, Loaded loaded) {
                        if (event != null) {
                            // the bundle stops: read now, while its entries can be read, for retirement on uninstall
                            loaded.benchmarks();
                        }
                        byBundle.remove(bundle.getBundleId());
                    }
                });
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(uninstalls);
        tracker.close();
    }

    private Loaded.Read load(Bundle bundle, String header) {
        List<Benchmark> benchmarks = new ArrayList<>();
        List<BenchmarkException> problems = new ArrayList<>();
        for (String entry : header.split(",")) {
            String path = entry.trim();
            if (path.isEmpty()) {
                continue;
            }
            String origin = bundle.getSymbolicName() + "/" + path;
            URL url = bundle.getEntry(path);
            if (url == null) {
                problems.add(new BenchmarkException(origin, 0, 0, HEADER, "no such file in the bundle", null));
                continue;
            }
            try (InputStream in = url.openStream()) {
                benchmarks.add(reader.read(origin, in));
            } catch (BenchmarkException e) {
                problems.add(e);
            } catch (IOException e) {
                problems.add(new BenchmarkException(origin, 0, 0, null, "cannot read: " + e.getMessage(), e));
            }
        }
        return new Loaded.Read(List.copyOf(benchmarks), List.copyOf(problems));
    }

    @Override
    public List<Benchmark> benchmarks() {
        return resolve().benchmarks();
    }

    @Override
    public List<BenchmarkException> problems() {
        return resolve().problems();
    }

    /**
     * Orders content by bundle id (install order: the runtime's own bundles before plug-ins installed later),
     * then load order, and drops controls whose ids are already taken. Retired content comes last.
     */
    private Loaded.Read resolve() {
        List<Loaded> all = new ArrayList<>(byBundle.values());
        all.sort(java.util.Comparator.comparingLong(Loaded::bundleId).thenComparingLong(Loaded::order));
        List<Loaded> old = new ArrayList<>(retired.values());
        old.sort(java.util.Comparator.comparingLong(Loaded::order));
        Set<String> live = new HashSet<>();
        all.forEach(l -> live.add(l.symbolicName()));
        old.removeIf(l -> live.contains(l.symbolicName()));
        all.addAll(old);
        Set<String> taken = new HashSet<>();
        List<Benchmark> benchmarks = new ArrayList<>();
        List<BenchmarkException> problems = new ArrayList<>();
        for (Loaded l : all) {
            problems.addAll(l.problems());
            for (Benchmark b : l.benchmarks()) {
                List<Control> kept = new ArrayList<>();
                for (Control c : b.controls()) {
                    if (taken.add(c.id())) {
                        kept.add(c);
                    } else {
                        problems.add(new BenchmarkException(b.origin(), 0, 0, "controls." + c.id(),
                                "control id '" + c.id() + "' is already defined by other content; this one is ignored",
                                null));
                    }
                }
                benchmarks.add(kept.size() == b.controls().size() ? b
                        : new Benchmark(b.id(), b.title(), b.version(), b.origin(), b.sha256(), kept));
            }
        }
        return new Loaded.Read(benchmarks, problems);
    }
}
