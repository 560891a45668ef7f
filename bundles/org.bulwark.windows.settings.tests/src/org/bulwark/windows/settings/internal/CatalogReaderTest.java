package org.bulwark.windows.settings.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.bulwark.windows.settings.CatalogException;
import org.bulwark.windows.settings.Origin;
import org.bulwark.windows.settings.Setting;
import org.bulwark.windows.settings.SettingSource;
import org.junit.jupiter.api.Test;

class CatalogReaderTest {

    private static List<Setting> read(String json) throws CatalogException {
        return new CatalogReader("t.json").read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static String fails(String json) {
        return assertThrows(CatalogException.class, () -> read(json)).getMessage();
    }

    private static final String ONE = "{\"format\":1,\"settings\":[{\"id\":\"net.llmnr\",\"key\":\"windows.policy.llmnr\","
            + "\"mdmWinsEligible\":true,"
            + "\"mdm\":{\"hive\":\"SOFTWARE\",\"path\":\"Microsoft\\\\PolicyManager\\\\current\\\\device\\\\ADMX_DnsClient\","
            + "\"value\":\"Turn_Off_Multicast\",\"map\":{\"1\":\"0\",\"0\":\"1\"}},"
            + "\"gpo\":{\"hive\":\"SOFTWARE\",\"path\":\"Policies\\\\Microsoft\\\\Windows NT\\\\DNSClient\",\"value\":\"EnableMulticast\"},"
            + "\"default\":{\"value\":\"1\",\"owner\":\"Windows\"}}]}";

    @Test
    void readsASetting() throws CatalogException {
        assertEquals(List.of(new Setting("net.llmnr", "windows.policy.llmnr", List.of(
                new SettingSource(Origin.MDM, "SOFTWARE", "Microsoft\\PolicyManager\\current\\device\\ADMX_DnsClient",
                        "Turn_Off_Multicast", Map.of("1", "0", "0", "1")),
                new SettingSource(Origin.GPO, "SOFTWARE", "Policies\\Microsoft\\Windows NT\\DNSClient",
                        "EnableMulticast", Map.of())), true, "1", "Windows")), read(ONE));
    }

    @Test
    void refusesAnUnknownFieldNamingIt() {
        assertEquals("t.json: settings[0].gpo.hve: unknown field",
                fails(ONE.replace("{\"hive\":\"SOFTWARE\",\"path\":\"Policies", "{\"hve\":1,\"hive\":\"SOFTWARE\",\"path\":\"Policies")));
    }

    @Test
    void refusesADuplicateName() {
        String m = fails(ONE.replace("\"format\":1,", "\"format\":1,\"format\":1,"));
        assertEquals(true, m.startsWith("t.json: not valid JSON: Duplicate field 'format'"), m);
    }

    @Test
    void refusesADuplicateId() {
        String s = ONE.substring(ONE.indexOf("[{") + 1, ONE.length() - 2);
        assertEquals("t.json: settings[1].id: 'net.llmnr' is defined twice",
                fails("{\"format\":1,\"settings\":[" + s + "," + s + "]}"));
    }

    @Test
    void refusesAnUnknownHive() {
        assertEquals("t.json: settings[0].gpo.hive: 'HKCU' is not one of SOFTWARE, SYSTEM, SECURITY, SAM",
                fails(ONE.replace("\"gpo\":{\"hive\":\"SOFTWARE\"", "\"gpo\":{\"hive\":\"HKCU\"")));
    }

    @Test
    void refusesEligibleWithoutBothPolicySources() {
        assertEquals("t.json: settings[0].mdmWinsEligible: needs both an mdm and a gpo source",
                fails(ONE.replaceAll(",\"gpo\":\\{[^}]*\\}", "")));
    }

    @Test
    void refusesTrailingContent() {
        assertEquals(true, fails(ONE + "{}").startsWith("t.json: not valid JSON: "));
    }
}
