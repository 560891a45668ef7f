package org.bulwark.benchmark.api;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import org.bulwark.collector.api.Category;

/**
 * One check of a benchmark.
 *
 * @param id            unique among all loaded content, e.g. {@code bulwark.linux.sysctl.aslr}
 * @param title         what a passing device has, e.g. {@code "Address space layout randomization is enabled"}
 * @param category      the category the control scores in
 * @param weight        its impact on the score, 1 to 10
 * @param description   what is checked
 * @param rationale     why it matters
 * @param expect        what the observations must show
 * @param applicability when the control applies, or {@code null} when it always does
 * @param remediation   how to fix it
 * @param references    other frameworks' ids
 */
public record Control(String id, String title, Category category, int weight, String description,
        String rationale, Expectation expect, Applicability applicability, Remediation remediation,
        References references) {

    public static final int MIN_WEIGHT = 1;
    public static final int MAX_WEIGHT = 10;

    public Control {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(expect, "expect");
        Objects.requireNonNull(remediation, "remediation");
        references = references == null ? References.NONE : references;
        if (weight < MIN_WEIGHT || weight > MAX_WEIGHT) {
            throw new IllegalArgumentException("weight must be 1 to 10, was " + weight);
        }
    }

    /** @return every observation key the control reads, its applicability's first */
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        if (applicability != null) {
            keys.addAll(applicability.when().keys());
        }
        keys.addAll(expect.keys());
        return keys;
    }
}
