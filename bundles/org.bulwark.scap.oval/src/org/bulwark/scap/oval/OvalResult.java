package org.bulwark.scap.oval;

import java.util.List;

/**
 * The result of one OVAL definition.
 *
 * @param definitionId the definition's id
 * @param outcome its result
 * @param message for {@code ERROR}, {@code UNKNOWN}, {@code NOT_EVALUATED} and {@code NOT_APPLICABLE} the reason
 *                of the first test or variable that gave it (e.g. {@code "rpminfo_test oval:x:tst:1: test type
 *                rpminfo_test (linux) is not implemented"}); {@code ""} otherwise
 * @param tests the tests its criteria (and the definitions they extend) reached, in evaluation order
 */
public record OvalResult(String definitionId, OvalOutcome outcome, String message, List<OvalTestResult> tests) {

    public OvalResult {
        tests = List.copyOf(tests);
    }
}
