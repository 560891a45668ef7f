package org.bulwark.operations.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.bulwark.vulnerability.api.ExposureBand;
import org.bulwark.vulnerability.api.Finding;
import org.bulwark.vulnerability.api.MatchProblem;

/**
 * One device's exposure, or why it has none.
 *
 * @param deviceId     the device
 * @param hostname     its host name
 * @param release      the release it was matched as, e.g. {@code debian 12 (bookworm)}; empty when unknown
 * @param reason       why the device could not be matched (no readable inventory, a platform the feeds do not
 *                     cover); empty when it was
 * @param findings     its open vulnerabilities that count in its score (all but those a crediting exception
 *                     covers), by source package then id
 * @param undetermined advisories whose status is not yet known ({@code source/id}): shown, never counted
 * @param problems     what could not be decided (invalid versions…)
 * @param score        the device's exposure score {@code E_d}, 0 to 100; empty when it could not be matched
 * @param band         its band; empty when there is no score
 * @param excepted     its open vulnerabilities an active exception covers (since 1.6), in the order of the
 *                     findings; the credited ones are not in {@code findings}
 * @since 1.1
 */
public record DeviceExposure(String deviceId, String hostname, String release, String reason, List<Finding> findings,
        List<String> undetermined, List<MatchProblem> problems, Optional<Double> score, Optional<ExposureBand> band,
        List<ExceptedFinding> excepted) {

    public DeviceExposure {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(reason, "reason");
        findings = List.copyOf(findings);
        undetermined = List.copyOf(undetermined);
        problems = List.copyOf(problems);
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(band, "band");
        excepted = List.copyOf(excepted);
    }

    /** A device exposure without exceptions (the 1.1 constructor). */
    public DeviceExposure(String deviceId, String hostname, String release, String reason, List<Finding> findings,
            List<String> undetermined, List<MatchProblem> problems, Optional<Double> score,
            Optional<ExposureBand> band) {
        this(deviceId, hostname, release, reason, findings, undetermined, problems, score, band, List.of());
    }
}
