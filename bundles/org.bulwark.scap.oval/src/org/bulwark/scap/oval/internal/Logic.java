package org.bulwark.scap.oval.internal;

import static org.bulwark.scap.oval.OvalOutcome.ERROR;
import static org.bulwark.scap.oval.OvalOutcome.FALSE;
import static org.bulwark.scap.oval.OvalOutcome.NOT_APPLICABLE;
import static org.bulwark.scap.oval.OvalOutcome.NOT_EVALUATED;
import static org.bulwark.scap.oval.OvalOutcome.TRUE;
import static org.bulwark.scap.oval.OvalOutcome.UNKNOWN;

import java.util.List;

import org.bulwark.scap.oval.OvalOutcome;

/**
 * The truth tables of OVAL 5.11: OperatorEnumeration (criteria, states, {@code var_check}), CheckEnumeration
 * (items, {@code entity_check}) and ExistenceEnumeration. Not-applicable inputs are left out of every operator;
 * all of them not applicable (or none at all) is {@code NOT_APPLICABLE}.
 */
final class Logic {

    private Logic() {
    }

    /** Counts of each outcome. */
    private record Counts(int t, int f, int e, int u, int ne, int na) {
        static Counts of(List<OvalOutcome> results) {
            int[] c = new int[6];
            for (OvalOutcome r : results) {
                c[r.ordinal()]++;
            }
            return new Counts(c[0], c[1], c[2], c[3], c[4], c[5]);
        }

        /** @return ERROR, UNKNOWN or NOT_EVALUATED in that precedence, or {@code null} when there are none */
        OvalOutcome undetermined() {
            return e > 0 ? ERROR : u > 0 ? UNKNOWN : ne > 0 ? NOT_EVALUATED : null;
        }

        boolean onlyNotApplicable() {
            return t + f + e + u + ne == 0;
        }
    }

    /** @param operator {@code AND}, {@code OR}, {@code ONE} or {@code XOR} (case-sensitive, as the schema) */
    static OvalOutcome operator(String operator, List<OvalOutcome> results) {
        Counts c = Counts.of(results);
        if (c.onlyNotApplicable()) {
            return NOT_APPLICABLE;
        }
        OvalOutcome rest = c.undetermined();
        switch (operator) {
        case "AND":
            return c.f > 0 ? FALSE : rest != null ? rest : TRUE;
        case "OR":
            return c.t > 0 ? TRUE : rest != null ? rest : FALSE;
        case "ONE":
            if (c.t > 1) {
                return FALSE;
            }
            return rest != null ? rest : c.t == 1 ? TRUE : FALSE;
        case "XOR":
            return rest != null ? rest : c.t % 2 == 1 ? TRUE : FALSE;
        default:
            throw new OvalError("unknown operator \"" + operator + "\"");
        }
    }

    /** @param check {@code all}, {@code at least one}, {@code none satisfy} or {@code only one} */
    static OvalOutcome check(String check, List<OvalOutcome> results) {
        switch (check) {
        case "all":
            return operator("AND", results);
        case "at least one":
            return operator("OR", results);
        case "only one":
            return operator("ONE", results);
        case "none satisfy", "none exist": // "none exist" is the deprecated spelling
            Counts c = Counts.of(results);
            if (c.onlyNotApplicable()) {
                return NOT_APPLICABLE;
            }
            OvalOutcome rest = c.undetermined();
            return c.t > 0 ? FALSE : rest != null ? rest : TRUE;
        default:
            throw new OvalError("unknown check \"" + check + "\"");
        }
    }

    /**
     * The existence check of a test over the items its object collected (every item here exists; items that
     * could not be read make the object's flag, handled before).
     *
     * @param existence {@code all_exist}, {@code any_exist}, {@code at_least_one_exists}, {@code none_exist} or
     *                  {@code only_one_exists}
     */
    static OvalOutcome existence(String existence, int count) {
        return switch (existence) {
        case "all_exist", "at_least_one_exists" -> count > 0 ? TRUE : FALSE;
        case "any_exist" -> TRUE;
        case "none_exist" -> count == 0 ? TRUE : FALSE;
        case "only_one_exists" -> count == 1 ? TRUE : FALSE;
        default -> throw new OvalError("unknown check_existence \"" + existence + "\"");
        };
    }
}
