package org.bulwark.operations.api;

import java.util.Set;

import org.bulwark.scoring.api.Device;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A fleet server's rules for one upload: which device group the reported device goes into (the server's group
 * rules) and whether the uploader (its token) may upload into it.
 */
@ConsumerType
public interface UploadPolicy {

    /** @return the device group of {@code reported} (the device as the agent described it) */
    String groupOf(Device reported);

    /** @return whether the uploader may upload a device of {@code group} */
    boolean mayUpload(String group);

    /** @return the uploader's groups, named when an upload is refused */
    Set<String> uploaderGroups();
}
