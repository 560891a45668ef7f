package org.bulwark.windows.api;

import java.util.Objects;

/**
 * A Windows fact could not be read: its hive or file is missing, corrupt or unreadable. The message names the
 * file (as the target sees it) and where in it, e.g. {@code /Windows/System32/config/SYSTEM: offset 0x2040: bad cell}.
 */
public class WindowsReadException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String file;

    /**
     * @param file   the file as the target sees it, e.g. {@code /Windows/System32/config/SAM}
     * @param reason what is wrong, for people
     */
    public WindowsReadException(String file, String reason) {
        this(file, reason, null);
    }

    public WindowsReadException(String file, String reason, Throwable cause) {
        super(Objects.requireNonNull(file, "file") + ": " + Objects.requireNonNull(reason, "reason"), cause);
        this.file = file;
    }

    /** @return the file the fact should have come from, as the target sees it */
    public String file() {
        return file;
    }
}
