package org.bulwark.scap;

/**
 * SCAP content that cannot be read or is malformed; the message names the file, line, column, element and
 * attribute, e.g. {@code ds.xml:1651:9: <xccdf-1.2:select> @idref: unknown rule or group "x"}.
 */
public final class ScapContentException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String element;
    private final String attribute;

    /**
     * @param file the file's name as given
     * @param line the 1-based line, or -1 when unknown
     * @param column the 1-based column, or -1 when unknown
     * @param element the element's qualified name, or {@code ""} when none
     * @param attribute the attribute's local name, or {@code ""} when the element as a whole is wrong
     * @param reason what is wrong
     */
    public ScapContentException(String file, int line, int column, String element, String attribute,
            String reason) {
        super(file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "")
                + (element.isEmpty() ? "" : ": <" + element + ">") + (attribute.isEmpty() ? "" : " @" + attribute)
                + ": " + reason);
        this.file = file;
        this.line = line;
        this.column = column;
        this.element = element;
        this.attribute = attribute;
    }

    /** A problem with the file as a whole (unreadable, too large). */
    public ScapContentException(String file, String reason) {
        this(file, -1, -1, "", "", reason);
    }

    /** @return the file's name as given */
    public String file() {
        return file;
    }

    /** @return the 1-based line, or -1 when unknown */
    public int line() {
        return line;
    }

    /** @return the 1-based column, or -1 when unknown */
    public int column() {
        return column;
    }

    /** @return the element's qualified name, or {@code ""} */
    public String element() {
        return element;
    }

    /** @return the attribute's local name, or {@code ""} */
    public String attribute() {
        return attribute;
    }
}
