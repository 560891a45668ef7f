package org.bulwark.windows.api;

import java.util.Objects;

/**
 * The name of a built-in account as read, with where from.
 *
 * @param rid    the account's relative id: {@link #ADMINISTRATOR} (500) or {@link #GUEST} (501)
 * @param state  whether it could be read
 * @param name   the account's name when {@link FactState#PRESENT} (e.g. {@code Administrator}); empty otherwise
 * @param source where it was read, e.g. {@code /Windows/System32/config/SAM \SAM\Domains\Account\Users\000001F4 V}
 * @param reason why it is absent, unreadable or unavailable; empty when present
 * @since 1.1
 */
public record AccountName(int rid, FactState state, String name, String source, String reason) {
    /** The built-in Administrator's relative id, 0x1F4. */
    public static final int ADMINISTRATOR = 0x1F4;
    /** The built-in Guest's relative id, 0x1F5. */
    public static final int GUEST = 0x1F5;

    public AccountName {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
        if ((state == FactState.PRESENT) == name.isEmpty()) {
            throw new IllegalArgumentException("RID " + rid + ": a name is given exactly when it is present");
        }
    }
}
