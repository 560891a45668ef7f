package org.bulwark.scap.oval.internal;

import java.util.List;

import org.bulwark.scap.oval.OvalItem;

/**
 * What collecting one object gave: its items and the OVAL collected-object flag.
 *
 * @param flag how complete the collection is
 * @param items the items (only those that exist)
 * @param message why the flag is not {@code COMPLETE} / {@code DOES_NOT_EXIST}, naming the file, variable or element
 */
record Collected(Flag flag, List<OvalItem> items, String message) {

    /** OVAL 5.11 FlagEnumeration, plus {@code UNSUPPORTED} for an object type the evaluator does not implement. */
    enum Flag {
        COMPLETE, INCOMPLETE, ERROR, DOES_NOT_EXIST, NOT_COLLECTED, NOT_APPLICABLE, UNSUPPORTED
    }

    Collected {
        items = List.copyOf(items);
    }

    static Collected of(List<OvalItem> items) {
        return new Collected(items.isEmpty() ? Flag.DOES_NOT_EXIST : Flag.COMPLETE, items, "");
    }

    static Collected error(String message) {
        return new Collected(Flag.ERROR, List.of(), message);
    }

    static Collected notCollected(String message) {
        return new Collected(Flag.NOT_COLLECTED, List.of(), message);
    }

    static Collected unsupported(String message) {
        return new Collected(Flag.UNSUPPORTED, List.of(), message);
    }
}
