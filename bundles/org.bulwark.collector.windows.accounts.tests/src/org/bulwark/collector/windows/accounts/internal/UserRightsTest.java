package org.bulwark.collector.windows.accounts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.Source;
import org.bulwark.collector.api.SourceKind;
import org.bulwark.windows.testing.WindowsImages;
import org.bulwark.windows.testing.WindowsImages.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** User rights from SECURITY Policy\Accounts\<SID> Privilgs / ActSysAc and the applied templates. */
class UserRightsTest {

    static final String ACCOUNTS = "/Windows/System32/config/SECURITY \\Policy\\Accounts";

    @TempDir
    Path dir;

    private static Source at(String location, String names) {
        return new Source(SourceKind.FILE, location, 0, names);
    }

    @Test
    void theCompliantImageGrantsWhatCisExpects() throws Exception {
        Map<String, Observation> o = BuiltInAccountsTest.collect(
                WindowsImages.write(Scenario.COMPLIANT, dir.resolve("c")));
        assertEquals(Observation.of("windows.rights.sedebugprivilege", "S-1-5-32-544",
                at(ACCOUNTS + "\\S-1-5-32-544 Privilgs", "S-1-5-32-544 Administrators")),
                o.get("windows.rights.sedebugprivilege"));
        assertEquals(Observation.ofAll("windows.rights.senetworklogonright", List.of("S-1-5-32-544", "S-1-5-32-555"),
                at(ACCOUNTS + "\\S-1-5-32-544 ActSysAc; " + ACCOUNTS + "\\S-1-5-32-555 ActSysAc",
                        "S-1-5-32-544 Administrators, S-1-5-32-555 Remote Desktop Users")),
                o.get("windows.rights.senetworklogonright"));
        assertEquals(Observation.ofAll("windows.rights.sedenynetworklogonright", List.of("S-1-5-113", "S-1-5-32-546"),
                at(ACCOUNTS + "\\S-1-5-113 ActSysAc; " + ACCOUNTS + "\\S-1-5-32-546 ActSysAc",
                        "S-1-5-113 Local account, S-1-5-32-546 Guests")),
                o.get("windows.rights.sedenynetworklogonright"));
        assertEquals(Observation.absent("windows.rights.setcbprivilege", at(ACCOUNTS, null),
                "no account holds SeTcbPrivilege"), o.get("windows.rights.setcbprivilege"));
    }

    @Test
    void theWeakImagesTemplateGrantsDebugToUsers() throws Exception {
        Map<String, Observation> o = BuiltInAccountsTest.collect(
                WindowsImages.write(Scenario.SAM_SECURITY_POLICY, dir.resolve("w")));
        assertEquals(Observation.ofAll("windows.rights.sedebugprivilege", List.of("S-1-5-32-544", "S-1-5-32-545"),
                at(ACCOUNTS + "\\S-1-5-32-544 Privilgs; /Windows/security/templates/policies/gpt00000.inf"
                        + " [Privilege Rights] SeDebugPrivilege", "S-1-5-32-544 Administrators, S-1-5-32-545 Users")),
                o.get("windows.rights.sedebugprivilege"));
        assertEquals(Observation.of("windows.rights.sedenynetworklogonright", "S-1-5-32-546",
                at(ACCOUNTS + "\\S-1-5-32-546 ActSysAc", "S-1-5-32-546 Guests")),
                o.get("windows.rights.sedenynetworklogonright"));
        assertEquals(Observation.absent("windows.rights.sedenyremoteinteractivelogonright", at(ACCOUNTS, null),
                "no account holds SeDenyRemoteInteractiveLogonRight"),
                o.get("windows.rights.sedenyremoteinteractivelogonright"));
    }

    @Test
    void aMissingSecurityHiveMakesEveryRightUnreadableNamingTheFile() throws Exception {
        Path root = WindowsImages.write(Scenario.COMPLIANT, dir.resolve("m"));
        Files.delete(root.resolve("Windows/System32/config/SECURITY"));
        Map<String, Observation> o = BuiltInAccountsTest.collect(root);
        for (String right : UserRights.RIGHTS) {
            String key = UserRights.key(right);
            assertEquals(Observation.unreadable(key, at(ACCOUNTS, null),
                    "/Windows/System32/config/SECURITY: the hive is not in the image"), o.get(key));
        }
    }
}
