package org.bulwark.windows.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalLong;
import java.util.Optional;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WindowsEditionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { // product|build|ubr|display|type|edition|release|versionId|name
            "Windows 10 Pro|22631|4460|23H2|Client|Professional|CLIENT_11|11|Windows 11 Pro 23H2 (build 22631.4460)",
            "Windows 10 Enterprise|19045|5131|22H2|Client|Enterprise|"
                    + "CLIENT_10|10|Windows 10 Enterprise 22H2 (build 19045.5131)",
            "Windows 10 Pro|22000|0||Client|Professional|CLIENT_11|11|Windows 11 Pro (build 22000)",
            "Windows 10 Pro|21999|1||Client|Professional|CLIENT_10|10|Windows 10 Pro (build 21999.1)",
            "Windows Server 2022 Datacenter|20348|2849|21H2|Server|ServerDatacenter|"
                    + "SERVER_2022|server-2022|Windows Server 2022 Datacenter 21H2 (build 20348.2849)",
            "Windows Server 2019 Standard|17763|6532||Server Core|ServerStandard|"
                    + "SERVER_2019|server-2019|Windows Server 2019 Standard (build 17763.6532)",
            "Windows Server 2022 Standard|26100|2314|24H2|Server|ServerStandard|"
                    + "SERVER_2025|server-2025|Windows Server 2025 Standard 24H2 (build 26100.2314)",
            "Windows Server 2016 Standard|14393|7515|"
                    + "|||SERVER_2016|server-2016|Windows Server 2016 Standard (build 14393.7515)",
            "|0|0||||UNKNOWN||Windows" })
    void releaseIsToldByBuildNotProductName(String product, int build, int ubr, String display, String type,
            String edition, String release, String versionId, String name) {
        WindowsEdition e = new WindowsEdition(s(product), build, ubr, s(display), s(type), s(edition));
        assertEquals(WindowsEdition.Release.valueOf(release), e.release());
        assertEquals(s(versionId), e.release().versionId());
        assertEquals(name, e.displayName());
    }

    private static String s(String csv) {
        return csv == null ? "" : csv;
    }

    @Test
    void regPathNormalisesSeparatorsAndNamesItsHive() {
        RegPath p = RegPath.of(Hkey.SYSTEM, "\\CurrentControlSet\\\\Control/Lsa\\");
        assertEquals("CurrentControlSet\\Control\\Lsa", p.path());
        assertEquals("HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa", p.toString());
        assertEquals("HKU\\S-1-5-21-1-1001\\Software\\Policies",
                RegPath.user("S-1-5-21-1-1001", "Software").child("Policies").toString());
        assertEquals("HKLM\\SAM", RegPath.of(Hkey.SAM, "").toString());
        assertThrows(IllegalArgumentException.class, () -> new RegPath(Hkey.USER, null, "x"));
        assertThrows(IllegalArgumentException.class, () -> new RegPath(Hkey.SAM, "S-1", "x"));
    }

    @Test
    void regValueReadsDecimalTextAsNumberAndCopiesBytes() {
        byte[] data = { '4', 0, 0, 0 };
        RegValue v = new RegValue("CachedLogonsCount", RegKind.SZ, 1, OptionalLong.empty(), Optional.of("4"),
                List.of(), data);
        data[0] = 'x';
        assertEquals(OptionalLong.of(4), v.asNumber());
        assertEquals('4', v.bytes()[0]);
        RegValue word = new RegValue("", RegKind.DWORD, 4, OptionalLong.of(1), Optional.empty(), List.of(),
                new byte[] { 1, 0, 0, 0 });
        assertEquals("(default) DWORD 1", word.toString());
        RegValue notNumber = new RegValue("x", RegKind.SZ, 1, OptionalLong.empty(), Optional.of("4 days"),
                List.of(), new byte[0]);
        assertEquals(OptionalLong.empty(), notNumber.asNumber());
    }

    @Test
    void policyFactHasAValueExactlyWhenPresent() {
        assertEquals(OptionalLong.of(14), PolicyFact.present("MinimumPasswordLength", 14, "SAM").value());
        assertThrows(IllegalArgumentException.class,
                () -> new PolicyFact("x", FactState.ABSENT, OptionalLong.of(1), "", ""));
        assertEquals(FactState.UNAVAILABLE, PolicyFact.unavailable("x", RuntimeView.OFFLINE).state());
    }
}
