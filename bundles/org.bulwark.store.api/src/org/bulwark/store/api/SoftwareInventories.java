package org.bulwark.store.api;

import java.util.List;
import java.util.function.Predicate;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The installed software of the stored devices: each device's inventories as its newest stored assessment found
 * them (an assessment stored later but finished earlier, such as a delayed upload, does not replace them), kept
 * apart from the history, whose reports hold every assessment's own inventory. Part of an {@link AssessmentStore}.
 *
 * @since 1.4
 */
@ProviderType
public interface SoftwareInventories {

    /**
     * @param deviceId a device's id or host name
     * @return its inventories by origin; empty when none of its assessments had one
     * @throws StoreException INVALID_INPUT when {@code deviceId} names no stored device
     */
    List<StoredInventory> software(String deviceId) throws StoreException;

    /**
     * @param devices which devices to count (by id), e.g. those of a caller's groups
     * @return every piece of software installed on one of them, by origin and name
     */
    List<SoftwareSummary> softwareSummary(Predicate<String> devices) throws StoreException;
}
