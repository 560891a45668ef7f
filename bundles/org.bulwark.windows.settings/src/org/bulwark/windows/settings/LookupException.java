package org.bulwark.windows.settings;

import java.util.Objects;

/**
 * A value could not be looked up because the place it lives in (a hive file) is missing, corrupt or unreadable;
 * the message names the file and the reason. A key or value that merely does not exist is no exception.
 */
public class LookupException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message the file as the target sees it and what is wrong with it, for people */
    public LookupException(String message) {
        super(Objects.requireNonNull(message, "message"));
    }
}
