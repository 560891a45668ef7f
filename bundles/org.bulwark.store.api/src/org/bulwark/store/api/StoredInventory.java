package org.bulwark.store.api;

import java.time.Instant;
import java.util.Objects;

import org.bulwark.collector.api.inventory.SoftwareInventory;

/**
 * A device's software inventory of one origin as its newest stored assessment found it.
 *
 * @param deviceId     the device
 * @param assessmentId the assessment that read it
 * @param assessedAt   when that assessment finished
 * @param osId         the distribution it was read on, e.g. {@code debian} (the platform's {@code osId}); empty when
 *                     not known
 * @param osVersion    its version, e.g. {@code 12}; empty when not known
 * @param inventory    the inventory: its items, or why it could not be read
 * @since 1.4
 */
public record StoredInventory(String deviceId, long assessmentId, Instant assessedAt, String osId, String osVersion,
        SoftwareInventory inventory) {

    public StoredInventory {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(assessedAt, "assessedAt");
        Objects.requireNonNull(osId, "osId");
        Objects.requireNonNull(osVersion, "osVersion");
        Objects.requireNonNull(inventory, "inventory");
    }
}
