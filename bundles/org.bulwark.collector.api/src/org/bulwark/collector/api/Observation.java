package org.bulwark.collector.api;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One keyed fact about a device, with its effective value and where that value came from.
 *
 * <p>Keys are dot-separated, lower-case identifiers owned by the collector that reports them, e.g.
 * {@code linux.sysctl.kernel.randomize_va_space} or {@code linux.sshd.permitrootlogin}. A fact may have
 * several values (e.g. the accounts with UID 0); a single-valued fact has one.
 *
 * @param key    the fact's key, matching {@link #KEY_PATTERN}
 * @param state  whether the fact could be observed
 * @param values the effective values when {@code PRESENT} (at least one); empty otherwise
 * @param source where the effective value came from; for a fact that could not be read, the place tried
 * @param reason why the fact is not {@code PRESENT} (required for {@code UNREADABLE}, {@code UNPARSEABLE}
 *               and {@code UNAVAILABLE}), or a note for people; may be {@code null}
 * @param others other places that also set the fact but lost to {@code source}, or the running value
 *               when it differs from the persisted one (drift); never {@code null}
 */
public record Observation(String key, ObservationState state, List<String> values, Source source, String reason,
        List<Other> others) {

    /** Keys: lower-case segments of letters, digits, '_' and '-' separated by dots. */
    public static final Pattern KEY_PATTERN = Pattern.compile("[a-z0-9_-]+(\\.[a-z0-9_:/-]+)*");

    /** The longest value a collector may report; longer values make the collector's result malformed. */
    public static final int MAX_VALUE_LENGTH = 64 * 1024;

    /** The most values one observation may carry. */
    public static final int MAX_VALUES = 100_000;

    /**
     * Another place that set the same fact, or the value a different channel reports.
     *
     * @param value  the value set there
     * @param source where
     * @param note   e.g. {@code "overridden"} or {@code "running value differs (drift)"}
     */
    public record Other(String value, Source source, String note) {
        public Other {
            Objects.requireNonNull(source, "source");
        }
    }

    public Observation {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(state, "state");
        values = values == null ? List.of() : List.copyOf(values);
        others = others == null ? List.of() : List.copyOf(others);
        if (state == ObservationState.PRESENT && values.isEmpty()) {
            throw new IllegalArgumentException("observation " + key + " is PRESENT but has no value");
        }
        if (state != ObservationState.PRESENT && !values.isEmpty()) {
            throw new IllegalArgumentException("observation " + key + " is " + state + " but has values");
        }
        if ((state == ObservationState.UNREADABLE || state == ObservationState.UNPARSEABLE
                || state == ObservationState.UNAVAILABLE) && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("observation " + key + " is " + state + " and needs a reason");
        }
    }

    /** A fact with one value. */
    public static Observation of(String key, String value, Source source) {
        return new Observation(key, ObservationState.PRESENT, List.of(value), source, null, List.of());
    }

    /** A fact with several values (at least one). */
    public static Observation ofAll(String key, List<String> values, Source source) {
        return new Observation(key, ObservationState.PRESENT, values, source, null, List.of());
    }

    /** A fact that was looked for at {@code source} and does not exist; {@code reason} may say more. */
    public static Observation absent(String key, Source source, String reason) {
        return new Observation(key, ObservationState.ABSENT, List.of(), source, reason, List.of());
    }

    /** A fact that could not be read, e.g. {@code "permission denied"}. */
    public static Observation unreadable(String key, Source source, String reason) {
        return new Observation(key, ObservationState.UNREADABLE, List.of(), source, reason, List.of());
    }

    /** A fact whose value could not be understood; {@code source} should name the file and line. */
    public static Observation unparseable(String key, Source source, String reason) {
        return new Observation(key, ObservationState.UNPARSEABLE, List.of(), source, reason, List.of());
    }

    /** A fact that does not exist on this kind of target (e.g. live-only facts on a mounted filesystem). */
    public static Observation unavailable(String key, String reason) {
        return new Observation(key, ObservationState.UNAVAILABLE, List.of(), null, reason, List.of());
    }

    /** @return the first value, or {@code null} when there is none */
    public String value() {
        return values.isEmpty() ? null : values.get(0);
    }

    /** @return a copy that also lists {@code other} */
    public Observation with(Other other) {
        List<Other> all = new java.util.ArrayList<>(others);
        all.add(other);
        return new Observation(key, state, values, source, reason, all);
    }
}
