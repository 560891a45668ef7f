package org.bulwark.report.api;

import org.bulwark.benchmark.api.LocatedException;

/**
 * A saved report or an upload that cannot be used. It names the file, the line and column where known, the
 * field (a path such as {@code results[3].weight}) and the reason (see {@link LocatedException}, its base since
 * 1.3).
 */
public class ReportException extends LocatedException {

    private static final long serialVersionUID = 1L;

    /**
     * @param origin the file or other source
     * @param line   1-based line, or 0 if unknown
     * @param column 1-based column, or 0 if unknown
     * @param field  the path of the offending field, or {@code null}
     * @param reason what is wrong
     * @param cause  the underlying exception, or {@code null}
     */
    public ReportException(String origin, int line, int column, String field, String reason, Throwable cause) {
        super(origin, line, column, field, reason, cause);
    }
}
