package org.bulwark.server.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** Query parameters: each bad one is a 400 that names it. */
final class Fields {

    private Fields() {
    }

    /** @return what {@code parse} gives; its failure is a 400 naming {@code field} and the reason */
    static <T> T parse(Supplier<T> parse, String field) {
        try {
            return parse.get();
        } catch (ApiError e) {
            throw e;
        } catch (IllegalArgumentException | DateTimeParseException | NullPointerException e) {
            throw ApiError.invalid(field + ": " + e.getMessage());
        }
    }

    /** @return an enum constant's name from user text: upper case, {@code -} and blanks as {@code _} */
    static String norm(String s) {
        return s.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    }

    /** @return query parameter {@code name} as an instant, or {@code null} when absent */
    static Instant instant(Map<String, String> query, String name) {
        if (!query.containsKey(name)) {
            return null;
        }
        return parse(() -> Instant.parse(query.get(name)), name);
    }
}
