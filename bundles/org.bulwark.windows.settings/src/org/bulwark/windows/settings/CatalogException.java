package org.bulwark.windows.settings;

/** A settings catalogue that breaks its format; the message names the file and the field. */
public class CatalogException extends Exception {
    private static final long serialVersionUID = 1L;

    public CatalogException(String message) {
        super(message);
    }
}
