package org.bulwark.store.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bulwark.scoring.api.Device;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The devices a store knows, from their assessments, with the groups the store keeps for them. Part of an
 * {@link AssessmentStore}.
 *
 * @since 1.3
 */
@ProviderType
public interface DeviceRegistry {

    /** @return every device with its latest known host name, OS and groups, by id */
    List<Device> devices() throws StoreException;

    /**
     * @return the device with this id, with its latest known host name, OS and groups; empty when no assessment of
     *         it is stored
     * @since 1.5
     */
    Optional<Device> device(String id) throws StoreException;

    /**
     * @return every device's platform (osFamily and osVersion of {@code PlatformFacts}) as its newest stored
     *         assessment probed it, by device id; a device stored before the store kept platforms is
     *         {@link DevicePlatform#UNKNOWN} until its next assessment. The default, for stores that keep no
     *         platform, knows none.
     * @since 1.6
     */
    default Map<String, DevicePlatform> platforms() throws StoreException {
        return Map.of();
    }

    /**
     * Sets the groups a device belongs to (for group-scoped exceptions and remediation activities). Groups are kept
     * by the store: an assessment changes them only when its device reports groups of its own.
     *
     * @param groups the group names; empty to remove the device from every group
     * @return the device with its new groups
     * @throws StoreException INVALID_INPUT for an unknown device or an empty group name
     */
    Device setGroups(String deviceId, Set<String> groups) throws StoreException;
}
