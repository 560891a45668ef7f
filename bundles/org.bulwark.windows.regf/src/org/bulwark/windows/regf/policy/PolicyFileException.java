package org.bulwark.windows.regf.policy;

/**
 * A policy file or blob that cannot be decoded: its file, where in it (e.g. "offset 0x1c", "line 12",
 * "field MinPasswordLength"; "" when nowhere in particular) and why.
 */
public class PolicyFileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String where;

    public PolicyFileException(String file, String where, String reason) {
        super(where.isEmpty() ? file + ": " + reason : file + " at " + where + ": " + reason);
        this.file = file;
        this.where = where;
    }

    static PolicyFileException atOffset(String file, long offset, String reason) {
        return new PolicyFileException(file, "offset 0x" + Long.toHexString(offset), reason);
    }

    static PolicyFileException atLine(String file, int line, String reason) {
        return new PolicyFileException(file, "line " + line, reason);
    }

    static PolicyFileException atField(String file, String field, String reason) {
        return new PolicyFileException(file, "field " + field, reason);
    }

    public String file() {
        return file;
    }

    /** Where in the file: "offset 0x…", "line N", "field NAME", or "". */
    public String where() {
        return where;
    }
}
