package org.bulwark.cli.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.bulwark.scoring.api.Points;

/** How the store commands show numbers, scores and times, and parse dates. */
final class Figures {

    static final String NO_SCORE = "—";

    private Figures() {
    }

    /** @return {@code value} rounded half-up to at most {@code decimals}, trailing zeros dropped */
    static String number(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return NO_SCORE;
        }
        BigDecimal d = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        if (d.signum() == 0) {
            return "0";
        }
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    /** @return {@code value} with a sign, e.g. {@code +10}, {@code -2.5}, {@code 0} */
    static String signed(double value, int decimals) {
        String n = number(value, decimals);
        return value > 0 && !n.equals("0") ? "+" + n : n;
    }

    /** @return the score with four decimals, or "—" when nothing is counted */
    static String score(Points p) {
        return p.hasScore() ? BigDecimal.valueOf(p.score()).setScale(4, RoundingMode.HALF_UP).toPlainString()
                : NO_SCORE;
    }

    /** @return e.g. {@code 13 of 27} */
    static String points(Points p) {
        return number(p.earned(), 4) + " of " + number(p.possible(), 4);
    }

    /** @return an enum constant as a lower-case word, e.g. {@code system-confirmation} */
    static String word(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses {@code 2026-11-20} (the start of that day, UTC) or an ISO-8601 instant {@code 2026-11-20T12:00:00Z}.
     *
     * @throws IllegalArgumentException naming the accepted forms
     */
    static Instant instant(String text, String option) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + ": '" + text + "' is neither a date like 2026-11-20 nor an "
                    + "ISO-8601 instant like 2026-11-20T12:00:00Z");
        }
    }

    /**
     * Parses {@code text} as a constant of {@code type} written in lower case with dashes ({@code risk-accepted}).
     *
     * @throws IllegalArgumentException naming {@code option} and the accepted values
     */
    static <E extends Enum<E>> E constant(Class<E> type, String text, String option) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            java.util.List<String> names = new java.util.ArrayList<>();
            for (E c : type.getEnumConstants()) {
                names.add(word(c));
            }
            throw new IllegalArgumentException(option + ": unknown value '" + text + "' (expected one of "
                    + String.join(", ", names) + ")");
        }
    }

    /** Parses a date like {@code 2026-12-01}. */
    static LocalDate date(String text, String option) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + ": '" + text + "' is not a date like 2026-12-01");
        }
    }
}
