package org.bulwark.scoring.api;

/** Why an exception was granted; it decides whether the exception gives credit. */
public enum Justification {
    /** A third-party product covers the control. Gives credit while active. */
    THIRD_PARTY_CONTROL(true),
    /** Another measure mitigates the risk. Gives credit while active. */
    ALTERNATE_MITIGATION(true),
    /** The risk is accepted. No credit: the recommendation shows the exception, the score does not move. */
    RISK_ACCEPTED(false),
    /** A fix is planned. No credit. */
    PLANNED_REMEDIATION(false);

    private final boolean givesCredit;

    Justification(boolean givesCredit) {
        this.givesCredit = givesCredit;
    }

    /** @return whether an active exception with this justification credits a non-passing result */
    public boolean givesCredit() {
        return givesCredit;
    }
}
