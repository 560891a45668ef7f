package org.bulwark.collector.api;

/**
 * The five categories every control and collector belongs to, as security teams know them from
 * Defender's Secure Score for Devices.
 */
public enum Category {
    APPLICATION("Application"),
    OPERATING_SYSTEM("Operating system"),
    NETWORK("Network"),
    ACCOUNTS("Accounts"),
    SECURITY_CONTROLS("Security controls");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    /** @return the name shown to people, e.g. {@code "Operating system"} */
    public String label() {
        return label;
    }

    /**
     * Parses a category from its constant name or its label, ignoring case, '-', '_' and spaces
     * ({@code "operating-system"}, {@code "Operating system"}, {@code "OPERATING_SYSTEM"}).
     *
     * @throws IllegalArgumentException naming the accepted values when {@code text} matches none
     */
    public static Category parse(String text) {
        String wanted = normalize(text);
        for (Category c : values()) {
            if (normalize(c.name()).equals(wanted) || normalize(c.label).equals(wanted)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown category '" + text
                + "' (expected one of application, operating-system, network, accounts, security-controls)");
    }

    private static String normalize(String s) {
        return s == null ? "" : s.replaceAll("[\\s_-]", "").toLowerCase(java.util.Locale.ROOT);
    }
}
