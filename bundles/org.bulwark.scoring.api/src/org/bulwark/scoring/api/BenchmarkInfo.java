package org.bulwark.scoring.api;

/**
 * The content an assessment used.
 *
 * @param id       benchmark id
 * @param title    its title
 * @param version  its version
 * @param origin   the file or bundle resource
 * @param sha256   the file's hash
 * @param controls how many controls it has
 */
public record BenchmarkInfo(String id, String title, String version, String origin, String sha256, int controls) {
}
