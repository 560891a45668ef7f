package org.bulwark.ui.internal.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.bulwark.collector.api.Category;

/**
 * What the recommendations table shows: a search text, a category (or all) and a sort column and direction.
 * Applying it to 10,000 rows is one pass and one sort (no UI involved), so the table stays fast.
 *
 * @param search     case-insensitive text found in the name, control id or remediation type; empty for all
 * @param category   only this category, or {@code null} for all
 * @param sort       the sort column
 * @param descending whether to sort descending (the default for impact)
 */
public record RowQuery(String search, Category category, Column sort, boolean descending) {

    /** Impact descending, no filter: what the table starts with. */
    public static final RowQuery DEFAULT = new RowQuery("", null, Column.IMPACT, true);

    public RowQuery {
        search = search == null ? "" : search.trim();
        sort = sort == null ? Column.IMPACT : sort;
    }

    public RowQuery withSearch(String text) {
        return new RowQuery(text, category, sort, descending);
    }

    public RowQuery withCategory(Category c) {
        return new RowQuery(search, c, sort, descending);
    }

    /** @return sorted on {@code column}; the same column again flips the direction */
    public RowQuery sortedBy(Column column) {
        return column == sort ? new RowQuery(search, category, sort, !descending)
                : new RowQuery(search, category, column, column == Column.IMPACT || column == Column.EXPOSED
                        || column == Column.WEIGHT);
    }

    /** @return the rows this query shows, in order; {@code rows} is not changed */
    public List<Row> apply(List<Row> rows) {
        String needle = search.toLowerCase(Locale.ROOT);
        List<Row> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            if (category != null && r.category() != category) {
                continue;
            }
            if (!needle.isEmpty() && !r.title().toLowerCase(Locale.ROOT).contains(needle)
                    && !r.controlId().toLowerCase(Locale.ROOT).contains(needle)
                    && !r.remediationType().toLowerCase(Locale.ROOT).contains(needle)) {
                continue;
            }
            out.add(r);
        }
        Comparator<Row> order = sort.order();
        out.sort(descending ? order.reversed() : order);
        return out;
    }
}
