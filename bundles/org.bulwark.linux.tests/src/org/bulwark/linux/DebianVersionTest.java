package org.bulwark.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DebianVersionTest {

    @ParameterizedTest
    @CsvSource({ "1.0, 1.0, 0", "1.0, 1.1, -1", "1.0~rc1, 1.0, -1", "1.0, 1.0+deb12u1, -1", "1:0.9, 2.0, 1",
            "0:1.0, 1.0, 0", "1.0-1, 1.0-2, -1", "1.0-10, 1.0-9, 1", "9.2p1-2+deb12u3, 9.2p1-2+deb12u2, 1",
            "2.36-9+deb12u4, 2.36-9+deb12u10, -1", "1.0a, 1.0, 1", "1.0~, 1.0, -1", "1.01, 1.1, 0", "a, b, -1",
            "1.0.0, 1.0, 1" })
    void ordersAsDpkgDoes(String a, String b, int expected) {
        assertEquals(expected, Integer.signum(DebianVersion.compareVersions(a, b)), a + " vs " + b);
        assertEquals(-expected, Integer.signum(DebianVersion.compareVersions(b, a)), b + " vs " + a);
    }
}
