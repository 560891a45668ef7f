package org.bulwark.windows.api;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One policy setting as read, with where from.
 *
 * @param name   the setting, e.g. {@code MinimumPasswordLength} or an audit subcategory such as {@code Logon}
 * @param state  whether it could be read
 * @param value  its value when {@link FactState#PRESENT} (units in {@link AccountSetting}; audit: 0 none,
 *               1 success, 2 failure, 3 both); empty otherwise
 * @param source where it was read, e.g. {@code /Windows/System32/config/SAM \SAM\Domains\Account F @0x50}
 * @param reason why it is absent, unreadable or unavailable; empty when present
 */
public record PolicyFact(String name, FactState state, OptionalLong value, String source, String reason) {

    public PolicyFact {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
        if ((state == FactState.PRESENT) != value.isPresent()) {
            throw new IllegalArgumentException(name + ": a value is given exactly when the fact is present");
        }
    }

    public static PolicyFact present(String name, long value, String source) {
        return new PolicyFact(name, FactState.PRESENT, OptionalLong.of(value), source, "");
    }

    public static PolicyFact absent(String name, String source, String reason) {
        return new PolicyFact(name, FactState.ABSENT, OptionalLong.empty(), source, reason);
    }

    public static PolicyFact unreadable(String name, String source, String reason) {
        return new PolicyFact(name, FactState.UNREADABLE, OptionalLong.empty(), source, reason);
    }

    public static PolicyFact unavailable(String name, String reason) {
        return new PolicyFact(name, FactState.UNAVAILABLE, OptionalLong.empty(), "", reason);
    }
}
