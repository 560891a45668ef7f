package org.bulwark.windows.api;

import java.util.List;
import java.util.Objects;

/**
 * Who holds one user right (a privilege such as {@code SeDebugPrivilege} or a logon right such as
 * {@code SeDenyNetworkLogonRight}), with where from.
 *
 * @param right   the right, named as in a security template's {@code [Privilege Rights]}
 * @param state   PRESENT when read (an empty {@code sids} = no one holds it); UNREADABLE with the reason otherwise
 * @param sids    the holders, SID strings (or account names a template gives unresolved), sorted, no duplicates
 * @param sources where each holder was found, e.g. {@code /Windows/System32/config/SECURITY
 *                \Policy\Accounts\S-1-5-32-544 Privilgs} or a template file and section
 * @param reason  why it is unreadable; empty when present
 * @since 1.1
 */
public record UserRight(String right, FactState state, List<String> sids, List<String> sources, String reason) {

    public UserRight {
        Objects.requireNonNull(right, "right");
        Objects.requireNonNull(state, "state");
        sids = List.copyOf(sids);
        sources = List.copyOf(sources);
        Objects.requireNonNull(reason, "reason");
        if (state != FactState.PRESENT && !sids.isEmpty()) {
            throw new IllegalArgumentException(right + ": holders are given only when the right is read");
        }
    }
}
