package org.bulwark.scoring.api;

/** XCCDF rule results. */
public enum XccdfResult {
    PASS, FAIL, ERROR, UNKNOWN, NOTAPPLICABLE, NOTCHECKED, NOTSELECTED, INFORMATIONAL, FIXED;

    /** @return whether the rule counts: not notselected, notapplicable, informational or notchecked */
    public boolean counted() {
        return this != NOTSELECTED && this != NOTAPPLICABLE && this != INFORMATIONAL && this != NOTCHECKED;
    }

    /** @return whether it scores as passed (pass, fixed) */
    public boolean passed() {
        return this == PASS || this == FIXED;
    }
}
