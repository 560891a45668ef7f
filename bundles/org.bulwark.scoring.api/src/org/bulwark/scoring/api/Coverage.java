package org.bulwark.scoring.api;

/**
 * How much of a score rests on checks that really ran.
 *
 * @param counted       counted results (PASS, FAIL, ERROR, UNKNOWN)
 * @param passed        PASS results
 * @param failed        FAIL results
 * @param errors        ERROR results
 * @param unknown       UNKNOWN results
 * @param notChecked    NOT_CHECKED results (not counted)
 * @param notApplicable NOT_APPLICABLE results (not counted)
 * @param informational INFORMATIONAL results (not counted)
 */
public record Coverage(int counted, int passed, int failed, int errors, int unknown, int notChecked,
        int notApplicable, int informational) {

    /** @return the share of counted results that are PASS or FAIL (1 when nothing is counted) */
    public double ratio() {
        return counted == 0 ? 1.0 : (double) (passed + failed) / counted;
    }
}
