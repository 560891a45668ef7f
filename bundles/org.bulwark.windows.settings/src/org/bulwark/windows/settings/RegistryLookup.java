package org.bulwark.windows.settings;

import java.util.Optional;

/**
 * What the resolver needs of a Windows target: a collector implements it over the Windows registry and policy
 * file views, so that the resolver itself never reads files.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface RegistryLookup {

    /**
     * @return the value's data as text (a DWORD in decimal, a string as is, several strings joined by
     *         {@code "|"}), or empty when the key or value does not exist
     * @throws LookupException when the hive is missing, corrupt or unreadable, naming its file
     */
    Optional<String> read(String hive, String path, String value) throws LookupException;

    /** @return the hive file as the target sees it, e.g. {@code /Windows/System32/config/SOFTWARE} */
    String file(String hive);

    /** @return whether the hive's base block says it has unapplied {@code .LOG1/.LOG2} changes */
    boolean stale(String hive);

    /**
     * @return the Group Policy file that sets {@code path\value} (e.g. the local GPO's
     *         {@code /Windows/System32/GroupPolicy/Machine/Registry.pol}), or empty when no readable file does
     */
    Optional<String> policyFile(String hive, String path, String value);
}
