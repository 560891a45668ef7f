package org.bulwark.server.internal;

import java.util.Objects;

import org.bulwark.operations.api.Assessments;
import org.bulwark.operations.api.EntityCsv;
import org.bulwark.operations.api.EntityJson;
import org.bulwark.operations.api.ExceptionOperations;
import org.bulwark.operations.api.FileOutput;
import org.bulwark.operations.api.RecommendationRows;
import org.bulwark.operations.api.RemediationOperations;
import org.bulwark.operations.api.UploadIntake;
import org.bulwark.operations.api.VulnerabilityOperations;

/**
 * The operations services the server's resources are thin adapters over: each use case (upload intake, exception
 * and activity changes, recommendation rows, exposure, change timelines), the JSON and CSV of stored entities, and atomic file output.
 */
record Operations(UploadIntake intake, ExceptionOperations exceptions, RemediationOperations remediations,
        RecommendationRows recommendations, VulnerabilityOperations vulnerabilities, Assessments assessments,
        EntityJson json, EntityCsv csv, FileOutput files) {

    Operations {
        Objects.requireNonNull(intake, "intake");
        Objects.requireNonNull(exceptions, "exceptions");
        Objects.requireNonNull(remediations, "remediations");
        Objects.requireNonNull(recommendations, "recommendations");
        Objects.requireNonNull(vulnerabilities, "vulnerabilities");
        Objects.requireNonNull(assessments, "assessments");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(csv, "csv");
        Objects.requireNonNull(files, "files");
    }
}
