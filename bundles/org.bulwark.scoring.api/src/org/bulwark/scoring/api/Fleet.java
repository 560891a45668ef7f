package org.bulwark.scoring.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A fleet score kept up to date as devices report: replacing one device's results costs time in
 * proportion to the number of controls, not of devices. Not thread-safe; confine to one thread or lock.
 */
@ProviderType
public interface Fleet {

    /** Adds a device, or replaces its earlier results. */
    void put(DeviceResults results);

    /** Removes a device; does nothing if it is unknown. */
    void remove(String deviceId);

    /** @return the number of devices held */
    int size();

    /** @return the current score, with every explanation */
    FleetScore score();
}
