package org.bulwark.scap.oval;

import java.util.List;

/**
 * The evidence of one test a definition's evaluation reached.
 *
 * @param testId the test's id
 * @param testType its element name, e.g. {@code textfilecontent54_test}
 * @param outcome its result
 * @param message why it is not {@code TRUE} or {@code FALSE} (the file, field or element concerned), or what
 *                decided it; may be {@code ""}
 * @param itemCount how many items its object collected
 * @param items the first of those items (at most {@link #MAX_ITEMS})
 */
public record OvalTestResult(String testId, String testType, OvalOutcome outcome, String message, int itemCount,
        List<OvalItem> items) {

    /** The most items kept as evidence of one test. */
    public static final int MAX_ITEMS = 20;

    public OvalTestResult {
        items = List.copyOf(items);
    }
}
