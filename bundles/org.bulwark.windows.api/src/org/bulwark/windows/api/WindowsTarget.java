package org.bulwark.windows.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One opened Windows target: its views, shared by every collector of one assessment. Thread-safe.
 */
@ProviderType
public interface WindowsTarget {

    /** @return whether this is the running system (live) rather than an image */
    boolean live();

    RegistryView registry();

    SecurityPolicyView securityPolicy();

    PolicyFileView policyFiles();

    RuntimeView runtime();

    /** @return the edition, when {@code CurrentVersion} could be read */
    Optional<WindowsEdition> edition();

    /**
     * @return what could not be opened or may be out of date (a missing or corrupt hive, a dirty hive with logs
     *         beside it), for people; empty when none
     */
    List<String> problems();
}
