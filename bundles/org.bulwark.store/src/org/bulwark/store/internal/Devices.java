package org.bulwark.store.internal;

import static org.bulwark.store.internal.Sql.instant;
import static org.bulwark.store.internal.Sql.require;
import static org.bulwark.store.internal.Sql.utc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.bulwark.scoring.api.Device;
import org.bulwark.store.api.DevicePlatform;
import org.bulwark.store.api.StoreException;
import org.bulwark.store.api.StoreException.Reason;

/**
 * Devices ({@code device}) and their groups ({@code device_group}), which the store keeps: a stored assessment
 * replaces them only when its device reports groups. Runs in the caller's transaction.
 */
final class Devices {

    private final Transactions tx;

    Devices(Transactions tx) {
        this.tx = tx;
    }

    /**
     * Records a device seen at {@code seen}: inserted, or its host name, OS (and groups, when it reports some)
     * updated unless an assessment of it finished later is stored already.
     */
    void upsert(Device d, DevicePlatform platform, Instant seen) throws SQLException {
        Instant last = null;
        try (PreparedStatement p = tx.connection().prepareStatement("SELECT last_seen FROM device WHERE id = ?")) {
            p.setString(1, d.id());
            try (ResultSet r = p.executeQuery()) {
                if (r.next()) {
                    last = instant(r, 1);
                }
            }
        }
        if (last == null) {
            try (PreparedStatement p = tx.connection().prepareStatement(
                    "INSERT INTO device (id, hostname, os, first_seen, last_seen, os_family, os_version) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                p.setString(1, d.id());
                p.setString(2, d.hostname());
                p.setString(3, d.os());
                p.setObject(4, utc(seen));
                p.setObject(5, utc(seen));
                p.setString(6, platform.osFamily());
                p.setString(7, platform.osVersion());
                p.executeUpdate();
            }
        } else if (!seen.isBefore(last)) {
            try (PreparedStatement p = tx.connection().prepareStatement(
                    "UPDATE device SET hostname = ?, os = ?, last_seen = ?, os_family = ?, os_version = ? WHERE id = ?")) {
                p.setString(1, d.hostname());
                p.setString(2, d.os());
                p.setObject(3, utc(seen));
                p.setString(4, platform.osFamily());
                p.setString(5, platform.osVersion());
                p.setString(6, d.id());
                p.executeUpdate();
            }
        } else {
            return; // an older assessment stored late does not change what the device is now
        }
        if (!d.groups().isEmpty()) { // groups are kept by the store unless the device reports its own
            replaceGroups(d.id(), d.groups());
        }
    }

    private void replaceGroups(String deviceId, Set<String> groups) throws SQLException {
        try (PreparedStatement p = tx.connection().prepareStatement("DELETE FROM device_group WHERE device_id = ?")) {
            p.setString(1, deviceId);
            p.executeUpdate();
        }
        try (PreparedStatement p = tx.connection().prepareStatement(
                "INSERT INTO device_group (device_id, group_name) VALUES (?, ?)")) {
            for (String g : new TreeSet<>(groups)) {
                p.setString(1, deviceId);
                p.setString(2, g);
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    /** @see org.bulwark.store.api.DeviceRegistry#setGroups */
    Device setGroups(String deviceId, Set<String> groups) throws SQLException, StoreException {
        require(deviceId != null && exists(deviceId), "unknown device '" + deviceId
                + "': no stored assessment of a device with that id");
        for (String g : groups) {
            require(g != null && !g.isBlank(), "a group name must not be empty");
        }
        replaceGroups(deviceId, groups);
        return byId().get(deviceId);
    }

    /** @return whether a device with this id is stored */
    boolean exists(String deviceId) throws SQLException {
        return Sql.exists(tx.connection(), "SELECT 1 FROM device WHERE id = ?", deviceId);
    }

    /** @return every device with its groups as the store keeps them, by id */
    Map<String, Device> byId() throws SQLException {
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        try (Statement s = tx.connection().createStatement();
                ResultSet r = s.executeQuery("SELECT device_id, group_name FROM device_group")) {
            while (r.next()) {
                groups.computeIfAbsent(r.getString(1), k -> new TreeSet<>()).add(r.getString(2));
            }
        }
        Map<String, Device> out = new LinkedHashMap<>();
        try (Statement s = tx.connection().createStatement();
                ResultSet r = s.executeQuery("SELECT id, hostname, os FROM device ORDER BY id")) {
            while (r.next()) {
                out.put(r.getString(1), new Device(r.getString(1), r.getString(2), r.getString(3),
                        groups.getOrDefault(r.getString(1), Set.of())));
            }
        }
        return out;
    }

    /** @return the device with this id and its groups as the store keeps them, if it is stored */
    Optional<Device> byId(String id) throws SQLException {
        String hostname;
        String os;
        try (PreparedStatement p = tx.connection().prepareStatement("SELECT hostname, os FROM device WHERE id = ?")) {
            p.setString(1, id);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                hostname = r.getString(1);
                os = r.getString(2);
            }
        }
        Set<String> groups = new TreeSet<>();
        try (PreparedStatement p = tx.connection().prepareStatement(
                "SELECT group_name FROM device_group WHERE device_id = ?")) {
            p.setString(1, id);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    groups.add(r.getString(1));
                }
            }
        }
        return Optional.of(new Device(id, hostname, os, groups));
    }

    /** @return every device's platform as its newest stored assessment probed it, by id (in id order) */
    Map<String, DevicePlatform> platforms() throws SQLException {
        Map<String, DevicePlatform> out = new LinkedHashMap<>();
        try (Statement s = tx.connection().createStatement();
                ResultSet r = s.executeQuery("SELECT id, os_family, os_version FROM device ORDER BY id")) {
            while (r.next()) {
                out.put(r.getString(1), new DevicePlatform(r.getString(2), r.getString(3)));
            }
        }
        return out;
    }

    /**
     * @return the id of the device named by id or host name
     * @throws StoreException INVALID_INPUT when it names no device, or a host name several
     */
    String resolve(String name) throws SQLException, StoreException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement p = tx.connection().prepareStatement(
                "SELECT id FROM device WHERE id = ? UNION SELECT id FROM device WHERE hostname = ?")) {
            p.setString(1, name);
            p.setString(2, name);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
        }
        if (ids.contains(name)) {
            return name;
        }
        if (ids.size() == 1) {
            return ids.get(0);
        }
        if (ids.size() > 1) {
            throw new StoreException(Reason.INVALID_INPUT, "host name '" + name + "' names several devices ("
                    + String.join(", ", ids) + "): give the device id");
        }
        throw new StoreException(Reason.INVALID_INPUT, "unknown device '" + name + "': no stored assessment of a "
                + "device with that id or host name");
    }
}
