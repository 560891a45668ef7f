package org.bulwark.report.api;

import java.util.Locale;

/** The formats a {@link ReportWriter} renders. */
public enum ReportFormat {
    /** A summary for a terminal: score, categories, coverage, the top recommendations. */
    TEXT("txt"),
    /** The full report, format described by {@code docs/report.schema.json}; readable by {@link ReportReader}. */
    JSON("json"),
    /** One row per recommendation (RFC 4180), cells escaped against formula injection. */
    CSV("csv"),
    /** One self-contained page: no scripts, styles or fonts fetched from anywhere. */
    HTML("html"),
    /**
     * What an agent sends a fleet server, compact JSON described by {@code docs/upload.schema.json}: the device,
     * its collector runs and each result's state, reason and evidence, without what the server takes from its own
     * content (titles, rationale, remediation) or computes (scores, recommendations, exceptions); read by
     * {@link ReportReader#readUpload}.
     *
     * @since 1.2
     */
    UPLOAD("json"),
    /**
     * JUnit XML for CI servers: one test case per control; FAIL a failure, ERROR and UNKNOWN an error, the rest
     * (and failures under an exception) skipped.
     *
     * @since 1.5
     */
    JUNIT("xml"),
    /**
     * SARIF 2.1.0 for code-scanning tools: the controls as rules, one result per control with its kind, level and
     * the evidence's files as locations.
     *
     * @since 1.5
     */
    SARIF("sarif");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    /** @return the usual file name extension, without the dot, e.g. {@code "json"} */
    public String extension() {
        return extension;
    }

    /**
     * Parses a format name, ignoring case ({@code "json"}, {@code "HTML"}).
     *
     * @throws IllegalArgumentException naming the accepted values when {@code name} matches none
     */
    public static ReportFormat parse(String name) {
        String wanted = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
        for (ReportFormat f : values()) {
            if (f.name().equals(wanted)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown report format '" + name + "' (expected one of text, json, csv, html, upload, junit, sarif)");
    }
}
