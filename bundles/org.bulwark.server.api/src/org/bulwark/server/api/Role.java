package org.bulwark.server.api;

/** What an API token may do. Every role but {@link #AGENT} reads; only what a role names it may also write. */
public enum Role {
    /** Uploads assessments, nothing else. */
    AGENT,
    /** Reads scores, recommendations, machines, exceptions and remediation activities. */
    VIEWER,
    /** Reads; creates and completes remediation activities. */
    REMEDIATION_HANDLER,
    /** Reads; creates and cancels exceptions. */
    EXCEPTION_HANDLER,
    /** Everything: reads, uploads, writes, device group rules. */
    ADMINISTRATOR;

    /** @return the role named {@code text} (case and {@code -}/{@code _} insensitive) */
    public static Role parse(String text) {
        String t = text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (Role r : values()) {
            if (r.name().equals(t)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + text
                + "' (agent, viewer, remediation-handler, exception-handler, administrator)");
    }
}
