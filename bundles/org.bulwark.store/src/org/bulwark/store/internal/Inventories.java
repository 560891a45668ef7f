package org.bulwark.store.internal;

import static org.bulwark.store.internal.Sql.instant;
import static org.bulwark.store.internal.Sql.require;
import static org.bulwark.store.internal.Sql.setTime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.bulwark.collector.api.PlatformFacts;
import org.bulwark.collector.api.inventory.SoftwareInventory;
import org.bulwark.collector.api.inventory.SoftwareItem;
import org.bulwark.store.api.SoftwareSummary;
import org.bulwark.store.api.StoreException;
import org.bulwark.store.api.StoredInventory;

/**
 * The devices' software aggregate (schema 5): each device's inventory per origin as its newest assessment found
 * it. An inventory is replaced whole, in the transaction that stores the assessment, and only by one that finished
 * at or after the one kept. Runs in the caller's transaction.
 */
final class Inventories {

    /** The column widths of {@code V5__software.sql}: a longer value is refused rather than cut. */
    private static final int ORIGIN = 100;
    private static final int NAME = 400;
    private static final int SHORT = 100;
    private static final int TEXT = 4000;

    private final Transactions tx;
    private final Devices devices;

    Inventories(Transactions tx, Devices devices) {
        this.tx = tx;
        this.devices = devices;
    }

    /**
     * Keeps {@code inventories} as device {@code deviceId}'s, each unless a newer one of its origin is kept.
     *
     * @throws StoreException INVALID_INPUT for an origin twice, an item twice or a value longer than its column
     */
    void record(String deviceId, long assessmentId, Instant finished, PlatformFacts platform,
            List<SoftwareInventory> inventories) throws SQLException, StoreException {
        Connection c = tx.connection();
        String osId = platform == null || platform.osId().equals("unknown") ? "" : platform.osId();
        String osVersion = platform == null ? "" : platform.osVersion();
        require(fits(osId, SHORT) && fits(osVersion, SHORT), "the platform of the assessment of " + deviceId
                + " has an osId or osVersion longer than " + SHORT + " characters");
        Set<String> origins = new HashSet<>();
        for (SoftwareInventory inv : inventories) {
            check(inv, deviceId);
            require(origins.add(inv.origin()), "inventory '" + inv.origin() + "' appears twice in the assessment of "
                    + deviceId);
            Instant kept = null;
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT finished FROM device_inventory WHERE device_id = ? AND origin = ? FOR UPDATE")) {
                p.setString(1, deviceId);
                p.setString(2, inv.origin());
                try (ResultSet r = p.executeQuery()) {
                    if (r.next()) {
                        kept = instant(r, 1);
                    }
                }
            }
            if (kept != null && kept.isAfter(finished)) {
                continue;
            }
            for (String table : new String[] { "device_software", "device_inventory_problem", "device_inventory" }) {
                try (PreparedStatement p = c.prepareStatement(
                        "DELETE FROM " + table + " WHERE device_id = ? AND origin = ?")) {
                    p.setString(1, deviceId);
                    p.setString(2, inv.origin());
                    p.executeUpdate();
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO device_inventory (device_id, origin, "
                    + "assessment_id, finished, os_id, os_version, state, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                p.setString(1, deviceId);
                p.setString(2, inv.origin());
                p.setLong(3, assessmentId);
                setTime(p, 4, finished);
                p.setString(5, osId);
                p.setString(6, osVersion);
                p.setString(7, inv.state().name());
                p.setString(8, inv.reason());
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO device_software (device_id, origin, seq, "
                    + "name, architecture, version, source_name, source_version, status, vendor) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int seq = 0;
                for (SoftwareItem i : inv.items()) {
                    int k = 1;
                    p.setString(k++, deviceId);
                    p.setString(k++, inv.origin());
                    p.setInt(k++, seq++);
                    for (String v : new String[] { i.name(), i.architecture(), i.version(), i.sourceName(),
                            i.sourceVersion(), i.status(), i.vendor() }) {
                        p.setString(k++, v);
                    }
                    p.addBatch();
                }
                p.executeBatch();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO device_inventory_problem (device_id, origin, "
                    + "seq, problem) VALUES (?, ?, ?, ?)")) {
                int seq = 0;
                for (String problem : inv.problems()) {
                    p.setString(1, deviceId);
                    p.setString(2, inv.origin());
                    p.setInt(3, seq++);
                    p.setString(4, problem);
                    p.addBatch();
                }
                p.executeBatch();
            }
        }
    }

    /** Refuses what the columns cannot hold and an item twice, naming the device, origin and item. */
    private static void check(SoftwareInventory inv, String deviceId) throws StoreException {
        String where = "the " + inv.origin() + " inventory of " + deviceId;
        require(fits(inv.origin(), ORIGIN), "an inventory origin longer than " + ORIGIN + " characters in the "
                + "assessment of " + deviceId);
        require(fits(inv.reason(), TEXT), "the reason of " + where + " is longer than " + TEXT + " characters");
        Set<String> keys = new HashSet<>();
        int n = 0;
        for (SoftwareItem i : inv.items()) {
            String item = "item " + n++ + " of " + where;
            require(fits(i.name(), NAME) && fits(i.version(), NAME) && fits(i.sourceName(), NAME)
                    && fits(i.sourceVersion(), NAME) && fits(i.vendor(), NAME), item
                    + ": a name, version or vendor longer than " + NAME + " characters");
            require(fits(i.architecture(), SHORT) && fits(i.status(), SHORT), item
                    + ": an architecture or status longer than " + SHORT + " characters");
            require(keys.add(i.name() + '\0' + i.architecture()), item + ": " + i.name()
                    + (i.architecture().isEmpty() ? "" : ":" + i.architecture()) + " appears twice");
        }
        for (String problem : inv.problems()) {
            require(fits(problem, TEXT), "a problem of " + where + " is longer than " + TEXT + " characters");
        }
    }

    private static boolean fits(String s, int max) {
        return s.length() <= max;
    }

    /** @return the inventories kept for the device named by id or host name, by origin */
    List<StoredInventory> of(String name) throws SQLException, StoreException {
        String id = devices.resolve(name);
        Connection c = tx.connection();
        Map<String, List<SoftwareItem>> items = new HashMap<>();
        Map<String, List<String>> problems = new HashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT origin, name, architecture, version, source_name, "
                + "source_version, status, vendor FROM device_software WHERE device_id = ? ORDER BY seq")) {
            p.setString(1, id);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    items.computeIfAbsent(r.getString(1), o -> new ArrayList<>()).add(new SoftwareItem(
                            r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getString(6),
                            r.getString(7), r.getString(8), r.getString(1)));
                }
            }
        }
        try (PreparedStatement p = c.prepareStatement("SELECT origin, problem FROM device_inventory_problem "
                + "WHERE device_id = ? ORDER BY seq")) {
            p.setString(1, id);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    problems.computeIfAbsent(r.getString(1), o -> new ArrayList<>()).add(r.getString(2));
                }
            }
        }
        List<StoredInventory> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT origin, assessment_id, finished, state, reason, os_id, "
                + "os_version FROM device_inventory WHERE device_id = ?")) {
            p.setString(1, id);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    String origin = r.getString(1);
                    SoftwareInventory inv = new SoftwareInventory(origin,
                            SoftwareInventory.State.valueOf(r.getString(4)), r.getString(5),
                            items.getOrDefault(origin, List.of()), problems.getOrDefault(origin, List.of()));
                    out.add(new StoredInventory(id, r.getLong(2), instant(r, 3), r.getString(6), r.getString(7),
                            inv));
                }
            }
        }
        out.sort(Comparator.comparing(i -> i.inventory().origin()));
        return out;
    }

    /** @return the software on the devices {@code wanted} accepts, by origin and name */
    List<SoftwareSummary> summary(Predicate<String> wanted) throws SQLException {
        record Key(String origin, String name) {
        }
        record Acc(Set<String> devices, TreeSet<String> versions, TreeSet<String> vendors) {
        }
        Map<Key, Acc> all = new TreeMap<>(Comparator.comparing(Key::origin).thenComparing(Key::name));
        try (PreparedStatement p = tx.connection().prepareStatement(
                "SELECT origin, name, device_id, version, vendor FROM device_software");
                ResultSet r = p.executeQuery()) {
            while (r.next()) {
                String device = r.getString(3);
                if (!wanted.test(device)) {
                    continue;
                }
                Acc a = all.computeIfAbsent(new Key(r.getString(1), r.getString(2)),
                        k -> new Acc(new HashSet<>(), new TreeSet<>(), new TreeSet<>()));
                a.devices().add(device);
                a.versions().add(r.getString(4));
                if (!r.getString(5).isEmpty()) {
                    a.vendors().add(r.getString(5));
                }
            }
        }
        List<SoftwareSummary> out = new ArrayList<>(all.size());
        all.forEach((k, a) -> out.add(new SoftwareSummary(k.origin(), k.name(),
                a.vendors().isEmpty() ? "" : a.vendors().first(), a.devices().size(), List.copyOf(a.versions()))));
        return out;
    }
}
