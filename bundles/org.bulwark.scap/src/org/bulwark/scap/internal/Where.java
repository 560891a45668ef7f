package org.bulwark.scap.internal;

import org.bulwark.scap.ScapContentException;

/** Where an element was read, kept to report a dangling reference found after the pass. */
record Where(String file, String element, int line, int column) {

    ScapContentException error(String attribute, String reason) {
        return new ScapContentException(file, line, column, element, attribute, reason);
    }

    /** @return the text cut to 120 characters for a message */
    static String clip(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "...";
    }
}
