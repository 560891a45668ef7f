package org.bulwark.report.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.bulwark.collector.api.Category;
import org.bulwark.scoring.api.Coverage;
import org.bulwark.scoring.api.Evidence;
import org.bulwark.scoring.api.Points;
import org.bulwark.scoring.api.Recommendation;

/** How every human-readable format shows numbers and states, so that text, CSV and HTML agree. */
final class Fmt {

    /** Shown instead of a score when nothing is counted. */
    static final String NO_SCORE = "—";

    private Fmt() {
    }

    /** @return {@code score} with one decimal ({@code 62.9630 → "63.0"}), or "—" for NaN */
    static String score(double score) {
        if (Double.isNaN(score) || Double.isInfinite(score)) {
            return NO_SCORE;
        }
        return oneDecimal(score);
    }

    /** @return the score of {@code points} with one decimal, or "—" when nothing is counted */
    static String score(Points points) {
        return points.hasScore() ? score(points.score()) : NO_SCORE;
    }

    /** @return {@code value} rounded half-up to one decimal, always with the decimal */
    static String oneDecimal(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /** @return {@code value} rounded half-up to at most {@code decimals}, trailing zeros dropped ({@code 17.0 → "17"}) */
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

    /** @return e.g. {@code "17 of 27 points"} */
    static String rawPoints(Points points) {
        return number(points.earned(), 2) + " of " + number(points.possible(), 2) + " points";
    }

    /** @return e.g. {@code "75.0%"} */
    static String percent(double ratio) {
        return oneDecimal(100.0 * ratio) + "%";
    }

    /** @return e.g. {@code "coverage 75.0% — 1 error, 1 not checked"} */
    static String coverage(Coverage c) {
        List<String> parts = new ArrayList<>();
        if (c.errors() > 0) {
            parts.add(c.errors() + (c.errors() == 1 ? " error" : " errors"));
        }
        if (c.unknown() > 0) {
            parts.add(c.unknown() + " unknown");
        }
        if (c.notChecked() > 0) {
            parts.add(c.notChecked() + " not checked");
        }
        String tail = parts.isEmpty() ? "every counted check ran" : String.join(", ", parts);
        return (c.counted() == 0 ? "coverage: nothing counted" : "coverage " + percent(c.ratio())) + " — " + tail;
    }

    /** @return the category's name for people */
    static String category(Category c) {
        return c.label();
    }

    /** @return the category as content files write it, e.g. {@code "operating-system"} */
    static String categoryId(Category c) {
        return c.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @return an enum constant as content files write it, e.g. {@code "configuration-change"} */
    static String kebab(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @return the status for people: "active", "exception", "partial exception" */
    static String status(Recommendation.Status s) {
        return s.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** How many values a one-line summary shows before "and N more". */
    static final int SUMMARY_VALUES = 5;

    /** @return what was found, for people: every value, or the observation state and reason */
    static String actual(Evidence e) {
        return actual(e, Integer.MAX_VALUE);
    }

    /** @return what was found, showing at most {@code max} values and how many more there are */
    static String actual(Evidence e, int max) {
        if (!e.actual().isEmpty()) {
            String shown = e.actual().stream().limit(max).map(v -> '"' + v + '"').collect(Collectors.joining(", "));
            int more = e.actual().size() - max;
            return more > 0 ? shown + " and " + more + " more" : shown;
        }
        if (e.state() == null) {
            return e.reason() == null ? "nothing reported" : "nothing reported (" + e.reason() + ")";
        }
        String state = e.state().name().toLowerCase(Locale.ROOT);
        return e.reason() == null ? state : state + " (" + e.reason() + ")";
    }

    /** @return where the value came from, or "" */
    static String source(Evidence e) {
        return e.source() == null ? "" : e.source().toString();
    }

    /** @return one line: {@code key: expected X, found Y at SOURCE} */
    static String evidenceLine(Evidence e) {
        StringBuilder b = new StringBuilder(e.key()).append(": ");
        if (e.expected() != null && !e.expected().isEmpty()) {
            b.append("expected ").append(e.expected()).append(", ");
        }
        b.append("found ").append(actual(e, SUMMARY_VALUES));
        if (e.source() != null) {
            b.append(" at ").append(e.source());
        }
        return b.toString();
    }

    /** @return {@code s} on one line: line breaks and tabs become spaces */
    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n\\t]+", " ").strip();
    }
}
