package org.bulwark.store.api;

import java.util.Objects;

import org.bulwark.collector.api.Category;
import org.bulwark.scoring.api.ResultState;

/**
 * One control's result in a stored assessment, with what it gave the score. The evidence is in the assessment's
 * JSON report ({@link StoredAssessment#reportJson()}).
 *
 * @param controlId   the control
 * @param title       its title then
 * @param category    its category then
 * @param weight      its weight then
 * @param state       the result
 * @param reason      why (for every state but PASS); may be {@code null}
 * @param credit      whether it earned its weight: PASS, or counted and covered by a crediting exception
 * @param exceptionId the active exception that covered it, or {@code null}
 */
public record StoredResult(String controlId, String title, Category category, int weight, ResultState state,
        String reason, boolean credit, String exceptionId) {
    public StoredResult {
        Objects.requireNonNull(controlId, "controlId");
        Objects.requireNonNull(state, "state");
    }

    /** @return the points it earned: its weight with credit, 0 without, 0 when not counted */
    public double earned() {
        return state.counted() && credit ? weight : 0;
    }

    /** @return the points it could earn: its weight when counted, else 0 */
    public double possible() {
        return state.counted() ? weight : 0;
    }
}
