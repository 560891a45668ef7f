package org.bulwark.windows.live.internal;

/** A Win32 call that failed, with its error code ({@code GetLastError}, a registry or NET_API_STATUS code). */
final class Win32Failure extends Exception {
    private static final long serialVersionUID = 1L;

    static final int ERROR_FILE_NOT_FOUND = 2;
    static final int ERROR_PATH_NOT_FOUND = 3;
    static final int ERROR_ACCESS_DENIED = 5;
    static final int ERROR_PRIVILEGE_NOT_HELD = 1314;

    private final String call;
    private final int code;

    Win32Failure(String call, int code) {
        super(call + " failed: " + describe(code));
        this.call = call;
        this.code = code;
    }

    String call() {
        return call;
    }

    int code() {
        return code;
    }

    /** @return whether the key (or value) does not exist, as opposed to not being readable */
    boolean missing() {
        return code == ERROR_FILE_NOT_FOUND || code == ERROR_PATH_NOT_FOUND;
    }

    /** @return whether the caller may not read it (not elevated, or not SYSTEM for SAM/SECURITY) */
    boolean accessDenied() {
        return code == ERROR_ACCESS_DENIED || code == ERROR_PRIVILEGE_NOT_HELD;
    }

    static String describe(int code) {
        return switch (code) {
            case ERROR_FILE_NOT_FOUND -> "error 2 (not found)";
            case ERROR_PATH_NOT_FOUND -> "error 3 (path not found)";
            case ERROR_ACCESS_DENIED -> "error 5 (access denied)";
            case ERROR_PRIVILEGE_NOT_HELD -> "error 1314 (a required privilege is not held)";
            default -> "error " + code;
        };
    }
}
