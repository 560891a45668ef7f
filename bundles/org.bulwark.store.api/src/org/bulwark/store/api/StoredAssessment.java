package org.bulwark.store.api;

import java.util.List;
import java.util.Objects;

import org.bulwark.scoring.api.BenchmarkInfo;
import org.bulwark.scoring.api.ControlException;

/**
 * A stored assessment, whole.
 *
 * @param summary    the headline figures
 * @param benchmarks the content used (id, version, origin, SHA-256)
 * @param collectors the collector bundles that ran, as {@code symbolic-name version}, each once
 * @param results    every result, in content order
 * @param exceptions the exceptions that were applied
 * @param reportJson the full JSON report (format of {@code docs/report.schema.json}): every result with its evidence
 */
public record StoredAssessment(AssessmentSummary summary, List<BenchmarkInfo> benchmarks, List<String> collectors,
        List<StoredResult> results, List<ControlException> exceptions, String reportJson) {
    public StoredAssessment {
        Objects.requireNonNull(summary, "summary");
        benchmarks = List.copyOf(benchmarks);
        collectors = List.copyOf(collectors);
        results = List.copyOf(results);
        exceptions = List.copyOf(exceptions);
    }
}
