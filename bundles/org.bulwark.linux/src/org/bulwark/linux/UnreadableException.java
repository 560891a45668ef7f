package org.bulwark.linux;

/** A file or directory of the target that exists but could not be read. */
public final class UnreadableException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final String reason;

    /**
     * @param path   the path as the target sees it, e.g. {@code /etc/shadow}
     * @param reason why, for people, e.g. {@code "permission denied"}
     */
    public UnreadableException(String path, String reason) {
        super(path + ": " + reason);
        this.path = path;
        this.reason = reason;
    }

    /** @return the path as the target sees it */
    public String path() {
        return path;
    }

    /** @return why it could not be read, e.g. {@code "permission denied"} */
    public String reason() {
        return reason;
    }
}
