package org.bulwark.collector.api;

/**
 * Whether a fact could be observed. Only {@link #PRESENT} and {@link #ABSENT} let a control decide
 * pass or fail; the others become ERROR, UNKNOWN or NOT_CHECKED results and never count as passed.
 */
public enum ObservationState {
    /** The fact exists and has the observation's values. */
    PRESENT,
    /**
     * The fact was looked for and does not exist: a setting configured nowhere, a package not installed,
     * a file that is not there. Controls may expect this.
     */
    ABSENT,
    /** The fact could not be read, e.g. permission denied or an I/O error. Controls reading it are ERROR. */
    UNREADABLE,
    /** The fact was read but its value cannot be understood, e.g. a malformed line. Controls are UNKNOWN. */
    UNPARSEABLE,
    /**
     * The fact does not exist on this kind of target, e.g. running kernel parameters when assessing a
     * mounted filesystem instead of a live system. Controls are NOT_CHECKED.
     */
    UNAVAILABLE
}
