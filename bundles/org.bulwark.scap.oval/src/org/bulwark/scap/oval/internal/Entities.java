package org.bulwark.scap.oval.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;

import org.bulwark.scap.oval.OvalOutcome;
import org.bulwark.version.api.DebianVersion;

/**
 * One comparison of OVAL 5.11: an item's value against a state's (or an object's) value under an operation and
 * a datatype. {@code pattern match} searches (it is not anchored, as in OVAL); the other operations need the
 * datatype to allow them. A value that is not of its datatype (an {@code int} that is no number) is
 * {@code ERROR}.
 */
final class Entities {

    private Entities() {
    }

    /**
     * @param datatype  e.g. {@code string}, {@code int}, {@code debian_evr_string}
     * @param operation e.g. {@code equals}, {@code pattern match}
     * @param actual    the item's value
     * @param expected  the state's value (a regular expression for {@code pattern match})
     * @param where     the element, for messages
     * @return {@code TRUE} or {@code FALSE}
     * @throws OvalError when a value is not of the datatype, the operation does not apply to it, or the pattern
     *                   is invalid
     */
    static OvalOutcome compare(String datatype, String operation, String actual, String expected, Regexes regexes,
            String where) {
        return compareOrThrow(datatype, operation, actual, expected, regexes, where) ? OvalOutcome.TRUE
                : OvalOutcome.FALSE;
    }

    static boolean compareOrThrow(String datatype, String operation, String actual, String expected,
            Regexes regexes, String where) {
        if (operation.equals("pattern match")) {
            return Regexes.bounded(regexes.pattern(expected, where), actual, where).find();
        }
        switch (datatype) {
        case "string", "ipv4_address", "ipv6_address", "fileset_revision", "ios_version", "binary":
            return strings(operation, actual, expected, where);
        case "int":
            return ordered(operation, integer(actual, where).compareTo(integer(expected, where)),
                    () -> bitwise(operation, integer(actual, where), integer(expected, where), where), where);
        case "float":
            return ordered(operation, decimal(actual, where).compareTo(decimal(expected, where)), null, where);
        case "boolean":
            boolean a = bool(actual, where);
            boolean e = bool(expected, where);
            return switch (operation) {
            case "equals" -> a == e;
            case "not equal" -> a != e;
            default -> throw unsupported(operation, datatype, where);
            };
        case "version":
            return ordered(operation, version(actual, expected), null, where);
        case "debian_evr_string", "evr_string":
            return ordered(operation, evr(actual, where).compareTo(evr(expected, where)), null, where);
        default:
            throw new OvalError(where + ": datatype " + datatype + " is not supported");
        }
    }

    private static boolean strings(String operation, String actual, String expected, String where) {
        return switch (operation) {
        case "equals" -> actual.equals(expected);
        case "not equal" -> !actual.equals(expected);
        case "case insensitive equals" -> actual.toLowerCase(Locale.ROOT).equals(expected.toLowerCase(Locale.ROOT));
        case "case insensitive not equal" -> !actual.toLowerCase(Locale.ROOT).equals(expected.toLowerCase(Locale.ROOT));
        default -> throw unsupported(operation, "string", where);
        };
    }

    private interface Bitwise {
        boolean get();
    }

    private static boolean ordered(String operation, int cmp, Bitwise bitwise, String where) {
        return switch (operation) {
        case "equals" -> cmp == 0;
        case "not equal" -> cmp != 0;
        case "greater than" -> cmp > 0;
        case "less than" -> cmp < 0;
        case "greater than or equal" -> cmp >= 0;
        case "less than or equal" -> cmp <= 0;
        case "bitwise and", "bitwise or" -> {
            if (bitwise == null) {
                throw unsupported(operation, "this datatype", where);
            }
            yield bitwise.get();
        }
        default -> throw unsupported(operation, "an ordered datatype", where);
        };
    }

    /** OVAL: {@code bitwise and} is true when every bit set in the state's value is set in the item's. */
    private static boolean bitwise(String operation, BigInteger actual, BigInteger expected, String where) {
        return operation.equals("bitwise and") ? actual.and(expected).equals(expected)
                : actual.or(expected).equals(expected);
    }

    private static OvalError unsupported(String operation, String datatype, String where) {
        return new OvalError(where + ": operation \"" + operation + "\" does not apply to " + datatype);
    }

    static BigInteger integer(String s, String where) {
        try {
            return new BigInteger(s.strip());
        } catch (NumberFormatException e) {
            throw new OvalError(where + ": \"" + clip(s) + "\" is not an int");
        }
    }

    private static BigDecimal decimal(String s, String where) {
        try {
            return new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            throw new OvalError(where + ": \"" + clip(s) + "\" is not a float");
        }
    }

    static boolean bool(String s, String where) {
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
        case "true", "1" -> true;
        case "false", "0" -> false;
        default -> throw new OvalError(where + ": \"" + clip(s) + "\" is not a boolean");
        };
    }

    /** OVAL {@code version}: components split at non-alphanumerics, numeric ones compared as numbers. */
    static int version(String a, String b) {
        String[] x = a.strip().split("[^A-Za-z0-9]+");
        String[] y = b.strip().split("[^A-Za-z0-9]+");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "0";
            String q = i < y.length ? y[i] : "0";
            int c;
            if (p.matches("\\d+") && q.matches("\\d+")) {
                c = new BigInteger(p).compareTo(new BigInteger(q));
            } else {
                c = p.compareTo(q);
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /**
     * {@code debian_evr_string} and {@code evr_string} ({@code epoch:version-release}) compare with dpkg's ordering
     * ({@link DebianVersion}); for RPM versions of this syntax the orders agree except for {@code ~}/{@code ^}.
     */
    private static DebianVersion evr(String s, String where) {
        Optional<DebianVersion> v = DebianVersion.parse(s.strip()).valid();
        return v.orElseThrow(() -> new OvalError(where + ": \"" + clip(s) + "\" is not an epoch:version-release"));
    }

    static String clip(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
