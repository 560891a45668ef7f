package org.bulwark.scap.oval.internal;

import static org.bulwark.scap.oval.OvalOutcome.FALSE;
import static org.bulwark.scap.oval.OvalOutcome.TRUE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.bulwark.scap.oval.OvalOutcome;
import org.junit.jupiter.api.Test;

/** Operations by datatype, exactly. */
class EntitiesTest {

    private final Regexes regexes = new Regexes();

    private OvalOutcome cmp(String datatype, String operation, String actual, String expected) {
        return Entities.compare(datatype, operation, actual, expected, regexes, "x (line 1)");
    }

    @Test
    void strings() {
        assertEquals(TRUE, cmp("string", "equals", "no", "no"));
        assertEquals(FALSE, cmp("string", "equals", "No", "no"));
        assertEquals(TRUE, cmp("string", "not equal", "yes", "no"));
        assertEquals(TRUE, cmp("string", "case insensitive equals", "No", "nO"));
        assertEquals(FALSE, cmp("string", "case insensitive not equal", "No", "nO"));
        assertEquals(TRUE, cmp("string", "pattern match", "PermitRootLogin no", "Login\\s+no$"));
        assertEquals(FALSE, cmp("string", "pattern match", "PermitRootLogin yes", "^no$"));
        assertEquals("x (line 1): operation \"greater than\" does not apply to string",
                assertThrows(OvalError.class, () -> cmp("string", "greater than", "b", "a")).getMessage());
    }

    @Test
    void integers() {
        assertEquals(TRUE, cmp("int", "equals", "007", "7"));
        assertEquals(TRUE, cmp("int", "greater than", "10", "9"));
        assertEquals(FALSE, cmp("int", "less than", "10", "9"));
        assertEquals(TRUE, cmp("int", "greater than or equal", "9", "9"));
        assertEquals(TRUE, cmp("int", "less than or equal", "-1", "0"));
        assertEquals(TRUE, cmp("int", "not equal", "1", "2"));
        assertEquals(TRUE, cmp("int", "bitwise and", "7", "5"));
        assertEquals(FALSE, cmp("int", "bitwise and", "4", "5"));
        assertEquals(TRUE, cmp("int", "bitwise or", "4", "5"));
        assertEquals(FALSE, cmp("int", "bitwise or", "2", "5"));
        assertEquals("x (line 1): \"abc\" is not an int",
                assertThrows(OvalError.class, () -> cmp("int", "equals", "abc", "1")).getMessage());
    }

    @Test
    void booleansVersionsAndEvr() {
        assertEquals(TRUE, cmp("boolean", "equals", "1", "true"));
        assertEquals(TRUE, cmp("boolean", "not equal", "false", "true"));
        assertEquals(TRUE, cmp("version", "greater than", "1.10.0", "1.9"));
        assertEquals(TRUE, cmp("version", "equals", "1.0", "1"));
        assertEquals(TRUE, cmp("debian_evr_string", "less than", "0:1.17-17", "0:1.17-18"));
        assertEquals(TRUE, cmp("evr_string", "greater than or equal", "1:8.4p1-5+deb11u1", "0:7.4"));
        assertEquals(TRUE, cmp("debian_evr_string", "less than", "1.0~rc1-1", "1.0-1"));
        assertEquals(FALSE, cmp("debian_evr_string", "equals", "1.0-1", "1:1.0-1"));
    }

    @Test
    void perlClassesAreTranslated() {
        assertEquals("^[\\s]*[^\\[\\s]", Regexes.translate("^[[:space:]]*[^[\\s]"));
        assertEquals(TRUE, cmp("string", "pattern match", "  x", "^[[:space:]]+[[:alpha:]]$"));
        assertEquals(TRUE, cmp("string", "pattern match", "a&b", "^[a&]+b$"));
        assertEquals(TRUE, cmp("string", "pattern match", "]", "^[]]$"));
    }
}
