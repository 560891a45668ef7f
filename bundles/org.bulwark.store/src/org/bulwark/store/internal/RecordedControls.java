package org.bulwark.store.internal;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bulwark.collector.api.Category;
import org.bulwark.store.api.StoredResult;

/**
 * The categories of the controls the {@code control} table holds, as far as this store wrote or found them, so
 * that a save writes only controls that are new or changed category. Filled once the writing transaction
 * committed; a control missing here is looked up in (or written to) the table. Thread-safe.
 */
final class RecordedControls {

    private final Map<String, Category> categories = new ConcurrentHashMap<>();

    /** @return whether the table is known to hold {@code r}'s control with its category */
    boolean recorded(StoredResult r) {
        return categories.get(r.controlId()) == r.category();
    }

    /** Notes that the table holds these results' controls with their categories. */
    void put(Collection<StoredResult> results) {
        results.forEach(r -> categories.put(r.controlId(), r.category()));
    }
}
