package org.bulwark.windows.offline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

import org.bulwark.windows.api.AccountName;
import org.bulwark.windows.api.AccountSetting;
import org.bulwark.windows.api.FactState;
import org.bulwark.windows.api.Listing;
import org.bulwark.windows.api.PolFileEntry;
import org.bulwark.windows.api.PolicyFact;
import org.bulwark.windows.api.PolicyFileView.Scope;
import org.bulwark.windows.api.SecurityPolicyView;
import org.bulwark.windows.api.TemplateEntry;
import org.bulwark.windows.api.UserRight;
import org.bulwark.windows.testing.HiveBuilder;
import org.bulwark.windows.testing.PolWriter;
import org.bulwark.windows.testing.PolicyBlobs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Account, lockout and audit policy from SAM and SECURITY blobs; Registry.pol, templates and audit.csv. */
class PolicyViewsTest {

    @TempDir
    Path root;

    private Path image(int guestAcb) throws Exception {
        Path cfg = Images.client(root, "Windows", "System32", "config");
        new HiveBuilder().key("SAM\\Domains\\Account").binary("F", PolicyBlobs.domainF(14, 24, Duration.ofDays(60),
                Duration.ofDays(1), Duration.ofMinutes(15), Duration.ofMinutes(30), true, 5))
                .key("SAM\\Domains\\Account\\Users\\000001F4").binary("F", PolicyBlobs.userF(0x0010))
                .binary("V", PolicyBlobs.userV("Admin-Ö"))
                .key("SAM\\Domains\\Account\\Users\\000001F5").binary("F", PolicyBlobs.userF(guestAcb))
                .binary("V", new byte[0x10])
                .write(cfg.resolve("SAM"));
        int[][] audit = PolicyBlobs.polAdtEvLayout(0);
        audit[1][0] = 3; // Logon/Logoff: Logon
        audit[1][2] = 2; // Logon/Logoff: Account Lockout
        new HiveBuilder().key("Policy\\PolAdtEv").binary("", PolicyBlobs.polAdtEv(audit)).write(cfg.resolve("SECURITY"));
        return cfg;
    }

    @Test
    void accountAndLockoutPolicyAreDecodedFromSamF() throws Exception {
        image(0x0011);
        SecurityPolicyView v = OfflineTarget.open(new ImageFiles(root)).securityPolicy();
        Map<String, Long> got = new TreeMap<>();
        for (AccountSetting s : AccountSetting.values()) {
            got.put(s.name(), v.account(s).value().orElseThrow());
        }
        assertEquals(Map.of("MinimumPasswordLength", 14L, "PasswordHistorySize", 24L, "MaximumPasswordAge", 60L,
                "MinimumPasswordAge", 1L, "PasswordComplexity", 1L, "LockoutBadCount", 5L, "LockoutDuration", 15L,
                "ResetLockoutCount", 30L, "EnableGuestAccount", 0L, "EnableAdminAccount", 1L), got);
        assertEquals("/Windows/System32/config/SAM \\SAM\\Domains\\Account F @0x50",
                v.account(AccountSetting.MinimumPasswordLength).source());
    }

    @Test
    void aTruncatedPrivilgsOrAMissingAccountsKeyMakesTheRightUnreadable() throws Exception {
        Path cfg = image(0x0011);
        SecurityPolicyView v = OfflineTarget.open(new ImageFiles(root)).securityPolicy();
        String accounts = "/Windows/System32/config/SECURITY \\Policy\\Accounts";
        assertEquals(new UserRight("SeDebugPrivilege", FactState.UNREADABLE, List.of(), List.of(accounts),
                "the key is not in the hive, though Windows always writes it"), v.userRight("SeDebugPrivilege"));
        new HiveBuilder().key("Policy\\Accounts\\S-1-5-32-544").binary("Privilgs", new byte[] {1, 0, 0, 0, 0, 0, 0, 0})
                .write(cfg.resolve("SECURITY"));
        v = OfflineTarget.open(new ImageFiles(root)).securityPolicy();
        String privilgs = accounts + "\\S-1-5-32-544 Privilgs";
        assertEquals(new UserRight("SeDebugPrivilege", FactState.UNREADABLE, List.of(), List.of(privilgs), privilgs
                + " at offset 0x0: privilege count 1 needs 20 bytes but Privilgs has 8"),
                v.userRight("SeDebugPrivilege"));
    }

    @Test
    void theBuiltInAccountsNamesAreDecodedFromTheirV() throws Exception {
        image(0x0011);
        SecurityPolicyView v = OfflineTarget.open(new ImageFiles(root)).securityPolicy();
        String users = "/Windows/System32/config/SAM \\SAM\\Domains\\Account\\Users\\";
        assertEquals(new AccountName(0x1F4, FactState.PRESENT, "Admin-Ö", users + "000001F4 V", ""),
                v.builtInAccountName(AccountName.ADMINISTRATOR));
        assertEquals(new AccountName(0x1F5, FactState.UNREADABLE, "", users + "000001F5 V", users
                + "000001F5 V at field NameOffset: user V of 16 bytes is shorter than its 204-byte header"),
                v.builtInAccountName(AccountName.GUEST));
        assertEquals("not a built-in account's RID: 502", org.junit.jupiter.api.Assertions
                .assertThrows(IllegalArgumentException.class, () -> v.builtInAccountName(502)).getMessage());
    }

    @Test
    void anEnabledGuestAndAMissingFAreToldApart() throws Exception {
        Path cfg = image(0x0010);
        assertEquals(OptionalLong.of(1), OfflineTarget.open(new ImageFiles(root)).securityPolicy()
                .account(AccountSetting.EnableGuestAccount).value());
        new HiveBuilder().key("SAM\\Domains\\Account").binary("F", new byte[12]).write(cfg.resolve("SAM"));
        SecurityPolicyView v = OfflineTarget.open(new ImageFiles(root)).securityPolicy();
        PolicyFact shortF = v.account(AccountSetting.MinimumPasswordLength);
        assertEquals(FactState.UNREADABLE, shortF.state());
        assertEquals("/Windows/System32/config/SAM \\SAM\\Domains\\Account F at field LockoutThreshold: DOMAIN_ACCOUNT_F"
                + " of 12 bytes is shorter than the 86 that hold the policy", shortF.reason());
        PolicyFact guest = v.account(AccountSetting.EnableGuestAccount);
        assertEquals(FactState.UNREADABLE, guest.state());
        assertEquals("the value is not in the hive, though Windows always writes it", guest.reason());
    }

    @Test
    void auditSubcategoriesAreDecodedFromPolAdtEv() throws Exception {
        image(0x0011);
        SecurityPolicyView v = OfflineTarget.open(new ImageFiles(root)).securityPolicy();
        assertEquals(OptionalLong.of(3), v.audit("Logon").value());
        assertEquals(OptionalLong.of(2), v.audit("account lockout").value());
        assertEquals(OptionalLong.of(0), v.audit("Logoff").value());
        assertEquals(FactState.ABSENT, v.audit("No Such Subcategory").state());
        List<PolicyFact> all = v.auditSubcategories();
        assertEquals(59, all.size());
        assertEquals(2, all.stream().filter(f -> f.value().getAsLong() != 0).count());
    }

    @Test
    void aMissingSecurityHiveMakesTheAuditPolicyUnreadableNotAbsent() throws Exception {
        Path cfg = image(0x0011);
        Files.delete(cfg.resolve("SECURITY"));
        SecurityPolicyView v = OfflineTarget.open(new ImageFiles(root)).securityPolicy();
        assertEquals(List.of(PolicyFact.unreadable("*", "/Windows/System32/config/SECURITY \\Policy\\PolAdtEv"
                + " (default)", "/Windows/System32/config/SECURITY: the hive is not in the image")),
                v.auditSubcategories());
        assertEquals(FactState.UNREADABLE, v.audit("Logon").state());
    }

    @Test
    void localGpoRegistryPolTemplatesAndAuditCsvAreListedWithTheirFiles() throws Exception {
        image(0x0011);
        Path machine = Files.createDirectories(root.resolve("Windows/System32/GroupPolicy/Machine"));
        new PolWriter().dword("Software\\Policies\\Microsoft\\Windows\\System", "EnableSmartScreen", 1)
                .delete("Software\\Policies\\Microsoft\\Windows NT\\DNSClient", "EnableMulticast")
                .write(machine.resolve("Registry.pol"));
        Path secedit = Files.createDirectories(machine.resolve("Microsoft/Windows NT/SecEdit"));
        Files.write(secedit.resolve("GptTmpl.inf"), utf16("[Unicode]\r\nUnicode=yes\r\n[System Access]\r\n"
                + "MinimumPasswordLength = 14\r\n"));
        Path applied = Files.createDirectories(root.resolve("Windows/security/templates/policies"));
        Files.write(applied.resolve("gpt00000.dom"), utf16("[Unicode]\r\nUnicode=yes\r\n[System Access]\r\n"
                + "LockoutBadCount = 5\r\n"));
        Files.writeString(applied.resolve("notes.txt"), "not a template");
        Path auditDir = Files.createDirectories(machine.resolve("Microsoft/Windows NT/Audit"));
        Files.writeString(auditDir.resolve("audit.csv"), "Machine Name,Policy Target,Subcategory,Subcategory GUID,"
                + "Inclusion Setting,Exclusion Setting,Setting Value\r\n,System,Audit Logon,"
                + "{0cce9215-69ae-11d9-bed3-505054503030},Success and Failure,,3\r\n");
        OfflinePolicyFiles files = new OfflinePolicyFiles(new ImageFiles(root));

        Listing<PolFileEntry> pol = files.registryPol(Scope.MACHINE);
        assertEquals(List.of(), pol.problems());
        assertEquals(List.of("Software\\Policies\\Microsoft\\Windows\\System EnableSmartScreen DWORD 1",
                "Software\\Policies\\Microsoft\\Windows NT\\DNSClient **del.EnableMulticast SZ \" \""),
                pol.items().stream().map(e -> e.key() + " " + e.value()).toList());
        assertEquals("/Windows/System32/GroupPolicy/Machine/Registry.pol", pol.items().get(0).file());
        assertEquals(8, pol.items().get(0).offset());
        assertEquals(new Listing<>(List.of(), List.of()), files.registryPol(Scope.USER));

        assertEquals(new Listing<>(List.of(
                new TemplateEntry("/Windows/System32/GroupPolicy/Machine/Microsoft/Windows NT/SecEdit/GptTmpl.inf",
                        "Unicode", "Unicode", "yes"),
                new TemplateEntry("/Windows/System32/GroupPolicy/Machine/Microsoft/Windows NT/SecEdit/GptTmpl.inf",
                        "System Access", "MinimumPasswordLength", "14"),
                new TemplateEntry("/Windows/security/templates/policies/gpt00000.dom", "Unicode", "Unicode", "yes"),
                new TemplateEntry("/Windows/security/templates/policies/gpt00000.dom", "System Access",
                        "LockoutBadCount", "5")), List.of()), files.securityTemplates());
        assertEquals(new Listing<>(List.of(new TemplateEntry(
                "/Windows/System32/GroupPolicy/Machine/Microsoft/Windows NT/Audit/audit.csv", "audit.csv",
                "Audit Logon", "3")), List.of()), files.auditCsv());
    }

    @Test
    void aCorruptRegistryPolIsAProblemNamingTheFile() throws Exception {
        image(0x0011);
        Path machine = Files.createDirectories(root.resolve("Windows/System32/GroupPolicy/Machine"));
        Files.write(machine.resolve("Registry.pol"), new byte[] { 'P', 'R', 'e', 'g', 1, 0, 0, 0, '[', 0, 'x' });
        Listing<PolFileEntry> pol = new OfflinePolicyFiles(new ImageFiles(root)).registryPol(Scope.MACHINE);
        assertEquals(List.of(), pol.items());
        assertEquals(1, pol.problems().size());
        assertEquals(true, pol.problems().get(0).startsWith("/Windows/System32/GroupPolicy/Machine/Registry.pol"),
                pol.problems().get(0));
    }

    private static byte[] utf16(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] out = new byte[body.length + 2];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xFE;
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }
}
