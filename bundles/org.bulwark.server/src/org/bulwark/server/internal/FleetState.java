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
import org.bulwark.store.api.DevicePlatform;
import org.bulwark.store.api.FleetResults;
import org.bulwark.store.api.StoreException;
import org.bulwark.store.api.StoredResults;

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

    /** How often assessments that other processes stored into the same database are looked for. */
    static final Duration CATCH_UP = Duration.ofSeconds(1);

    /**
     * How long an assessment id below the highest one seen is looked for again. Ids are taken when a transaction
     * inserts and transactions commit in any order, so a lower id may still appear; one that has not after this
     * long belongs to a transaction that rolled back (or to none: sequences skip values).
     */
    static final Duration GAP_HORIZON = Duration.ofMinutes(10);

    /** At most this many missing ids are looked for again, the newest ones. */
    static final int MAX_GAPS = 1000;

    /** At most this many assessments are read by one catch-up; the rest by the next ones. */
    static final int CATCH_UP_LIMIT = 2000;

    /**
     * What a scope sees at one moment: the score, the devices' results, each device's score, and the controls and
     * exceptions the score was computed with.
     */
    record Snapshot(Instant time, FleetScore score, List<DeviceResults> devices, Map<String, DeviceScore> scores,
            List<ControlRef> controls, List<ControlException> exceptions) {
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
        final List<ControlException> built;
        final Fleet fleet;
        final Map<String, DeviceResults> devices = new HashMap<>();
        Instant changed;
        Snapshot snapshot;

        View(Set<String> groups, Instant now) {
            this.groups = groups;
            this.built = exceptions;
            this.fleet = scoring.newFleet(controls.values(), built, now);
            this.changed = now;
            for (Latest l : latest.values()) {
                add(l.results());
            }
        }

        boolean sees(Device d) {
            return groups == null || groups.contains(Scope.groupOf(d));
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
                        List.copyOf(controls.values()), built);
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
    /** Each device's platform as its newest assessment found it; read with the devices, kept up in memory. */
    private final Map<String, DevicePlatform> platforms = new HashMap<>();
    private Map<String, DevicePlatform> platformsSnapshot;
    private List<ControlException> exceptions = List.of();
    private Instant exceptionsRead = Instant.MIN;
    /** Counts installed exception lists and changes, so that a slow read never replaces a newer list. */
    private long generation;
    /** The earliest moment at which figures change by the passing of time alone; views are rebuilt then. */
    private Instant nextChange = Instant.MAX;
    /** The highest assessment id seen (loaded, stored by this server, or caught up). */
    private long highest;
    /** Ids below {@link #highest} not seen yet, with when they were found missing, oldest first. */
    private final LinkedHashMap<Long, Instant> gaps = new LinkedHashMap<>();
    private Instant caughtUp = Instant.MIN;
    private boolean catchingUp;

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
        gaps.clear();
        highest = 0;
        all.controls().forEach(c -> controls.put(c.id(), c));
        List<DeviceResults> loaded = all.devices();
        for (int i = 0; i < loaded.size(); i++) {
            DeviceResults d = loaded.get(i);
            // without ids (a store before 1.2): the storing order, below any id a later upload gets
            long id = all.assessmentIds().isEmpty() ? Long.MIN_VALUE + i : all.assessmentIds().get(i);
            latest.put(d.device().id(), new Latest(id, d));
            devices.put(d.device().id(), d.device());
            highest = Math.max(highest, id);
        }
        // Transactions of other processes still open when the store was read may commit later with lower ids:
        // the ids just below the highest are looked for once more. Those of older assessments are found and
        // skipped, as a device's latest assessment is newer.
        Instant now = Instant.now();
        Set<Long> held = new java.util.HashSet<>(all.assessmentIds());
        for (long id = Math.max(1, highest - MAX_GAPS + 1); id < highest; id++) {
            if (!held.contains(id)) {
                gaps.put(id, now);
            }
        }
        for (Device d : store.devices()) {
            devices.putIfAbsent(d.id(), d);
        }
        platforms.clear();
        platforms.putAll(store.platforms());
        platformsSnapshot = null;
        exceptions = List.copyOf(store.exceptionsInForce(Instant.now()));
        exceptionsRead = Instant.now();
        views.clear();
        devicesSnapshot = null;
        rebuild(Set.of(ALL));
    }

    /** Notes that assessment {@code id} is held: the highest id, or one less missing. Called holding the lock. */
    private void seen(long id, Instant now) {
        if (id > highest) {
            for (long missing = Math.max(highest + 1, id - MAX_GAPS); missing < id; missing++) {
                gaps.put(missing, now);
            }
            highest = id;
        } else {
            gaps.remove(id);
        }
        expireGaps(now);
    }

    /** Forgets the missing ids looked for longer than {@link #GAP_HORIZON}, and the oldest beyond {@link #MAX_GAPS}. */
    private void expireGaps(Instant now) {
        var oldest = gaps.entrySet().iterator();
        while (oldest.hasNext()) {
            var e = oldest.next();
            if (gaps.size() <= MAX_GAPS && Duration.between(e.getValue(), now).compareTo(GAP_HORIZON) < 0) {
                break;
            }
            oldest.remove();
        }
    }

    /**
     * Adds the assessments other processes stored into the same database since the last look (at most once every
     * {@link #CATCH_UP}; one caller at a time; the store is read outside the lock): another server's uploads to a
     * shared PostgreSQL database, or a CLI's {@code assess}. A failed read leaves them to the next look.
     */
    void catchUp() {
        long after;
        Set<Long> missing;
        synchronized (this) {
            Instant now = Instant.now();
            if (catchingUp || Duration.between(caughtUp, now).compareTo(CATCH_UP) < 0) {
                return;
            }
            catchingUp = true;
            caughtUp = now;
            expireGaps(now);
            after = highest;
            missing = Set.copyOf(gaps.keySet());
        }
        try {
            List<StoredResults> found = store.assessmentsAfter(after, missing, CATCH_UP_LIMIT);
            // stored by another process: their platforms are read once, with them, outside the lock
            Map<String, DevicePlatform> read = found.isEmpty() ? Map.of() : store.platforms();
            for (StoredResults r : found) {
                stored(r.assessmentId(), r.results(), r.controls(), read.get(r.results().device().id()));
            }
            if (found.size() == CATCH_UP_LIMIT) {
                synchronized (this) {
                    caughtUp = Instant.MIN; // more are waiting: the next query goes on
                }
            }
        } catch (StoreException e) {
            // served from memory meanwhile; the next look reads them
        } finally {
            synchronized (this) {
                catchingUp = false;
            }
        }
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
        stored(assessmentId, results, refs, null);
    }

    /**
     * Adds a stored assessment, as {@link #stored(long, DeviceResults, Collection)}, with the platform it found.
     *
     * @param platform the device's platform as this assessment found it; {@code null} when not known (kept as is)
     */
    synchronized void stored(long assessmentId, DeviceResults results, Collection<ControlRef> refs,
            DevicePlatform platform) {
        seen(assessmentId, Instant.now());
        String id = results.device().id();
        Latest old = latest.get(id);
        if (old != null && old.assessmentId() >= assessmentId) {
            return; // an older assessment committed late, or one held already
        }
        latest.put(id, new Latest(assessmentId, results));
        if (platform != null && !platform.equals(platforms.put(id, platform))) {
            platformsSnapshot = null;
        }
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
        catchUp();
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

    /**
     * @return each device's platform by id as its newest assessment found it (an immutable snapshot, from memory: a
     *         store that is down does not fail a query); a device without one is not in it
     */
    Map<String, DevicePlatform> platforms() {
        catchUp();
        synchronized (this) {
            if (platformsSnapshot == null) {
                platformsSnapshot = Map.copyOf(platforms);
            }
            return platformsSnapshot;
        }
    }

    /** @return every device the server knows, by id, with the group it is in (an immutable snapshot) */
    Map<String, Device> devices() {
        catchUp();
        synchronized (this) {
            if (devicesSnapshot == null) {
                devicesSnapshot = Map.copyOf(devices);
            }
            return devicesSnapshot;
        }
    }
}
