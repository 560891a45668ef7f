package org.bulwark.collector.windows.accounts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.Source;
import org.bulwark.collector.api.SourceKind;
import org.bulwark.collector.tck.TestContext;
import org.bulwark.testing.Services;
import org.bulwark.windows.api.WindowsTargets;
import org.bulwark.windows.settings.SettingResolver;
import org.bulwark.windows.testing.HiveBuilder;
import org.bulwark.windows.testing.PolicyBlobs;
import org.bulwark.windows.testing.WindowsImages;
import org.bulwark.windows.testing.WindowsImages.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in Administrator's and Guest's state and name, from the SAM users 000001F4 and 000001F5. */
class BuiltInAccountsTest {

    static final String USERS = "/Windows/System32/config/SAM \\SAM\\Domains\\Account\\Users\\";

    @TempDir
    Path dir;

    /** @return the accounts collector's observations of {@code root} by key, after checking it gave every key */
    static Map<String, Observation> collect(Path root) {
        WindowsAccountsCollector c = new WindowsAccountsCollector(Services.await(SettingResolver.class),
                Services.await(WindowsTargets.class));
        Map<String, Observation> out = new LinkedHashMap<>();
        for (Observation o : c.collect(TestContext.of(root, Duration.ofSeconds(30)))) {
            out.put(o.key(), o);
        }
        assertEquals(c.provides(), out.keySet());
        return out;
    }

    private static Source at(String user) {
        return new Source(SourceKind.FILE, USERS + user, 0, null);
    }

    @Test
    void theCompliantImageHasBothDisabledAndRenamed() throws Exception {
        Map<String, Observation> o = collect(WindowsImages.write(Scenario.COMPLIANT, dir.resolve("c")));
        assertEquals(Observation.of("windows.accounts.admin-enabled", "0", at("000001F4 F @0x38")),
                o.get("windows.accounts.admin-enabled"));
        assertEquals(Observation.of("windows.accounts.guest-enabled", "0", at("000001F5 F @0x38")),
                o.get("windows.accounts.guest-enabled"));
        assertEquals(Observation.of("windows.accounts.admin-name", "Bulwark-Admin", at("000001F4 V")),
                o.get("windows.accounts.admin-name"));
        assertEquals(Observation.of("windows.accounts.guest-name", "Visitor", at("000001F5 V")),
                o.get("windows.accounts.guest-name"));
    }

    @Test
    void theWeakImageHasBothEnabledUnderTheirDefaultNames() throws Exception {
        Map<String, Observation> o = collect(WindowsImages.write(Scenario.SAM_SECURITY_POLICY, dir.resolve("w")));
        assertEquals(Observation.of("windows.accounts.admin-enabled", "1", at("000001F4 F @0x38")),
                o.get("windows.accounts.admin-enabled"));
        assertEquals(Observation.of("windows.accounts.guest-enabled", "1", at("000001F5 F @0x38")),
                o.get("windows.accounts.guest-enabled"));
        assertEquals(Observation.of("windows.accounts.admin-name", "Administrator", at("000001F4 V")),
                o.get("windows.accounts.admin-name"));
        assertEquals(Observation.of("windows.accounts.guest-name", "Guest", at("000001F5 V")),
                o.get("windows.accounts.guest-name"));
    }

    @Test
    void aMissingSamMakesEveryAccountFactUnreadableNamingTheFile() throws Exception {
        Path root = WindowsImages.write(Scenario.COMPLIANT, dir.resolve("m"));
        Files.delete(root.resolve("Windows/System32/config/SAM"));
        Map<String, Observation> o = collect(root);
        String why = "/Windows/System32/config/SAM: the hive is not in the image";
        assertEquals(Observation.unreadable("windows.accounts.admin-enabled", at("000001F4 F"), why),
                o.get("windows.accounts.admin-enabled"));
        assertEquals(Observation.unreadable("windows.accounts.admin-name", at("000001F4 V"), why),
                o.get("windows.accounts.admin-name"));
        assertEquals(Observation.unreadable("windows.accounts.guest-name", at("000001F5 V"), why),
                o.get("windows.accounts.guest-name"));
    }

    @Test
    void aMissingOrTruncatedVIsUnreadable() throws Exception {
        Path root = WindowsImages.write(Scenario.COMPLIANT, dir.resolve("t"));
        new HiveBuilder().key("SAM\\Domains\\Account").binary("F", PolicyBlobs.domainF(14, 24, null, null, null,
                null, true, 5))
                .key("SAM\\Domains\\Account\\Users\\000001F4").binary("F", PolicyBlobs.userF(0x0011))
                .binary("V", new byte[0x10])
                .key("SAM\\Domains\\Account\\Users\\000001F5").binary("F", PolicyBlobs.userF(0x0011))
                .write(root.resolve("Windows/System32/config/SAM"));
        Map<String, Observation> o = collect(root);
        assertEquals(Observation.unreadable("windows.accounts.admin-name", at("000001F4 V"),
                USERS + "000001F4 V at field NameOffset: user V of 16 bytes is shorter than its 204-byte header"),
                o.get("windows.accounts.admin-name"));
        assertEquals(Observation.unreadable("windows.accounts.guest-name", at("000001F5 V"),
                "the value is not in the hive, though Windows always writes it"), o.get("windows.accounts.guest-name"));
    }
}
