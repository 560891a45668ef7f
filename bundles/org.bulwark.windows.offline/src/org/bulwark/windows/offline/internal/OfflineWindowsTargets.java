package org.bulwark.windows.offline.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.windows.api.WindowsTarget;
import org.bulwark.windows.api.WindowsTargets;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Opens mounted Windows volumes (offline; a live context is left to a live implementation) and keeps each opened
 * volume while an assessment uses it, so that the collectors of one assessment share one parse of the hives. An
 * entry is let go {@value #IDLE_SECONDS} s after its last use or its assessment's deadline, whichever is later (a
 * deadline more than an hour away counts as an hour; a sweeper thread checks every few seconds), and all are let
 * go when the component stops. A hive is never closed under a reader: an entry let go is only dropped, and its
 * hives are released when no collector holds them. Thread-safe.
 */
@Component(service = WindowsTargets.class)
public final class OfflineWindowsTargets implements WindowsTargets {

    static final long IDLE_SECONDS = 20;
    static final long MAX_HOLD_SECONDS = 3600;

    private record Entry(OfflineTarget target, Instant keepUntil) {
    }

    private final Map<Path, Entry> open = new ConcurrentHashMap<>();
    private final Clock clock;
    private final ScheduledExecutorService sweeper;

    @Activate
    public OfflineWindowsTargets() {
        this(Clock.systemUTC(), true);
    }

    OfflineWindowsTargets(Clock clock, boolean sweep) {
        this.clock = clock;
        if (sweep) {
            sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "bulwark-windows-targets-sweeper");
                t.setDaemon(true);
                return t;
            });
            sweeper.scheduleWithFixedDelay(this::sweep, 5, 5, TimeUnit.SECONDS);
        } else {
            sweeper = null;
        }
    }

    @Override
    public Optional<WindowsTarget> open(AssessmentContext context) {
        if (context.live()) {
            return Optional.empty();
        }
        Path root = context.root().toAbsolutePath().normalize();
        Instant now = clock.instant();
        Instant deadline = context.deadline();
        // A deadline far away (none given) keeps the entry at most an hour.
        Instant until = deadline == null || deadline.isAfter(now.plusSeconds(MAX_HOLD_SECONDS))
                ? now.plusSeconds(MAX_HOLD_SECONDS) : later(now, deadline);
        Instant keep = until.plusSeconds(IDLE_SECONDS);
        Entry e = open.compute(root, (r, old) -> {
            if (old != null) {
                return new Entry(old.target(), later(old.keepUntil(), keep));
            }
            ImageFiles files = new ImageFiles(r);
            return OfflineTarget.isWindows(files) ? new Entry(OfflineTarget.open(files), keep) : null;
        });
        return e == null ? Optional.empty() : Optional.of(e.target());
    }

    /** Drops every entry whose time is up. */
    void sweep() {
        Instant now = clock.instant();
        open.entrySet().removeIf(e -> e.getValue().keepUntil().isBefore(now));
    }

    /** @return how many volumes are held open */
    int held() {
        return open.size();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    @Deactivate
    void deactivate() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        open.clear();
    }
}
