package org.bulwark.benchmark.api;

/** What kind of change fixes a control, as Defender's users know the types. */
public enum RemediationType {
    CONFIGURATION_CHANGE("Configuration change"),
    SOFTWARE_UPDATE("Software update"),
    SOFTWARE_UNINSTALL("Uninstall software"),
    SOFTWARE_INSTALL("Install software"),
    ACCOUNT_CHANGE("Account change"),
    FILE_PERMISSIONS("File permissions");

    private final String label;

    RemediationType(String label) {
        this.label = label;
    }

    /** @return the name shown to people */
    public String label() {
        return label;
    }
}
