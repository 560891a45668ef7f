package org.bulwark.operations.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OsPlatformTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "linux|12|Linux",
            "LINUX|''|Linux",
            "macos|14|macOS",
            "windows|10|Windows10",
            "windows|11|Windows11",
            "windows|server-2016|WindowsServer2016",
            "windows|server-2019|WindowsServer2019",
            "windows|server-2022|WindowsServer2022",
            "windows|server-2025|WindowsServer2025",
            "windows|''|Windows",
            "windows|8.1|Windows",
            "unknown|''|Unknown",
            "null|null|Unknown" })
    void mapsFamilyAndVersionToDefendersNames(String family, String version, String expected) {
        assertEquals(expected, OsPlatform.of(family, version));
    }
}
