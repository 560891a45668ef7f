package org.bulwark.scap.content;

/**
 * The result documents of a SCAP assessment, as OpenSCAP writes them.
 *
 * @since 1.1
 */
public enum ScapResultFormat {
    /**
     * An XCCDF 1.2 results file, as {@code oscap xccdf eval --results} writes it: the assessed benchmark, copied
     * from its file, with one {@code TestResult}: a {@code rule-result} per rule of the benchmark (those the
     * profile does not select are {@code notselected}), the profile's values and the four XCCDF scores.
     */
    XCCDF,
    /**
     * An ARF 1.1 asset report collection, as {@code oscap xccdf eval --results-arf} writes it: the data stream as
     * the report request, the target as the asset, the {@code TestResult} and the OVAL results of each OVAL
     * component the rules' checks used.
     */
    ARF
}
