package org.bulwark.operations.internal;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.bulwark.operations.api.OperationException;
import org.bulwark.operations.api.UploadPolicy;
import org.bulwark.scoring.api.Device;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.StoreException;

/**
 * The device group of an upload, and whether its uploader may make it: a machine id stays in the group the store
 * keeps for it (its first), and moves to the group the rules decide only for an uploader of both.
 */
final class UploadGroups {

    private UploadGroups() {
    }

    /**
     * @return the groups the uploaded device is in after it: the decided one, or those kept for it
     * @throws OperationException FORBIDDEN (field {@code group}) when the uploader may not upload to it
     */
    static Set<String> decide(AssessmentStore store, Device reported, UploadPolicy policy)
            throws OperationException, StoreException {
        String decided = policy.groupOf(reported);
        Optional<Device> known = store.device(reported.id());
        Set<String> kept = known.map(Device::groups).orElse(Set.of());
        if (kept.isEmpty() || kept.equals(Set.of(decided))) {
            if (!policy.mayUpload(decided)) {
                throw refused(reported, decided, policy);
            }
            return Set.of(decided);
        }
        for (String g : new TreeSet<>(kept)) {
            if (!policy.mayUpload(g)) {
                // another group's machine: an uploader of one group may not write (or move) another's
                throw refused(reported, g, policy);
            }
        }
        return policy.mayUpload(decided) ? Set.of(decided) : kept;
    }

    private static OperationException refused(Device reported, String group, UploadPolicy policy) {
        return new OperationException(OperationException.Kind.FORBIDDEN, "forbidden", "group", "group: machine '"
                + reported.id() + "' (" + reported.hostname() + ") belongs to device group '" + group
                + "', which this token may not upload to (its groups: "
                + String.join(", ", new TreeSet<>(policy.uploaderGroups())) + ")", null);
    }
}
