package org.bulwark.windows.api;

import java.util.Objects;

/**
 * A registry key: the hive it is in and its path below the hive's root, with {@code \} between components and
 * none at either end (empty for the root). Lookups are case-insensitive, as in Windows. In the SYSTEM hive the
 * component {@code CurrentControlSet} is resolved by the view to {@code ControlSet00N} with N from
 * {@code SYSTEM\Select\Current}, as Windows does at boot.
 *
 * @param hive    the hive
 * @param userSid the user's SID for {@link Hkey#USER} (e.g. {@code S-1-5-21-…-1001}); {@code null} otherwise
 * @param path    the key's path below the hive root, e.g. {@code Policies\Microsoft\Windows\System}
 */
public record RegPath(Hkey hive, String userSid, String path) {

    public RegPath {
        Objects.requireNonNull(hive, "hive");
        Objects.requireNonNull(path, "path");
        if ((hive == Hkey.USER) != (userSid != null)) {
            throw new IllegalArgumentException("a user SID is given exactly for the USER hive: " + hive);
        }
        path = normalize(path);
    }

    /** @return a key in a machine hive */
    public static RegPath of(Hkey hive, String path) {
        return new RegPath(hive, null, path);
    }

    /** @return a key in the hive of the user with {@code sid} */
    public static RegPath user(String sid, String path) {
        return new RegPath(Hkey.USER, Objects.requireNonNull(sid, "sid"), path);
    }

    /** @return the subkey {@code name} (which may itself hold {@code \}) of this key */
    public RegPath child(String name) {
        return new RegPath(hive, userSid, path.isEmpty() ? name : path + "\\" + name);
    }

    /** @return the path as Windows shows it, e.g. {@code HKLM\SOFTWARE\Policies} or {@code HKU\S-1-5-…\Software} */
    @Override
    public String toString() {
        String top = hive == Hkey.USER ? "HKU\\" + userSid : hive.display();
        return path.isEmpty() ? top : top + "\\" + path;
    }

    private static String normalize(String path) {
        StringBuilder out = new StringBuilder(path.length());
        for (String part : path.replace('/', '\\').split("\\\\")) {
            if (!part.isEmpty()) {
                if (out.length() > 0) {
                    out.append('\\');
                }
                out.append(part);
            }
        }
        return out.toString();
    }
}
