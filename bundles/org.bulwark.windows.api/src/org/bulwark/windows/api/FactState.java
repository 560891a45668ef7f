package org.bulwark.windows.api;

/** Whether a Windows fact could be read. Only {@link #PRESENT} and {@link #ABSENT} decide a control. */
public enum FactState {
    /** The fact exists and has a value. */
    PRESENT,
    /** The fact was looked for where it lives and is not configured. */
    ABSENT,
    /** Where it lives could not be read (missing, corrupt or unreadable file); see the reason. */
    UNREADABLE,
    /** This kind of target does not hold the fact, e.g. runtime state in an offline image; see the reason. */
    UNAVAILABLE
}
