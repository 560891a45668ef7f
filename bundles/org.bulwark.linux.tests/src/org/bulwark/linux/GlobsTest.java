package org.bulwark.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Globs as fnmatch(3) reads them, and malformed ones as literal text, never an exception. */
class GlobsTest {

    private static List<Boolean> matches(String glob, String... names) {
        Pattern p = Globs.toRegex(glob, "[^.]*", "[^.]");
        return java.util.Arrays.stream(names).map(n -> p.matcher(n).matches()).toList();
    }

    @Test
    void classesRangesAndNegation() {
        assertEquals(List.of(true, true, false), matches("net.ipv4.conf.[ae]*.rp_filter",
                "net.ipv4.conf.all.rp_filter", "net.ipv4.conf.eth0.rp_filter", "net.ipv4.conf.lo.rp_filter"));
        assertEquals(List.of(true, false), matches("eth[0-3]", "eth2", "eth7"));
        assertEquals(List.of(false, true), matches("eth[!0-3]", "eth2", "eth7"));
        assertEquals(List.of(true, true), matches("x[]a]", "x]", "xa"), "a ']' first is in the class");
        assertEquals(List.of(true, true, true, false), matches("[a-c-e]", "b", "-", "e", "d"));
        assertEquals(List.of(true, true, false), matches("[.^\\\\]", ".", "\\", "a"));
    }

    @Test
    void malformedGlobsAreLiteral() {
        assertEquals(List.of(true, false), matches("kernel.unknown_thin[g", "kernel.unknown_thin[g",
                "kernel.unknown_thing"));
        assertEquals(List.of(true), matches("a]b", "a]b"));
        assertEquals(List.of(true, true, false), matches("[z-a]", "z", "-", "m"), "a reversed range: its characters");
        assertEquals(List.of(true), matches("[", "["));
        assertEquals(List.of(true), matches("[]", "[]"));
        assertEquals(List.of(true), matches("[!]", "[!]"));
    }
}
