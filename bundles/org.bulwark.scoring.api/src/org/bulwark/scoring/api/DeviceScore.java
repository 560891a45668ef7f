package org.bulwark.scoring.api;

/**
 * One device's score: {@code 100 · Σ w·credit / Σ w} over the controls counted on it.
 *
 * @param deviceId the device
 * @param points   earned and possible weight
 * @param coverage its results by state
 */
public record DeviceScore(String deviceId, Points points, Coverage coverage) {
}
