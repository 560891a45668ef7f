package org.bulwark.scap;

/** SCAP content that cannot be read or is malformed; the message names the file, line and element. */
public final class ScapContentException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String element;

    /**
     * @param file the file's name as given
     * @param line the 1-based line, or -1 when unknown
     * @param element the element's qualified name, or {@code ""} when none
     * @param reason what is wrong
     */
    public ScapContentException(String file, int line, String element, String reason) {
        super(file + (line > 0 ? ":" + line : "") + (element.isEmpty() ? "" : ": <" + element + ">") + ": " + reason);
        this.file = file;
        this.line = line;
        this.element = element;
    }

    /** @return the file's name as given */
    public String file() {
        return file;
    }

    /** @return the 1-based line, or -1 when unknown */
    public int line() {
        return line;
    }

    /** @return the element's qualified name, or {@code ""} */
    public String element() {
        return element;
    }
}
