package org.bulwark.benchmark.api;

/**
 * Content that cannot be used. It names the file, the line and column where known, the field (a path such
 * as {@code controls[3].expect.op}) and the reason. Content is rejected whole: nothing from a file that
 * raises this exception is used.
 */
public class BenchmarkException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String origin;
    private final int line;
    private final int column;
    private final String field;
    private final String reason;

    /**
     * @param origin the file or bundle resource
     * @param line   1-based line, or 0 if unknown
     * @param column 1-based column, or 0 if unknown
     * @param field  the path of the offending field, or {@code null}
     * @param reason what is wrong
     * @param cause  the underlying exception, or {@code null}
     */
    public BenchmarkException(String origin, int line, int column, String field, String reason, Throwable cause) {
        super(format(origin, line, column, field, reason), cause);
        this.origin = origin;
        this.line = line;
        this.column = column;
        this.field = field;
        this.reason = reason;
    }

    private static String format(String origin, int line, int column, String field, String reason) {
        StringBuilder b = new StringBuilder(origin);
        if (line > 0) {
            b.append(':').append(line);
            if (column > 0) {
                b.append(':').append(column);
            }
        }
        b.append(": ");
        if (field != null && !field.isEmpty()) {
            b.append(field).append(": ");
        }
        return b.append(reason).toString();
    }

    public String origin() {
        return origin;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** @return the path of the offending field, e.g. {@code controls[3].weight}, or {@code null} */
    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
