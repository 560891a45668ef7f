package org.bulwark.windows.settings;

/** The places a Windows setting can come from, strongest first. */
public enum Origin {
    /** MDM (Intune): the Policy CSP's resulting value in {@code PolicyManager\current\device\<Area>}. */
    MDM,
    /** Group Policy: the value the Group Policy engine applied below {@code SOFTWARE\Policies} (or elsewhere). */
    GPO,
    /** The setting's own, non-policy registry value. */
    LOCAL
}
