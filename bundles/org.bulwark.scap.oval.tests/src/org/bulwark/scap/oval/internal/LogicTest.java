package org.bulwark.scap.oval.internal;

import static org.bulwark.scap.oval.OvalOutcome.ERROR;
import static org.bulwark.scap.oval.OvalOutcome.FALSE;
import static org.bulwark.scap.oval.OvalOutcome.NOT_APPLICABLE;
import static org.bulwark.scap.oval.OvalOutcome.NOT_EVALUATED;
import static org.bulwark.scap.oval.OvalOutcome.TRUE;
import static org.bulwark.scap.oval.OvalOutcome.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.bulwark.scap.oval.OvalOutcome;
import org.junit.jupiter.api.Test;

/** The truth tables of OVAL 5.11 (OperatorEnumeration, CheckEnumeration, ExistenceEnumeration). */
class LogicTest {

    private static OvalOutcome op(String operator, OvalOutcome... in) {
        return Logic.operator(operator, List.of(in));
    }

    private static OvalOutcome check(String check, OvalOutcome... in) {
        return Logic.check(check, List.of(in));
    }

    @Test
    void and() {
        assertEquals(TRUE, op("AND", TRUE, TRUE, NOT_APPLICABLE));
        assertEquals(FALSE, op("AND", TRUE, FALSE, ERROR, UNKNOWN));
        assertEquals(ERROR, op("AND", TRUE, ERROR, UNKNOWN, NOT_EVALUATED));
        assertEquals(UNKNOWN, op("AND", TRUE, UNKNOWN, NOT_EVALUATED));
        assertEquals(NOT_EVALUATED, op("AND", TRUE, NOT_EVALUATED));
        assertEquals(NOT_APPLICABLE, op("AND", NOT_APPLICABLE, NOT_APPLICABLE));
        assertEquals(NOT_APPLICABLE, op("AND"));
    }

    @Test
    void or() {
        assertEquals(TRUE, op("OR", FALSE, TRUE, ERROR));
        assertEquals(FALSE, op("OR", FALSE, FALSE, NOT_APPLICABLE));
        assertEquals(ERROR, op("OR", FALSE, ERROR, UNKNOWN));
        assertEquals(UNKNOWN, op("OR", FALSE, UNKNOWN, NOT_EVALUATED));
        assertEquals(NOT_EVALUATED, op("OR", NOT_EVALUATED, FALSE));
        assertEquals(NOT_APPLICABLE, op("OR", NOT_APPLICABLE));
    }

    @Test
    void one() {
        assertEquals(TRUE, op("ONE", FALSE, TRUE, FALSE));
        assertEquals(FALSE, op("ONE", TRUE, TRUE, ERROR));
        assertEquals(FALSE, op("ONE", FALSE, FALSE));
        assertEquals(ERROR, op("ONE", TRUE, ERROR));
        assertEquals(UNKNOWN, op("ONE", FALSE, UNKNOWN));
        assertEquals(NOT_EVALUATED, op("ONE", TRUE, NOT_EVALUATED));
    }

    @Test
    void xor() {
        assertEquals(TRUE, op("XOR", TRUE, FALSE));
        assertEquals(FALSE, op("XOR", TRUE, TRUE));
        assertEquals(TRUE, op("XOR", TRUE, TRUE, TRUE));
        assertEquals(FALSE, op("XOR", FALSE, FALSE));
        assertEquals(ERROR, op("XOR", TRUE, ERROR, UNKNOWN));
        assertEquals(UNKNOWN, op("XOR", TRUE, UNKNOWN));
        assertEquals(NOT_EVALUATED, op("XOR", NOT_EVALUATED, TRUE));
    }

    @Test
    void unknownOperatorIsAnError() {
        assertEquals("unknown operator \"NAND\"",
                assertThrows(OvalError.class, () -> op("NAND", TRUE)).getMessage());
    }

    @Test
    void checks() {
        assertEquals(TRUE, check("all", TRUE, TRUE));
        assertEquals(FALSE, check("all", TRUE, FALSE));
        assertEquals(TRUE, check("at least one", FALSE, TRUE));
        assertEquals(FALSE, check("at least one", FALSE, FALSE));
        assertEquals(TRUE, check("only one", FALSE, TRUE));
        assertEquals(FALSE, check("only one", TRUE, TRUE));
        assertEquals(TRUE, check("none satisfy", FALSE, FALSE));
        assertEquals(FALSE, check("none satisfy", FALSE, TRUE));
        assertEquals(ERROR, check("none satisfy", FALSE, ERROR));
        assertEquals(UNKNOWN, check("none satisfy", UNKNOWN));
    }

    @Test
    void existence() {
        assertEquals(TRUE, Logic.existence("all_exist", 2));
        assertEquals(FALSE, Logic.existence("all_exist", 0));
        assertEquals(TRUE, Logic.existence("any_exist", 0));
        assertEquals(TRUE, Logic.existence("any_exist", 3));
        assertEquals(TRUE, Logic.existence("at_least_one_exists", 1));
        assertEquals(FALSE, Logic.existence("at_least_one_exists", 0));
        assertEquals(TRUE, Logic.existence("none_exist", 0));
        assertEquals(FALSE, Logic.existence("none_exist", 1));
        assertEquals(TRUE, Logic.existence("only_one_exists", 1));
        assertEquals(FALSE, Logic.existence("only_one_exists", 2));
        assertEquals(FALSE, Logic.existence("only_one_exists", 0));
    }

    @Test
    void negation() {
        assertEquals(FALSE, TRUE.negate());
        assertEquals(TRUE, FALSE.negate());
        assertEquals(ERROR, ERROR.negate());
        assertEquals(UNKNOWN, UNKNOWN.negate());
        assertEquals(NOT_EVALUATED, NOT_EVALUATED.negate());
        assertEquals(NOT_APPLICABLE, NOT_APPLICABLE.negate());
    }
}
