package org.bulwark.version.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The examples of the two comparators this type replaced (org.bulwark.linux and org.bulwark.scoring), dpkg's
 * syntax errors, and the parts; {@link DebianVersionOracleTest} compares with dpkg itself.
 */
class DebianVersionTest {

    private static DebianVersion v(String text) {
        ParsedVersion p = DebianVersion.parse(text);
        if (p instanceof ParsedVersion.Invalid i) {
            throw new AssertionError(text + ": " + i.reason());
        }
        return ((ParsedVersion.Valid) p).version();
    }

    private static int compare(String a, String b) {
        return Integer.signum(v(a).compareTo(v(b)));
    }

    @ParameterizedTest
    @CsvSource({ "1.0, 1.0, 0", "1.0, 1.1, -1", "1.0~rc1, 1.0, -1", "1.0, 1.0+deb12u1, -1", "1:0.9, 2.0, 1",
            "0:1.0, 1.0, 0", "1.0-1, 1.0-2, -1", "1.0-10, 1.0-9, 1", "9.2p1-2+deb12u3, 9.2p1-2+deb12u2, 1",
            "2.36-9+deb12u4, 2.36-9+deb12u10, -1", "1.0a, 1.0, 1", "1.0~, 1.0, -1", "1.01, 1.1, 0",
            "1.0.0, 1.0, 1" })
    void ordersAsDpkgDoes(String a, String b, int expected) {
        assertEquals(expected, compare(a, b), a + " vs " + b);
        assertEquals(-expected, compare(b, a), b + " vs " + a);
    }

    @ParameterizedTest
    @CsvSource({ "1.0, 1.0, 0", "1.0, 1.1, -1", "1.10, 1.9, 1", "1.0~rc1, 1.0, -1", "1.0~rc1, 1.0~rc2, -1",
            "1:1.0, 2.0, 1", "1.0-1, 1.0-2, -1", "1.0-1, 1.0, 1", "2.36-9+deb12u4, 2.36-9+deb12u10, -1",
            "9.2p1-2+deb12u3, 9.2p1-2+deb12u2, 1", "1.0a, 1.0+, -1", "1.0, 1.0a, -1", "007, 7, 0" })
    void ordersLikeDpkg(String a, String b, int expected) {
        assertEquals(expected, compare(a, b));
        assertEquals(-expected, compare(b, a));
    }

    @ParameterizedTest
    @CsvSource({ "1.0~~, 1.0~, -1", "1.0~~a, 1.0~, -1", "1.0-0, 1.0, 0", "1.0~, 1.0-0, -1", "1:1.0-1, 1:1.0-1, 0",
            "2:0, 1:99999, 1", "1.0+~, 1.0+, -1", "1.0.a, 1.0.+, -1", "10, 9, 1", "1.0-1ubuntu1, 1.0-1, 1",
            "1.0-1~bpo12+1, 1.0-1, -1", "0.0001, 1, -1", "1-2-3, 1-2, 1" })
    void tildeLettersAndRevisions(String a, String b, int expected) {
        assertEquals(expected, compare(a, b), a + " vs " + b);
        assertEquals(-expected, compare(b, a), b + " vs " + a);
    }

    @Test
    void versionsDpkgWarnsAboutStillCompareAsDpkgComparesThem() {
        // dpkg --compare-versions a lt b: true, with "version number does not start with digit"
        assertEquals(-1, Integer.signum(new DebianVersion(0, "a", "").compareTo(new DebianVersion(0, "b", ""))));
        assertEquals(1, Integer.signum(new DebianVersion(0, "b", "").compareTo(new DebianVersion(0, "a", ""))));
        assertEquals(new ParsedVersion.Invalid("a", "version number does not start with digit"),
                DebianVersion.parse("a"));
    }

    @Test
    void parts() {
        assertEquals(new DebianVersion(1, "9.2p1", "2+deb12u3"), v("1:9.2p1-2+deb12u3"));
        assertEquals(new DebianVersion(0, "1.0-2", "3"), v("1.0-2-3"));
        assertEquals(new DebianVersion(0, "1.0", ""), v("1.0"));
        assertEquals(new DebianVersion(2, "1:2", "1"), v("2:1:2-1"));
        assertEquals(new DebianVersion(0, "1.0", ""), v("  1.0\t"));
        assertEquals(new DebianVersion(1, "2", ""), v("+1:2"));
        assertEquals(new DebianVersion(0, "2", ""), v("-0:2"));
        assertEquals(new DebianVersion(Integer.MAX_VALUE, "1", ""), v("2147483647:1"));
        assertEquals("1:9.2p1-2+deb12u3", v("1:9.2p1-2+deb12u3").toString());
        assertEquals("1.0", v("0:1.0").toString());
        assertEquals("0:1:2", new DebianVersion(0, "1:2", "").toString());
        assertEquals(Optional.of(new DebianVersion(0, "1", "")), DebianVersion.parse("1").valid());
        assertEquals(Optional.empty(), DebianVersion.parse("1-").valid());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "''|version string is empty", "'  '|version string is empty",
            "1.0 2|version string has embedded spaces", ":1.0|epoch in version is empty",
            "+:1.0|epoch in version is empty", "a:1.0|epoch in version is empty",
            "1a:1.0|epoch in version is not number", "-1:1.0|epoch in version is negative",
            "2147483648:1.0|epoch in version is too big", "99999999999999999999:1|epoch in version is too big",
            "2:|nothing after colon in version number", "1.0-|revision number is empty",
            "-1|version number is empty", "2:-1|version number is empty", "a1.0|version number does not start with digit",
            "~1|version number does not start with digit", "1_0|invalid character in version number",
            "1.0\u00e9|invalid character in version number", "1.0-1_0|invalid character in revision number",
            "1.0-1=0|invalid character in revision number",
            "1.0-1:0|epoch in version is not number" })
    void invalidVersionsAreReportedInDpkgsWords(String text, String reason) {
        assertEquals(new ParsedVersion.Invalid(text, reason), DebianVersion.parse(text));
    }

    @Test
    void theConstructorChecksOnlyTheShape() {
        assertEquals("epoch in version is negative: -1",
                assertThrows(IllegalArgumentException.class, () -> new DebianVersion(-1, "1", "")).getMessage());
        assertEquals("version number is empty",
                assertThrows(IllegalArgumentException.class, () -> new DebianVersion(0, "", "1")).getMessage());
        assertThrows(NullPointerException.class, () -> new DebianVersion(0, "1", null));
    }

    @Test
    void sortsAList() {
        List<DebianVersion> sorted = List.of("1:0.1", "1.0", "1.0~rc1", "1.0+b1", "1.0a", "1.0-1", "0.9")
                .stream().map(DebianVersionTest::v).sorted().toList();
        assertEquals(List.of("0.9", "1.0~rc1", "1.0", "1.0-1", "1.0a", "1.0+b1", "1:0.1"),
                sorted.stream().map(DebianVersion::toString).toList());
    }
}
