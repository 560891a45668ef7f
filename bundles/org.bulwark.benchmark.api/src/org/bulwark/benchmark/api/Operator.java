package org.bulwark.benchmark.api;

import java.util.Locale;

/** How a {@link Expectation.Check} compares an observation's values with its operands. */
public enum Operator {
    /** The observation is {@code PRESENT}. Takes no operand. */
    PRESENT("present", 0),
    /** The observation is {@code ABSENT}. Takes no operand. */
    ABSENT("absent", 0),
    /** The value equals the operand (exact, case-sensitive). */
    EQUALS("equals", 1),
    /** The value differs from the operand. */
    NOT_EQUALS("notEquals", 1),
    /** The value equals one of the operands. */
    ONE_OF("oneOf", -1),
    /** The value matches the operand, a Java regular expression, in full. */
    MATCHES("matches", 1),
    /** Numeric comparisons; a value that is not a number makes the result UNKNOWN. */
    LT("lt", 1), LE("le", 1), GT("gt", 1), GE("ge", 1),
    /** Version comparisons (Debian ordering: epochs, upstream, revision, '~' sorts first). */
    VERSION_LT("versionLt", 1), VERSION_LE("versionLe", 1), VERSION_GT("versionGt", 1), VERSION_GE("versionGe", 1);

    private final String jsonName;
    private final int operands;

    Operator(String jsonName, int operands) {
        this.jsonName = jsonName;
        this.operands = operands;
    }

    /** @return the name used in content files, e.g. {@code "versionGe"} */
    public String jsonName() {
        return jsonName;
    }

    /** @return how many operands the operator takes: 0, 1, or -1 for one or more */
    public int operands() {
        return operands;
    }

    /** @return whether the operator tests existence ({@link #PRESENT}, {@link #ABSENT}) rather than values */
    public boolean existential() {
        return operands == 0;
    }

    /** @return the operator named {@code name} in content files, or {@code null} */
    public static Operator fromJson(String name) {
        for (Operator o : values()) {
            if (o.jsonName.equals(name)) {
                return o;
            }
        }
        return null;
    }

    /** @return every name accepted in content files, comma-separated */
    public static String names() {
        StringBuilder b = new StringBuilder();
        for (Operator o : values()) {
            b.append(b.length() == 0 ? "" : ", ").append(o.jsonName);
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return jsonName.toLowerCase(Locale.ROOT);
    }
}
