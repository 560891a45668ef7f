package org.bulwark.collector.api;

/** Where an observed value came from. */
public enum SourceKind {
    /** A configuration file, with the line that set the value. */
    FILE,
    /** A drop-in file that overrides a main configuration file (e.g. {@code sshd_config.d/10-x.conf}). */
    DROP_IN,
    /** Nothing configures the value: it is the program's built-in default. */
    BUILT_IN_DEFAULT,
    /** The running system, e.g. {@code /proc/sys} or {@code /proc/net}. */
    RUNTIME,
    /** The output of a command. */
    COMMAND_OUTPUT,
    /** A package database (dpkg status, rpm database). */
    PACKAGE_DATABASE,
    /** A policy pushed by a management system (Group Policy, MDM profile, enterprise browser policy). */
    POLICY,
    /** Computed from several other facts, e.g. a filesystem walk; the detail says how. */
    DERIVED
}
