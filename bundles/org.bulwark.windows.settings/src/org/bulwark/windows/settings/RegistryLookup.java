package org.bulwark.windows.settings;

import java.util.Optional;

/**
 * What the resolver needs of a Windows target. {@link SettingResolver#lookup} gives one over the Windows views;
 * tests implement it over a map. The resolver itself never reads files.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface RegistryLookup {

    /**
     * Reads a value. A name of the form {@code Value#item} selects one item of a value that lists
     * {@code item=setting} pairs separated by {@code |} (as the Defender CSP's {@code AttackSurfaceReductionRules}
     * does), compared case-insensitively; a value without that item is empty.
     *
     * @return the value's data as text (a DWORD in decimal, a string as is, several strings joined by
     *         {@code "|"}), or empty when the key or value does not exist
     * @throws LookupException when the hive is missing, corrupt or unreadable, naming its file
     */
    Optional<String> read(String hive, String path, String value) throws LookupException;

    /**
     * @return where {@code path} in {@code hive} is read from, for evidence, e.g.
     *         {@code /Windows/System32/config/SYSTEM \ControlSet001\Control\Lsa} (control set resolved)
     */
    String where(String hive, String path);

    /** @return whether the hive's base block says it has unapplied {@code .LOG1/.LOG2} changes */
    boolean stale(String hive);

    /**
     * @return the Group Policy file that sets {@code path\value} (the local GPO's
     *         {@code /Windows/System32/GroupPolicy/Machine/Registry.pol}, or an applied security template for a
     *         security option), or empty when no readable file does
     */
    Optional<String> policyFile(String hive, String path, String value);
}
