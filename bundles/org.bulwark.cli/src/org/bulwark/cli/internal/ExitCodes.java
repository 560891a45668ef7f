package org.bulwark.cli.internal;

/** The exit codes of every command, documented in the README. */
public final class ExitCodes {

    /** Success: the command did what it was asked; for {@code assess}, every counted check ran. */
    public static final int OK = 0;
    /** An unexpected internal error. */
    public static final int INTERNAL = 1;
    /** Bad command line: unknown option, missing or invalid argument, a malformed configuration file (a TLS keystore or truststore that cannot be used, an unknown or ambiguous token to revoke). */
    public static final int USAGE = 2;
    /** Benchmark content or a report given on the command line is malformed or unreadable; nothing was written. */
    public static final int CONTENT = 3;
    /** The assessment finished and its report was written, but some checks could not run (ERROR, UNKNOWN results or failed collectors). */
    public static final int INCOMPLETE = 4;
    /** An output file could not be written, or a required service is missing from the runtime. */
    public static final int IO = 5;
    /**
     * The store cannot be opened (unreachable, written by a newer Bulwark) or failed; nothing was written to it. For
     * {@code assess}: its report was written first.
     */
    public static final int STORE = 6;
    /**
     * {@code assess --fail-under}: the assessment finished and its report was written, but its score is below the
     * threshold, or there is no score (nothing counted).
     */
    public static final int BELOW_THRESHOLD = 7;

    private ExitCodes() {
    }
}
