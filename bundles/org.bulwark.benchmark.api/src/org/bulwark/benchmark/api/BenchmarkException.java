package org.bulwark.benchmark.api;

/**
 * Content that cannot be used. It names the file, the line and column where known, the field (a path such
 * as {@code controls[3].expect.op}) and the reason (see {@link LocatedException}). Content is rejected whole:
 * nothing from a file that raises this exception is used.
 */
public class BenchmarkException extends LocatedException {

    private static final long serialVersionUID = 1L;

    /**
     * @param origin the file or bundle resource
     * @param line   1-based line, or 0 if unknown
     * @param column 1-based column, or 0 if unknown
     * @param field  the path of the offending field, or {@code null}
     * @param reason what is wrong
     * @param cause  the underlying exception, or {@code null}
     */
    public BenchmarkException(String origin, int line, int column, String field, String reason, Throwable cause) {
        super(origin, line, column, field, reason, cause);
    }
}
