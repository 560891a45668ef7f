package org.bulwark.linux;

import java.util.Objects;
import java.util.Set;

import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Collector;

/**
 * The fixed part of a Linux collector: its id, category and provided keys, given once to the constructor, so
 * a collector writes only {@link #collect}. Immutable; the subclass is the DS component.
 *
 * @since 2.1.0
 */
public abstract class LinuxCollector implements Collector {

    private final String id;
    private final Category category;
    private final Set<String> provides;

    /**
     * @param id the collector's stable id, e.g. {@code linux.os.sysctl}
     * @param category the category whose controls it mainly serves
     * @param provides the keys (or {@code .*} prefixes) its observations may have
     */
    protected LinuxCollector(String id, Category category, Set<String> provides) {
        this.id = Objects.requireNonNull(id, "id");
        this.category = Objects.requireNonNull(category, "category");
        this.provides = Set.copyOf(provides);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Category category() {
        return category;
    }

    @Override
    public final Set<String> provides() {
        return provides;
    }
}
