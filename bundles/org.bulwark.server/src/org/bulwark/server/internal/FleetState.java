package org.bulwark.server.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.ControlRef;
import org.bulwark.scoring.api.Device;
import org.bulwark.scoring.api.DeviceResults;
import org.bulwark.scoring.api.DeviceScore;
import org.bulwark.scoring.api.Fleet;
import org.bulwark.scoring.api.FleetScore;
import org.bulwark.scoring.api.ScoringService;
import org.bulwark.server.api.FleetServer;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.FleetResults;
import org.bulwark.store.api.StoreException;

/**
 * Every device's latest results, held in memory so that queries do not read the whole fleet from the store, and
 * one incrementally updated {@link Fleet} score per access scope (the device groups of a token). Read from the
 * store once when the server starts; every stored upload is then added ({@link #stored}), costing time in
 * proportion to the number of controls, not of devices. A scope's fleet is built on its first query and rebuilt
 * when the exceptions in force change or when time passes one of the moments that change figures by itself (an
 * exception expiring, a device leaving the inactivity window).
 *
 * <p>Thread-safe: one lock guards everything; the snapshots it hands out are immutable.
 */
final class FleetState {

    /** How often the exceptions in force are read again from the store (another process may change them). */
    static final Duration EXCEPTIONS_REFRESH = Duration.ofSeconds(1);

    /** What a scope sees at one moment. */
    record Snapshot(Instant time, FleetScore score, List<DeviceResults> devices, Map<String, DeviceScore> scores,
            List<ControlRef> controls) {
        /** @return the score of device {@code id} in this scope, or {@code null} */
        DeviceScore device(String id) {
            return scores.get(id);
        }
    }

    private record Latest(long assessmentId, DeviceResults results) {
    }

    /** A scope's fleet: its devices' groups ({@code null} for every group). */
    private final class View {
        final Set<String> groups;
        final Fleet fleet;
        final Map<String, DeviceResults> devices = new HashMap<>();
        Instant changed;
        Snapshot snapshot;

        View(Set<String> groups, Instant now) {
            this.groups = groups;
            this.fleet = scoring.newFleet(controls.values(), exceptions, now);
            this.changed = now;
            for (Latest l : latest.values()) {
                add(l.results());
            }
        }

        boolean sees(Device d) {
            return groups == null || groups.contains(Api.groupOf(d));
        }

        void add(DeviceResults r) {
            if (sees(r.device())) {
                fleet.put(r);
                devices.put(r.device().id(), r);
                snapshot = null;
            } else if (devices.remove(r.device().id()) != null) { // it moved to a group this scope does not see
                fleet.remove(r.device().id());
                snapshot = null;
            }
        }

        Snapshot snapshot() {
            if (snapshot == null) {
                FleetScore score = fleet.score();
                Map<String, DeviceScore> scores = new HashMap<>();
                score.devices().forEach(s -> scores.put(s.deviceId(), s));
                List<DeviceResults> list = new ArrayList<>(devices.values());
                list.sort(Comparator.comparing(d -> d.device().id()));
                snapshot = new Snapshot(changed, score, List.copyOf(list), Map.copyOf(scores),
                        List.copyOf(controls.values()));
            }
            return snapshot;
        }
    }

    private final AssessmentStore store;
    private final ScoringService scoring;
    private final Duration inactivityWindow;

    // guarded by this
    private final Map<String, Latest> latest = new HashMap<>();
    private final Map<String, ControlRef> controls = new LinkedHashMap<>();
    private final Map<Set<String>, View> views = new HashMap<>();
    private final Map<String, Device> devices = new HashMap<>();
    private Map<String, Device> devicesSnapshot;
    private List<ControlException> exceptions = List.of();
    private Instant exceptionsRead = Instant.MIN;
    /** Counts installed exception lists and changes, so that a slow read never replaces a newer list. */
    private long generation;
    /** The earliest moment at which figures change by the passing of time alone; views are rebuilt then. */
    private Instant nextChange = Instant.MAX;

    FleetState(AssessmentStore store, ScoringService scoring) {
        this(store, scoring, ScoringService.DEFAULT_INACTIVITY_WINDOW);
    }

    FleetState(AssessmentStore store, ScoringService scoring, Duration inactivityWindow) {
        this.store = store;
        this.scoring = scoring;
        this.inactivityWindow = inactivityWindow;
    }

    /** Reads every device's latest results from the store (once, when the server starts). */
    synchronized void load() throws StoreException {
        FleetResults all = store.latestResults();
        latest.clear();
        devices.clear();
        controls.clear();
        all.controls().forEach(c -> controls.put(c.id(), c));
        long order = 0;
        for (DeviceResults d : all.devices()) {
            // latestResults lists devices in storing order; any later upload has a larger assessment id
            latest.put(d.device().id(), new Latest(Long.MIN_VALUE + order++, d));
            devices.put(d.device().id(), d.device());
        }
        for (Device d : store.devices()) {
            devices.putIfAbsent(d.id(), d);
        }
        exceptions = List.copyOf(store.exceptionsInForce(Instant.now()));
        exceptionsRead = Instant.now();
        views.clear();
        devicesSnapshot = null;
        rebuild(Set.of(ALL));
    }

    /** The key of the scope that sees every group. */
    private static final Set<String> ALL = Set.of(FleetServer.ALL_GROUPS);

    /**
     * Builds the fleets of {@code scopes} now, so that the next query of each does not wait for it: at 10,000
     * devices a build takes a few hundred milliseconds, which the change that caused it (a start, an exception
     * created or cancelled) pays instead of a query.
     */
    private void rebuild(Set<Set<String>> scopes) {
        Instant now = Instant.now();
        views.clear();
        for (Set<String> scope : scopes) {
            views.put(scope, new View(ALL.equals(scope) ? null : scope, now));
        }
        nextChange = nextChange(now);
    }

    /**
     * Adds a stored assessment: the device's latest results unless a later assessment of it is already held.
     *
     * @param assessmentId the store's id of the assessment (increasing in storing order)
     */
    synchronized void stored(long assessmentId, DeviceResults results, Collection<ControlRef> refs) {
        String id = results.device().id();
        Latest old = latest.get(id);
        if (old != null && old.assessmentId() > assessmentId) {
            return; // an older assessment committed late
        }
        latest.put(id, new Latest(assessmentId, results));
        if (!results.device().equals(devices.put(id, results.device()))) {
            devicesSnapshot = null;
        }
        boolean newControl = false;
        for (ControlRef r : refs) {
            ControlRef before = controls.put(r.id(), r);
            newControl |= !r.equals(before);
        }
        if (newControl) {
            // a fleet scores the controls it was built with: build again with the new ones (the results just
            // added included), here rather than in the next query
            rebuild(Set.copyOf(views.keySet()));
            return;
        }
        Instant oldest = results.assessedAt().plus(inactivityWindow);
        if (oldest.isBefore(nextChange)) {
            nextChange = oldest;
        }
        for (View v : views.values()) {
            v.add(results);
            v.changed = Instant.now();
        }
    }

    /**
     * The exceptions changed through this server: read them again and rebuild the built fleets now, so that the
     * next query neither waits for that nor sees the old ones. A failed read leaves the next use to read them.
     */
    void exceptionsChanged() {
        synchronized (this) {
            generation++; // a read begun before this change must not install its older list
            exceptionsRead = Instant.MIN;
        }
        try {
            refreshExceptions(Instant.now());
        } catch (StoreException e) {
            // the change is stored; the next query or upload reads the exceptions again
        }
    }

    /** @return the exceptions in force (not cancelled; expiry is checked where they are applied), for uploads */
    List<ControlException> exceptions() throws StoreException {
        return refreshExceptions(Instant.now());
    }

    /**
     * @return the exceptions in force, read again from the store when the list is older than
     *         {@link #EXCEPTIONS_REFRESH} (another process may change them); a changed list rebuilds the fleets
     */
    private List<ControlException> refreshExceptions(Instant now) throws StoreException {
        long before;
        synchronized (this) {
            if (Duration.between(exceptionsRead, now).compareTo(EXCEPTIONS_REFRESH) < 0) {
                return exceptions;
            }
            before = generation;
        }
        List<ControlException> fresh = List.copyOf(store.exceptionsInForce(now)); // a store read: outside the lock
        synchronized (this) {
            if (before != generation) {
                return exceptions; // a newer read or change was installed meanwhile
            }
            generation++;
            exceptionsRead = now;
            if (!fresh.equals(exceptions)) {
                exceptions = fresh;
                rebuild(Set.copyOf(views.keySet()));
            }
            return exceptions;
        }
    }

    /** @return what a token with {@code groups} sees now */
    Snapshot snapshot(Tokens.Token token) throws StoreException {
        Set<String> scope = token.allGroups() ? ALL : Set.copyOf(token.groups());
        Instant now = Instant.now();
        refreshExceptions(now);
        synchronized (this) {
            if (!now.isBefore(nextChange)) {
                views.clear();
            }
            View v = views.get(scope);
            if (v == null) {
                v = new View(ALL.equals(scope) ? null : scope, now);
                views.put(scope, v);
                if (views.size() == 1) {
                    nextChange = nextChange(now);
                }
            }
            return v.snapshot();
        }
    }

    /** @return the earliest moment after {@code now} at which an exception expires or a device turns inactive */
    private Instant nextChange(Instant now) {
        Instant next = Instant.MAX;
        for (ControlException e : exceptions) {
            for (Instant t : new Instant[] { e.created(), e.expires() }) {
                if (t != null && t.isAfter(now) && t.isBefore(next)) {
                    next = t;
                }
            }
        }
        for (Latest l : latest.values()) {
            Instant t = l.results().assessedAt().plus(inactivityWindow);
            if (t.isAfter(now) && t.isBefore(next)) {
                next = t;
            }
        }
        return next;
    }

    /** @return every device the server knows, by id, with the group it is in (an immutable snapshot) */
    synchronized Map<String, Device> devices() {
        if (devicesSnapshot == null) {
            devicesSnapshot = Map.copyOf(devices);
        }
        return devicesSnapshot;
    }
}
