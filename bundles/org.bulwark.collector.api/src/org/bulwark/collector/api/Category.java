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
        Category c = BY_NAME.get(normalize(text));
        if (c != null) {
            return c;
        }
        throw new IllegalArgumentException("unknown category '" + text
                + "' (expected one of application, operating-system, network, accounts, security-controls)");
    }

    /** Every category by its normalized name and label (a report of 300 results parses 300 categories). */
    private static final java.util.Map<String, Category> BY_NAME = byName();

    private static java.util.Map<String, Category> byName() {
        java.util.Map<String, Category> map = new java.util.HashMap<>();
        for (Category c : values()) {
            map.put(normalize(c.name()), c);
            map.put(normalize(c.label), c);
        }
        return java.util.Map.copyOf(map);
    }

    /** @return {@code s} lower-cased without white space, '_' and '-' */
    private static String normalize(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch != '_' && ch != '-' && !Character.isWhitespace(ch)) {
                b.append(Character.toLowerCase(ch));
            }
        }
        return b.toString();
    }
}
