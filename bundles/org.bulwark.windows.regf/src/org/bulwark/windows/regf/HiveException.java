package org.bulwark.windows.regf;

/** A hive that cannot be read: its file, the file offset where reading failed (-1 when none), and why. */
public class HiveException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long offset;

    public HiveException(String file, long offset, String reason) {
        super(message(file, offset, reason));
        this.file = file;
        this.offset = offset;
    }

    public HiveException(String file, long offset, String reason, Throwable cause) {
        super(message(file, offset, reason), cause);
        this.file = file;
        this.offset = offset;
    }

    private static String message(String file, long offset, String reason) {
        return offset < 0 ? file + ": " + reason : file + " at offset 0x" + Long.toHexString(offset) + ": " + reason;
    }

    /** The name of the hive file (as given to {@link Hive#open} or {@link Hive#parse}). */
    public String file() {
        return file;
    }

    /** The offset in the file where reading failed, -1 when none applies. */
    public long offset() {
        return offset;
    }
}
