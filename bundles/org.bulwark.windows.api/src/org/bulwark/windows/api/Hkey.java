package org.bulwark.windows.api;

/**
 * A registry hive a {@link RegPath} starts in. {@code HKEY_LOCAL_MACHINE\SOFTWARE}, {@code \SYSTEM},
 * {@code \SECURITY} and {@code \SAM} are one hive file each; {@link #USER} is one user's {@code NTUSER.DAT}
 * ({@code HKEY_USERS\<SID>}).
 */
public enum Hkey {
    SOFTWARE, SYSTEM, SECURITY, SAM, USER;

    /** @return the name Windows shows for this hive, e.g. {@code HKLM\SOFTWARE} or {@code HKU} */
    public String display() {
        return this == USER ? "HKU" : "HKLM\\" + name();
    }
}
