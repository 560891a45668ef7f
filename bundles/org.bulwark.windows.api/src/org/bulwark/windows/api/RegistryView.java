package org.bulwark.windows.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The registry of a Windows target. Paths are case-insensitive; {@code CurrentControlSet} is resolved (see
 * {@link RegPath}). A key or value that does not exist is empty, never an error; a hive that is missing, corrupt
 * or unreadable is a {@link WindowsReadException} naming its file. Thread-safe.
 */
@ProviderType
public interface RegistryView {

    /** @return the value {@code name} (empty for the default value) of {@code key}; empty if key or value is absent */
    Optional<RegValue> value(RegPath key, String name) throws WindowsReadException;

    /** @return the names of the subkeys of {@code key}, in the hive's order; empty if the key is absent */
    List<String> subkeys(RegPath key) throws WindowsReadException;

    /** @return the names of the values of {@code key}, in the hive's order; empty if the key is absent */
    List<String> valueNames(RegPath key) throws WindowsReadException;

    /** @return whether {@code key} exists */
    boolean exists(RegPath key) throws WindowsReadException;

    /**
     * @return where {@code key} is read from, for evidence, e.g.
     *         {@code /Windows/System32/config/SYSTEM \ControlSet001\Control\Lsa}, with the control set resolved
     */
    String where(RegPath key);

    /**
     * @return whether the hive may be stale: its base block says a write was not completed (its sequence numbers
     *         differ), so changes may still sit in its {@code .LOG1}/{@code .LOG2} files
     */
    boolean stale(Hkey hive);

    /** @return the SIDs of the users whose hives ({@link Hkey#USER}) can be read, in the target's profile order */
    List<String> userSids();
}
