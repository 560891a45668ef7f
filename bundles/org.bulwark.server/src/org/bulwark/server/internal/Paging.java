package org.bulwark.server.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;


/**
 * Query parameters of lists: {@code $top} (default 100, at most 10,000), {@code $skip} and {@code orderBy}
 * ({@code field [asc|desc]}). A page is {@code {"count": all, "value": [...], "nextSkip": …}}, {@code nextSkip}
 * present only when more follow.
 */
final class Paging {

    static final int DEFAULT_TOP = 100;
    static final int MAX_TOP = 10_000;

    /** {@code $top} and {@code $skip}, checked. */
    record Bounds(int top, int skip) {
        /** @return whether item {@code i} (0-based) is on the page */
        boolean holds(long i) {
            return i >= skip && i < end();
        }

        /** @return the index after the page's last item */
        long end() {
            return (long) skip + top;
        }
    }

    private Paging() {
    }

    /** @return {@code $top} and {@code $skip} of {@code query}; 400 naming the parameter when bad */
    static Bounds bounds(Map<String, String> query) {
        int top = intParam(query, "$top", DEFAULT_TOP);
        int skip = intParam(query, "$skip", 0);
        if (top < 0 || top > MAX_TOP || skip < 0) {
            throw ApiError.parameter("$top must be 0 to " + MAX_TOP + ", $skip at least 0");
        }
        return new Bounds(top, skip);
    }

    /** @return the page of {@code items} that the request's {@code $top} and {@code $skip} ask for */
    static <T> Reply page(Request request, Collection<T> items, Function<T, ?> row) {
        Bounds bounds = bounds(request.query());
        List<Object> value = new ArrayList<>();
        long i = 0;
        for (T t : items) {
            if (bounds.holds(i)) {
                value.add(row.apply(t));
            }
            i++;
        }
        return Reply.json(200, page(bounds, items.size(), value));
    }

    /**
     * @param value the page's items: JSON nodes, or maps and lists as Jackson writes them
     * @return {@code {"count": total, "value": value}}, and {@code nextSkip} when items follow the page
     */
    static Map<String, Object> page(Bounds bounds, long total, List<?> value) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("count", total);
        root.put("value", value);
        if (bounds.end() < total) {
            root.put("nextSkip", bounds.end());
        }
        return root;
    }

    /**
     * @param text      the {@code orderBy} parameter, {@code field [asc|desc]}
     * @param fields    the orders by field name, ascending, in the order the error message lists them
     * @param ascending the fields sorted ascending when no direction is given (the others descending)
     * @return the order asked for; 400 naming {@code orderBy} when the field or direction is unknown
     */
    static <T> Comparator<T> orderBy(String text, Map<String, Comparator<T>> fields, Set<String> ascending) {
        String[] parts = text.trim().split("\\s+");
        Comparator<T> order = fields.get(parts[0]);
        if (order == null) {
            throw ApiError.parameter("orderBy: one of " + String.join(", ", fields.keySet()) + ", with asc or desc");
        }
        if (parts.length > 1 && !parts[1].equalsIgnoreCase("desc") && !parts[1].equalsIgnoreCase("asc")) {
            throw ApiError.parameter("orderBy: direction must be asc or desc");
        }
        boolean desc = parts.length > 1 ? parts[1].equalsIgnoreCase("desc") : !ascending.contains(parts[0]);
        return desc ? order.reversed() : order;
    }

    private static int intParam(Map<String, String> q, String name, int fallback) {
        String v = q.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw ApiError.parameter(name + ": not an integer");
        }
    }
}
