package org.bulwark.operations.api;

import java.util.List;
import java.util.Objects;

import org.bulwark.scoring.api.Assessment;
import org.bulwark.store.api.AssessmentSummary;
import org.bulwark.store.api.StoreException;

/**
 * What an assessment gave: the assessment (its report was written), and what became of storing it.
 *
 * @param assessment   the assessment
 * @param stored       the stored assessment's summary, or {@code null} when it was not stored (no store, or a
 *                     failure)
 * @param storeFailure why it was not stored, or {@code null}
 * @param warnings     what the user should know, e.g. {@code stored exceptions could not be read: …}
 */
public record AssessOutcome(Assessment assessment, AssessmentSummary stored, StoreException storeFailure,
        List<String> warnings) {

    public AssessOutcome {
        Objects.requireNonNull(assessment, "assessment");
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
