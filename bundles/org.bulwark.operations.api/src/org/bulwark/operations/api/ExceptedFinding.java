package org.bulwark.operations.api;

import java.util.Objects;

import org.bulwark.scoring.api.ControlException;
import org.bulwark.vulnerability.api.Finding;

/**
 * A weakness of one device that an active {@code cve:} or {@code software:} exception covers.
 *
 * @param finding   the weakness
 * @param exception the exception that covers it (the crediting one when several do)
 * @since 1.6
 */
public record ExceptedFinding(Finding finding, ControlException exception) {

    public ExceptedFinding {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(exception, "exception");
    }

    /**
     * @return whether the weakness stops counting in the exposure score: its exception's justification gives
     *         credit (third-party-control, alternate-mitigation), as a control's does in the secure score; a risk
     *         accepted or a planned remediation is shown and still counts
     */
    public boolean credited() {
        return exception.justification().givesCredit();
    }
}
