package org.bulwark.windows.regf.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The principals of a user right: splitting a security template's {@code [Privilege Rights]} value
 * ({@code *S-1-5-32-544,*S-1-5-32-551} or account names) and naming the well-known SIDs (Microsoft's "Well-known
 * SIDs" list; the builtin aliases S-1-5-32-RID of winnt.h DOMAIN_ALIAS_RID_*).
 */
public final class Principals {
    private static final Map<String, String> WELL_KNOWN = Map.ofEntries(Map.entry("S-1-0-0", "Nobody"),
        Map.entry("S-1-1-0", "Everyone"), Map.entry("S-1-5-2", "NETWORK"), Map.entry("S-1-5-4", "INTERACTIVE"),
        Map.entry("S-1-5-6", "SERVICE"), Map.entry("S-1-5-7", "ANONYMOUS LOGON"),
        Map.entry("S-1-5-11", "Authenticated Users"), Map.entry("S-1-5-13", "TERMINAL SERVER USER"),
        Map.entry("S-1-5-18", "LOCAL SYSTEM"), Map.entry("S-1-5-19", "LOCAL SERVICE"),
        Map.entry("S-1-5-20", "NETWORK SERVICE"), Map.entry("S-1-5-32-544", "Administrators"),
        Map.entry("S-1-5-32-545", "Users"), Map.entry("S-1-5-32-546", "Guests"),
        Map.entry("S-1-5-32-547", "Power Users"), Map.entry("S-1-5-32-551", "Backup Operators"),
        Map.entry("S-1-5-32-555", "Remote Desktop Users"), Map.entry("S-1-5-32-568", "IIS_IUSRS"),
        Map.entry("S-1-5-113", "Local account"),
        Map.entry("S-1-5-114", "Local account and member of Administrators group"),
        Map.entry("S-1-5-83-0", "NT VIRTUAL MACHINE\\Virtual Machines"),
        Map.entry("S-1-5-90-0", "Window Manager\\Window Manager Group"));

    private Principals() {
    }

    /**
     * The principals of a template value, in order: "*S-…" entries as the SID without the star, other entries
     * (account names) trimmed as they are; empty entries dropped; "" gives none (the right granted to no one).
     */
    public static List<String> ofTemplateValue(String value) {
        List<String> out = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            String p = part.strip();
            if (p.startsWith("*")) {
                p = p.substring(1).strip();
            }
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    /** The well-known name of a SID string (case-insensitive "S-"), or empty. */
    public static Optional<String> wellKnownName(String sid) {
        String s = sid.length() > 1 && sid.charAt(0) == 's' ? "S" + sid.substring(1) : sid;
        return Optional.ofNullable(WELL_KNOWN.get(s));
    }
}
