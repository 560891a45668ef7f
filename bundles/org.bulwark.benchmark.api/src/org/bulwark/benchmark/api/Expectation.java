package org.bulwark.benchmark.api;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a control expects of the observations it reads: a {@link Check} of one observation, or an
 * {@link All}, {@link Any} or {@link None} combination. Evaluated with three-valued logic: a check whose
 * observation could not be read is undecided, and {@code any} passes when one branch passes even if
 * another is undecided.
 */
public sealed interface Expectation permits Expectation.Check, Expectation.All, Expectation.Any, Expectation.None {

    /** @return every observation key this expectation reads, in order of first use */
    Set<String> keys();

    /** @return a description for people, e.g. {@code linux.sshd.permitrootlogin equals "no"} */
    String describe();

    /** How the values of a multi-valued observation must satisfy a check. */
    enum Quantifier {
        /** Every value satisfies the operator (the default). */
        ALL,
        /** At least one value does. */
        ANY
    }

    /**
     * One comparison of one observation.
     *
     * @param key      the observation key
     * @param operator the comparison
     * @param operands its operands (none for {@code present}/{@code absent})
     * @param match    for multi-valued observations: must all values or any value satisfy it
     */
    record Check(String key, Operator operator, List<String> operands, Quantifier match) implements Expectation {
        public Check {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(operator, "operator");
            operands = operands == null ? List.of() : List.copyOf(operands);
            match = match == null ? Quantifier.ALL : match;
            if (operator.operands() == 0 && !operands.isEmpty()) {
                throw new IllegalArgumentException("'" + operator.jsonName() + "' takes no value");
            }
            if (operator.operands() == 1 && operands.size() != 1) {
                throw new IllegalArgumentException("'" + operator.jsonName() + "' takes exactly one value");
            }
            if (operator.operands() == -1 && operands.isEmpty()) {
                throw new IllegalArgumentException("'" + operator.jsonName() + "' takes at least one value");
            }
        }

        @Override
        public Set<String> keys() {
            return Set.of(key);
        }

        @Override
        public String describe() {
            String quant = match == Quantifier.ANY ? "any value of " : "";
            if (operator.existential()) {
                return quant + key + " " + operator.jsonName();
            }
            String ops = operands.size() == 1 ? quote(operands.get(0))
                    : operands.stream().map(Check::quote).collect(Collectors.joining(", ", "[", "]"));
            return quant + key + " " + operator.jsonName() + " " + ops;
        }

        private static String quote(String s) {
            return '"' + s + '"';
        }
    }

    /** Holds when every part holds. */
    record All(List<Expectation> parts) implements Expectation {
        public All {
            parts = nonEmpty(parts, "all");
        }

        @Override
        public Set<String> keys() {
            return keysOf(parts);
        }

        @Override
        public String describe() {
            return join("all of", parts);
        }
    }

    /** Holds when at least one part holds. */
    record Any(List<Expectation> parts) implements Expectation {
        public Any {
            parts = nonEmpty(parts, "any");
        }

        @Override
        public Set<String> keys() {
            return keysOf(parts);
        }

        @Override
        public String describe() {
            return join("any of", parts);
        }
    }

    /** Holds when no part holds. */
    record None(List<Expectation> parts) implements Expectation {
        public None {
            parts = nonEmpty(parts, "none");
        }

        @Override
        public Set<String> keys() {
            return keysOf(parts);
        }

        @Override
        public String describe() {
            return join("none of", parts);
        }
    }

    private static List<Expectation> nonEmpty(List<Expectation> parts, String name) {
        if (parts == null || parts.isEmpty()) {
            throw new IllegalArgumentException("'" + name + "' needs at least one expectation");
        }
        return List.copyOf(parts);
    }

    private static Set<String> keysOf(List<Expectation> parts) {
        Set<String> keys = new LinkedHashSet<>();
        parts.forEach(p -> keys.addAll(p.keys()));
        return Collections.unmodifiableSet(keys);
    }

    private static String join(String word, List<Expectation> parts) {
        return parts.stream().map(Expectation::describe).collect(Collectors.joining("; ", word + " (", ")"));
    }
}
