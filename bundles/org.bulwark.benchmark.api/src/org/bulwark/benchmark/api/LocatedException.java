package org.bulwark.benchmark.api;

/**
 * A file (or other input) that cannot be used, with where and why: the origin, the line and column where known,
 * the field (a path such as {@code controls[3].weight}) and the reason. The message is always
 * {@code origin[:line[:column]]: [field: ]reason}. The base of the errors of Bulwark's readers (content files,
 * reports, uploads), so that a caller can report any of them the same way.
 *
 * @since 1.1
 */
public class LocatedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String origin;
    private final int line;
    private final int column;
    private final String field;
    private final String reason;

    /**
     * @param origin the file or other source
     * @param line   1-based line, or 0 if unknown
     * @param column 1-based column, or 0 if unknown
     * @param field  the path of the offending field, or {@code null}
     * @param reason what is wrong
     * @param cause  the underlying exception, or {@code null}
     */
    public LocatedException(String origin, int line, int column, String field, String reason, Throwable cause) {
        super(format(origin, line, column, field, reason), cause);
        this.origin = origin;
        this.line = line;
        this.column = column;
        this.field = field;
        this.reason = reason;
    }

    /**
     * @return {@code origin[:line[:column]]: [field: ]reason}: the line only when known (above 0), the column only
     *         with a line, the field only when given and not empty
     */
    public static String format(String origin, int line, int column, String field, String reason) {
        StringBuilder b = new StringBuilder(String.valueOf(origin));
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

    /** @return the file or other source */
    public String origin() {
        return origin;
    }

    /** @return the 1-based line, or 0 if unknown */
    public int line() {
        return line;
    }

    /** @return the 1-based column, or 0 if unknown */
    public int column() {
        return column;
    }

    /** @return the path of the offending field, e.g. {@code controls[3].weight}, or {@code null} */
    public String field() {
        return field;
    }

    /** @return what is wrong */
    public String reason() {
        return reason;
    }
}
