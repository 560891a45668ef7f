package org.bulwark.collector.windows.accounts.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.Source;
import org.bulwark.collector.api.SourceKind;
import org.bulwark.windows.api.SecurityPolicyView;
import org.bulwark.windows.api.UserRight;

/**
 * The user rights the accounts collector observes, one key {@code windows.rights.<right, lower case>} each: the
 * holders' SIDs as values (ABSENT when no one holds the right), the places read as the source and the well-known
 * names of the SIDs ({@code S-1-5-32-544 Administrators}) as its detail.
 */
final class UserRights {

    static final List<String> RIGHTS = List.of("SeTrustedCredManAccessPrivilege", "SeNetworkLogonRight",
            "SeTcbPrivilege", "SeRemoteInteractiveLogonRight", "SeBackupPrivilege", "SeCreateTokenPrivilege",
            "SeDebugPrivilege", "SeDenyNetworkLogonRight", "SeDenyBatchLogonRight", "SeDenyInteractiveLogonRight",
            "SeDenyRemoteInteractiveLogonRight", "SeLoadDriverPrivilege", "SeTakeOwnershipPrivilege");

    private static final Map<String, String> NAMES = Map.ofEntries(Map.entry("S-1-5-32-544", "Administrators"),
            Map.entry("S-1-5-32-545", "Users"), Map.entry("S-1-5-32-546", "Guests"),
            Map.entry("S-1-5-32-551", "Backup Operators"), Map.entry("S-1-5-32-555", "Remote Desktop Users"),
            Map.entry("S-1-1-0", "Everyone"), Map.entry("S-1-5-11", "Authenticated Users"),
            Map.entry("S-1-5-113", "Local account"),
            Map.entry("S-1-5-114", "Local account and member of Administrators group"),
            Map.entry("S-1-5-18", "LOCAL SYSTEM"), Map.entry("S-1-5-19", "LOCAL SERVICE"),
            Map.entry("S-1-5-20", "NETWORK SERVICE"), Map.entry("S-1-5-6", "SERVICE"));

    private UserRights() {
    }

    static String key(String right) {
        return "windows.rights." + right.toLowerCase(Locale.ROOT);
    }

    static List<String> keys() {
        return RIGHTS.stream().map(UserRights::key).toList();
    }

    static List<Observation> observe(SecurityPolicyView policy) {
        List<Observation> out = new ArrayList<>();
        for (String right : RIGHTS) {
            out.add(observe(key(right), policy.userRight(right)));
        }
        return out;
    }

    static Observation observe(String key, UserRight r) {
        List<String> named = new ArrayList<>();
        for (String sid : r.sids()) {
            String name = NAMES.get(sid.toUpperCase(Locale.ROOT));
            named.add(name == null ? sid : sid + " " + name);
        }
        String location = String.join("; ", r.sources());
        Source where = location.isEmpty() ? null
                : new Source(SourceKind.FILE, location, 0, named.isEmpty() ? null : String.join(", ", named));
        return switch (r.state()) {
            case PRESENT -> r.sids().isEmpty() ? Observation.absent(key, where, "no account holds " + r.right())
                    : Observation.ofAll(key, r.sids(), where);
            case ABSENT -> Observation.absent(key, where, r.reason().isEmpty() ? null : r.reason());
            case UNREADABLE -> Observation.unreadable(key, where, r.reason());
            case UNAVAILABLE -> Observation.unavailable(key, r.reason());
        };
    }
}
