package org.bulwark.windows.offline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

import org.bulwark.windows.api.AccountSetting;
import org.bulwark.windows.api.Hkey;
import org.bulwark.windows.api.PolFileEntry;
import org.bulwark.windows.api.PolicyFileView.Scope;
import org.bulwark.windows.api.RegPath;
import org.bulwark.windows.api.RegistryView;
import org.bulwark.windows.api.TemplateEntry;
import org.bulwark.windows.testing.WindowsImages;
import org.bulwark.windows.testing.WindowsImages.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each scenario image of WindowsImages, opened through the offline views: the exact facts a collector reads. */
class ScenarioImagesTest {

    static final RegPath LSA = RegPath.of(Hkey.SYSTEM, "CurrentControlSet\\Control\\Lsa");
    static final RegPath SMB_SERVER = RegPath.of(Hkey.SYSTEM,
            "CurrentControlSet\\Services\\LanmanServer\\Parameters");
    static final RegPath FIREWALL = RegPath.of(Hkey.SYSTEM,
            "CurrentControlSet\\Services\\SharedAccess\\Parameters\\FirewallPolicy");
    static final RegPath UAC = RegPath.of(Hkey.SOFTWARE, "Microsoft\\Windows\\CurrentVersion\\Policies\\System");
    static final RegPath GP_DEFENDER = RegPath.of(Hkey.SOFTWARE,
            "Policies\\Microsoft\\Windows Defender\\Real-Time Protection");
    static final RegPath GP_FIREWALL = RegPath.of(Hkey.SOFTWARE, "Policies\\Microsoft\\WindowsFirewall");
    static final RegPath MDM = RegPath.of(Hkey.SOFTWARE, "Microsoft\\PolicyManager\\current\\device");
    static final RegPath GPO_LIST = RegPath.of(Hkey.SOFTWARE,
            "Microsoft\\Windows\\CurrentVersion\\Group Policy\\State\\Machine\\GPO-List\\0");

    @TempDir
    Path root;

    private OfflineTarget open(Scenario scenario) throws Exception {
        return OfflineTarget.open(new ImageFiles(WindowsImages.write(scenario, root)));
    }

    private static OptionalLong number(RegistryView r, RegPath key, String name) throws Exception {
        return r.value(key, name).map(v -> v.number()).orElse(OptionalLong.empty());
    }

    private static Optional<String> text(RegistryView r, RegPath key, String name) throws Exception {
        return r.value(key, name).flatMap(v -> v.text());
    }

    private static Map<String, Long> account(OfflineTarget t) {
        Map<String, Long> out = new TreeMap<>();
        for (AccountSetting s : AccountSetting.values()) {
            out.put(s.name(), t.securityPolicy().account(s).value().orElseThrow());
        }
        return out;
    }

    @Test
    void compliantSettingsAreInTheirLocalStores() throws Exception {
        OfflineTarget t = open(Scenario.COMPLIANT);
        RegistryView r = t.registry();
        assertEquals(List.of(), t.problems());
        assertEquals(OptionalLong.of(1), number(r, LSA, "RunAsPPL"));
        assertEquals(OptionalLong.of(5), number(r, LSA, "LmCompatibilityLevel"));
        assertEquals("/Windows/System32/config/SYSTEM \\ControlSet001\\Control\\Lsa", r.where(LSA));
        assertEquals(OptionalLong.of(1), number(r, SMB_SERVER, "RequireSecuritySignature"));
        assertEquals(OptionalLong.of(0), number(r, SMB_SERVER, "SMB1"));
        assertEquals(OptionalLong.of(1), number(r, FIREWALL.child("PublicProfile"), "DefaultInboundAction"));
        assertEquals(List.of("DomainProfile", "PublicProfile", "StandardProfile"), r.subkeys(FIREWALL));
        assertEquals(OptionalLong.of(2), number(r, UAC, "ConsentPromptBehaviorAdmin"));
        assertEquals(false, r.exists(GP_DEFENDER));
        assertEquals(false, r.exists(MDM));
        assertEquals(false, r.stale(Hkey.SYSTEM));
        assertEquals(Map.of("MinimumPasswordLength", 14L, "PasswordHistorySize", 24L, "MaximumPasswordAge", 60L,
                "MinimumPasswordAge", 1L, "PasswordComplexity", 1L, "LockoutBadCount", 5L, "LockoutDuration", 15L,
                "ResetLockoutCount", 15L, "EnableGuestAccount", 0L, "EnableAdminAccount", 0L), account(t));
        assertEquals("Bulwark-Admin", t.securityPolicy().builtInAccountName(0x1F4).name());
        assertEquals("Visitor", t.securityPolicy().builtInAccountName(0x1F5).name());
        assertEquals(59, t.securityPolicy().auditSubcategories().size());
        assertEquals(List.of(3L), t.securityPolicy().auditSubcategories().stream()
                .map(f -> f.value().orElseThrow()).distinct().toList());
        assertEquals("/Windows/System32/config/SECURITY \\Policy\\PolAdtEv (default)",
                t.securityPolicy().audit("Credential Validation").source());
        assertEquals(List.of(), t.policyFiles().registryPol(Scope.MACHINE).items());
        assertEquals(List.of(WindowsImages.ALICE), r.userSids());
    }

    @Test
    void gpoOnlySettingsAreInSoftwarePoliciesWithTheGpoAndItsTemplate() throws Exception {
        OfflineTarget t = open(Scenario.GPO_ONLY);
        RegistryView r = t.registry();
        assertEquals(List.of(), t.problems());
        assertEquals(OptionalLong.of(0), number(r, GP_DEFENDER, "DisableRealtimeMonitoring"));
        assertEquals("/Windows/System32/config/SOFTWARE \\Policies\\Microsoft\\Windows Defender\\Real-Time Protection",
                r.where(GP_DEFENDER));
        assertEquals(List.of("DomainProfile", "PrivateProfile", "PublicProfile"), r.subkeys(GP_FIREWALL));
        assertEquals(OptionalLong.of(1), number(r, GP_FIREWALL.child("PublicProfile"), "EnableFirewall"));
        assertEquals(OptionalLong.of(0), number(r, RegPath.of(Hkey.SOFTWARE,
                "Policies\\Microsoft\\Windows NT\\DNSClient"), "EnableMulticast"));
        assertEquals(false, r.exists(MDM));
        assertEquals(Optional.of("Bulwark Workstation Baseline"), text(r, GPO_LIST, "DisplayName"));
        assertEquals(Optional.of(WindowsImages.GPO), text(r, GPO_LIST, "GPOName"));
        assertEquals(List.of(), t.policyFiles().registryPol(Scope.MACHINE).items());
        List<TemplateEntry> tmpl = t.policyFiles().securityTemplates().items();
        assertEquals(15, tmpl.size());
        assertEquals(new TemplateEntry("/Windows/security/templates/policies/gpt00000.inf", "System Access",
                "MinimumPasswordLength", "14"), tmpl.get(1));
        assertEquals(new TemplateEntry("/Windows/security/templates/policies/gpt00000.inf", "Version", "GPOPath",
                "corp.example\\Policies\\" + WindowsImages.GPO + "\\Machine"), tmpl.get(14));
    }

    @Test
    void intuneOnlySettingsAreInPolicyManagerAndTheFirewallCspStore() throws Exception {
        OfflineTarget t = open(Scenario.INTUNE_ONLY);
        RegistryView r = t.registry();
        assertEquals(List.of(), t.problems());
        assertEquals(false, r.exists(GP_DEFENDER));
        assertEquals(false, r.exists(GP_FIREWALL));
        RegPath defender = MDM.child("Defender");
        assertEquals(OptionalLong.of(1), number(r, defender, "AllowRealtimeMonitoring"));
        assertEquals(Optional.of(WindowsImages.ENROLLMENT),
                text(r, defender, "AllowRealtimeMonitoring_WinningProvider"));
        assertEquals(Optional.of("MS DM Server"), text(r, RegPath.of(Hkey.SOFTWARE, "Microsoft\\Enrollments\\"
                + WindowsImages.ENROLLMENT), "ProviderID"));
        assertEquals(OptionalLong.of(2), number(r, MDM.child("LocalPoliciesSecurityOptions"),
                "UserAccountControl_BehaviorOfTheElevationPromptForAdministrators"));
        RegPath mdmPublic = FIREWALL.child("Mdm\\PublicProfile");
        assertEquals(OptionalLong.of(1), number(r, mdmPublic, "EnableFirewall"));
        assertEquals("/Windows/System32/config/SYSTEM \\ControlSet001\\Services\\SharedAccess\\Parameters"
                + "\\FirewallPolicy\\Mdm\\PublicProfile", r.where(mdmPublic));
        assertEquals(false, r.exists(RegPath.of(Hkey.SOFTWARE, MDM.path() + "\\ControlPolicyConflict")));
    }

    private void conflict(Scenario scenario, long mdmWins) throws Exception {
        OfflineTarget t = open(scenario);
        RegistryView r = t.registry();
        assertEquals(List.of(), t.problems());
        assertEquals(OptionalLong.of(1), number(r, GP_DEFENDER, "DisableRealtimeMonitoring"));
        assertEquals(OptionalLong.of(1), number(r, MDM.child("Defender"), "AllowRealtimeMonitoring"));
        assertEquals(OptionalLong.of(mdmWins), number(r, MDM.child("ControlPolicyConflict"), "MDMWinsOverGP"));
        List<PolFileEntry> pol = t.policyFiles().registryPol(Scope.MACHINE).items();
        assertEquals(1, pol.size());
        assertEquals("/Windows/System32/GroupPolicy/Machine/Registry.pol", pol.get(0).file());
        assertEquals("Software\\" + GP_DEFENDER.path(), pol.get(0).key());
        assertEquals("DisableRealtimeMonitoring DWORD 1", pol.get(0).value().toString());
        assertEquals(8, pol.get(0).offset());
    }

    @Test
    void conflictWithMdmWinsOverGpOff() throws Exception {
        conflict(Scenario.CONFLICT_GP_WINS, 0);
    }

    @Test
    void conflictWithMdmWinsOverGpOn() throws Exception {
        conflict(Scenario.CONFLICT_MDM_WINS, 1);
    }

    @Test
    void aDirtySystemHiveIsReadAndFlaggedAsPossiblyStale() throws Exception {
        OfflineTarget t = open(Scenario.DIRTY_HIVE);
        RegistryView r = t.registry();
        assertEquals(List.of("/Windows/System32/config/SYSTEM: the hive was not written completely (its sequence"
                + " numbers differ) and transaction logs lie beside it; values read from it may be stale"),
                t.problems());
        assertEquals(true, r.stale(Hkey.SYSTEM));
        assertEquals(false, r.stale(Hkey.SOFTWARE));
        assertEquals(OptionalLong.of(1), number(r, LSA, "RunAsPPL"));
        assertEquals("/Windows/System32/config/SYSTEM \\ControlSet001\\Control\\Lsa (hive possibly stale)",
                r.where(LSA));
        assertEquals("/Windows/System32/config/SOFTWARE \\Microsoft\\Windows\\CurrentVersion\\Policies\\System",
                r.where(UAC));
    }

    @Test
    void mixedCaseNamesAreResolvedCaseInsensitively() throws Exception {
        OfflineTarget t = open(Scenario.MIXED_CASE);
        RegistryView r = t.registry();
        assertEquals(List.of(), t.problems());
        assertEquals("/WINDOWS/system32/CONFIG/System \\ControlSet001\\Control\\Lsa", r.where(LSA));
        assertEquals(OptionalLong.of(1), number(r, RegPath.of(Hkey.SYSTEM, "currentcontrolset\\CONTROL\\lsa"),
                "limitblankpassworduse"));
        assertEquals(OptionalLong.of(1), number(r, RegPath.user(WindowsImages.ALICE,
                "software\\policies\\microsoft\\office\\16.0\\excel\\security"), "BlockContentExecutionFromInternet"));
        assertEquals("/USERS/Alice/ntuser.dat \\Software", r.where(RegPath.user(WindowsImages.ALICE, "Software")));
        List<PolFileEntry> pol = t.policyFiles().registryPol(Scope.MACHINE).items();
        assertEquals(6, pol.size());
        assertEquals("/WINDOWS/system32/grouppolicy/MACHINE/registry.pol", pol.get(0).file());
        assertEquals("/WINDOWS/system32/grouppolicy/MACHINE/microsoft/windows nt/secedit/gpttmpl.inf",
                t.policyFiles().securityTemplates().items().get(0).file());
        assertEquals("/WINDOWS/system32/grouppolicy/MACHINE/microsoft/windows nt/AUDIT/Audit.CSV",
                t.policyFiles().auditCsv().items().get(0).file());
        assertEquals(14L, t.securityPolicy().account(AccountSetting.MinimumPasswordLength).value().orElseThrow());
    }

    @Test
    void theLocalGpoIsReadFromRegistryPolItsTemplateAndAuditCsv() throws Exception {
        OfflineTarget t = open(Scenario.LOCAL_GPO_ONLY);
        RegistryView r = t.registry();
        assertEquals(List.of(), t.problems());
        assertEquals(Optional.of("Local Group Policy"), text(r, GPO_LIST, "DisplayName"));
        String pol = "/Windows/System32/GroupPolicy/Machine/Registry.pol";
        assertEquals(List.of(
                pol + " Software\\Policies\\Microsoft\\Windows Defender\\Real-Time Protection DisableRealtimeMonitoring"
                        + " DWORD 0",
                pol + " Software\\Policies\\Microsoft\\Windows NT\\DNSClient EnableMulticast DWORD 0",
                pol + " Software\\Policies\\Microsoft\\WindowsFirewall\\DomainProfile EnableFirewall DWORD 1",
                pol + " Software\\Policies\\Microsoft\\WindowsFirewall\\PrivateProfile EnableFirewall DWORD 1",
                pol + " Software\\Policies\\Microsoft\\WindowsFirewall\\PublicProfile EnableFirewall DWORD 1",
                pol + " Software\\Policies\\Microsoft\\Windows\\Installer **del.AlwaysInstallElevated SZ \" \""),
                t.policyFiles().registryPol(Scope.MACHINE).items().stream()
                        .map(e -> e.file() + " " + e.key() + " " + e.value()).toList());
        assertEquals(OptionalLong.of(0), number(r, GP_DEFENDER, "DisableRealtimeMonitoring"));
        String inf = "/Windows/System32/GroupPolicy/Machine/Microsoft/Windows NT/SecEdit/GptTmpl.inf";
        List<TemplateEntry> tmpl = t.policyFiles().securityTemplates().items();
        assertEquals(14, tmpl.size());
        assertEquals(new TemplateEntry(inf, "System Access", "LockoutBadCount", "5"), tmpl.get(6));
        assertEquals(new TemplateEntry(inf, "Registry Values", "MACHINE\\System\\CurrentControlSet\\Control\\Lsa"
                + "\\NoLMHash", "4,1"), tmpl.get(11));
        String csv = "/Windows/System32/GroupPolicy/Machine/Microsoft/Windows NT/Audit/audit.csv";
        assertEquals(List.of(new TemplateEntry(csv, "audit.csv", "Audit Credential Validation", "3"),
                new TemplateEntry(csv, "audit.csv", "Audit Logon", "3"),
                new TemplateEntry(csv, "audit.csv", "Audit Process Creation", "1")),
                t.policyFiles().auditCsv().items());
    }

    @Test
    void aWeakSamAndSecurityPolicyIsDecodedExactly() throws Exception {
        OfflineTarget t = open(Scenario.SAM_SECURITY_POLICY);
        assertEquals(List.of(), t.problems());
        assertEquals(Map.of("MinimumPasswordLength", 8L, "PasswordHistorySize", 0L, "MaximumPasswordAge", 0L,
                "MinimumPasswordAge", 0L, "PasswordComplexity", 0L, "LockoutBadCount", 0L, "LockoutDuration", 30L,
                "ResetLockoutCount", 30L, "EnableGuestAccount", 1L, "EnableAdminAccount", 1L), account(t));
        assertEquals("Administrator", t.securityPolicy().builtInAccountName(0x1F4).name());
        assertEquals("Guest", t.securityPolicy().builtInAccountName(0x1F5).name());
        assertEquals("/Windows/System32/config/SAM \\SAM\\Domains\\Account\\Users\\000001F5 F @0x38",
                t.securityPolicy().account(AccountSetting.EnableGuestAccount).source());
        assertEquals(1L, t.securityPolicy().audit("Credential Validation").value().orElseThrow());
        assertEquals(2L, t.securityPolicy().audit("Logon").value().orElseThrow());
        assertEquals(0L, t.securityPolicy().audit("Process Creation").value().orElseThrow());
        assertEquals(List.of(0L, 1L, 2L), t.securityPolicy().auditSubcategories().stream()
                .map(f -> f.value().orElseThrow()).distinct().sorted().toList());
    }
}
