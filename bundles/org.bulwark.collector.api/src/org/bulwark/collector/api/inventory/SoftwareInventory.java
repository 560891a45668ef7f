package org.bulwark.collector.api.inventory;

import java.util.List;
import java.util.Objects;

/**
 * What an {@link InventoryProvider} read from one target.
 *
 * @param origin   the provider's source of truth, e.g. {@code dpkg}
 * @param state    whether the inventory could be read
 * @param reason   why not, when the state is not {@link State#READ}; else empty
 * @param items    the installed software, in the order of the database; empty unless {@link State#READ}
 * @param problems records of the database that could not be understood ({@code FILE:LINE: what}), left out of
 *                 {@code items}
 */
public record SoftwareInventory(String origin, State state, String reason, List<SoftwareItem> items,
        List<String> problems) {

    /** Whether an inventory could be read. */
    public enum State {
        /** Read; {@code items} is the installed software (possibly with {@code problems}). */
        READ,
        /** The target has no such database (e.g. no dpkg on a Windows image): nothing is known. */
        UNAVAILABLE,
        /** The database exists but could not be read: nothing is known. */
        UNREADABLE
    }

    /** Copies the lists; checks the state agrees with the items. */
    public SoftwareInventory {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        items = List.copyOf(items);
        problems = List.copyOf(problems);
        if (state != State.READ && !items.isEmpty()) {
            throw new IllegalArgumentException("an inventory that was not read has no items");
        }
    }

    /** @return the inventory read from {@code origin} */
    public static SoftwareInventory read(String origin, List<SoftwareItem> items, List<String> problems) {
        return new SoftwareInventory(origin, State.READ, "", items, problems);
    }

    /** @return an inventory of a target without {@code origin}'s database */
    public static SoftwareInventory unavailable(String origin, String reason) {
        return new SoftwareInventory(origin, State.UNAVAILABLE, reason, List.of(), List.of());
    }

    /** @return an inventory whose database exists but cannot be read */
    public static SoftwareInventory unreadable(String origin, String reason) {
        return new SoftwareInventory(origin, State.UNREADABLE, reason, List.of(), List.of());
    }
}
