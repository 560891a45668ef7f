package org.bulwark.windows.live.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.bulwark.windows.api.AccountSetting;
import org.bulwark.windows.api.FactState;
import org.bulwark.windows.api.Hkey;
import org.bulwark.windows.api.PolicyFact;
import org.bulwark.windows.api.RegPath;
import org.bulwark.windows.api.WindowsReadException;
import org.junit.jupiter.api.Test;

/** The live security policy and registry over fake Win32 results. */
class LiveViewsTest {

    static final String LOGON = "{0CCE9215-69AE-11D9-BED3-505054503030}";

    private final FakeWin32Calls calls = new FakeWin32Calls();
    private final LiveSecurityPolicy policy = new LiveSecurityPolicy(calls);
    private final LiveRegistry registry = new LiveRegistry(calls);

    @Test
    void passwordAndLockoutPolicyInOfflineUnits() {
        calls.modals0 = new Win32Calls.Modals0(14, 365 * 86_400, 86_400, 0xFFFFFFFF, 24);
        calls.modals3 = new Win32Calls.Modals3(900, 0xFFFFFFFF, 5);
        assertEquals(PolicyFact.present("MinimumPasswordLength", 14, "NetUserModalsGet level 0 usrmod0_min_passwd_len"),
                policy.account(AccountSetting.MinimumPasswordLength));
        assertEquals(24, policy.account(AccountSetting.PasswordHistorySize).value().getAsLong());
        assertEquals(365, policy.account(AccountSetting.MaximumPasswordAge).value().getAsLong());
        assertEquals(1, policy.account(AccountSetting.MinimumPasswordAge).value().getAsLong());
        assertEquals(PolicyFact.present("LockoutBadCount", 5, "NetUserModalsGet level 3 usrmod3_lockout_threshold"),
                policy.account(AccountSetting.LockoutBadCount));
        assertEquals(15, policy.account(AccountSetting.LockoutDuration).value().getAsLong());
        assertEquals(-1, policy.account(AccountSetting.ResetLockoutCount).value().getAsLong());
    }

    @Test
    void neverExpiringPasswordsAreZeroDays() {
        calls.modals0 = new Win32Calls.Modals0(0, 0xFFFFFFFF, 0, 0, 0);
        assertEquals(0, policy.account(AccountSetting.MaximumPasswordAge).value().getAsLong());
    }

    @Test
    void whatTheCallsDoNotGiveIsUnreadable() {
        assertEquals(PolicyFact.unreadable("PasswordComplexity", "",
                "live mode does not read PasswordComplexity yet (NetUserModalsGet does not give it)"),
                policy.account(AccountSetting.PasswordComplexity));
        assertEquals(FactState.UNREADABLE, policy.account(AccountSetting.EnableGuestAccount).state());
        // the built-in Administrator's status is not a NetUserModalsGet field either (not a password age)
        assertEquals(PolicyFact.unreadable("EnableAdminAccount", "",
                "live mode does not read EnableAdminAccount yet (NetUserModalsGet does not give it)"),
                policy.account(AccountSetting.EnableAdminAccount));
        assertEquals(FactState.UNREADABLE, policy.builtInAccountName(0x1F4).state());
        assertEquals(FactState.UNREADABLE, policy.userRight("SeDebugPrivilege").state());
        assertEquals(0, calls.calls);
    }

    @Test
    void aFailedCallIsUnreadableWithItsError() {
        calls.modalsFailure = new Win32Failure("NetUserModalsGet", Win32Failure.ERROR_ACCESS_DENIED);
        assertEquals(PolicyFact.unreadable("LockoutDuration", "NetUserModalsGet level 3",
                "NetUserModalsGet failed: error 5 (access denied)"), policy.account(AccountSetting.LockoutDuration));
    }

    @Test
    void auditPolicyByNameAndGuid() {
        calls.audit.put(LOGON, 3);
        calls.audit.put("{0CCE9216-69AE-11D9-BED3-505054503030}", 4);
        assertEquals(PolicyFact.present("Logon", 3, "AuditQuerySystemPolicy"), policy.audit("Logon"));
        assertEquals(PolicyFact.present("logoff", 0, "AuditQuerySystemPolicy"), policy.audit("logoff"));
        assertEquals(PolicyFact.present(LOGON, 3, "AuditQuerySystemPolicy"), policy.audit(LOGON));
        assertEquals(FactState.ABSENT, policy.audit("No Such Thing").state());
        List<PolicyFact> all = policy.auditSubcategories();
        assertEquals(59, all.size());
        assertEquals(PolicyFact.present("Security State Change", 0, "AuditQuerySystemPolicy"), all.get(0));
    }

    @Test
    void auditPolicyWithoutThePrivilegeIsOneUnreadableFact() {
        calls.auditFailure = new Win32Failure("AuditQuerySystemPolicy", Win32Failure.ERROR_PRIVILEGE_NOT_HELD);
        assertEquals(List.of(PolicyFact.unreadable("*", "AuditQuerySystemPolicy",
                "AuditQuerySystemPolicy failed: error 1314 (a required privilege is not held)")),
                policy.auditSubcategories());
    }

    @Test
    void auditBitsWindowsDoesNotDefineAreUnreadable() {
        calls.audit.put(LOGON, 0x10);
        assertEquals(PolicyFact.unreadable("Logon", "AuditQuerySystemPolicy",
                "Logon: AuditingInformation 0x10 has bits beyond POLICY_AUDIT_EVENT_SUCCESS, _FAILURE and _NONE"),
                policy.audit("Logon"));
    }

    @Test
    void registryValuesKeysAndUsers() throws Exception {
        calls.key("HKLM", "SYSTEM\\CurrentControlSet\\Control\\Lsa",
                new Win32Calls.RawValue("LimitBlankPasswordUse", 4, new byte[] { 1, 0, 0, 0 }));
        calls.key("HKLM", "SYSTEM\\CurrentControlSet\\Control\\Lsa\\MSV1_0");
        calls.key("HKU", "S-1-5-21-1\\Software", new Win32Calls.RawValue("", 1,
                "x\0".getBytes(StandardCharsets.UTF_16LE)));
        RegPath lsa = RegPath.of(Hkey.SYSTEM, "CurrentControlSet\\Control\\Lsa");
        assertEquals(OptionalLong.of(1), registry.value(lsa, "LimitBlankPasswordUse").orElseThrow().number());
        assertEquals(Optional.empty(), registry.value(lsa, "NoSuchValue"));
        assertEquals(List.of("LimitBlankPasswordUse"), registry.valueNames(lsa));
        assertEquals(List.of("MSV1_0"), registry.subkeys(lsa));
        assertEquals(true, registry.exists(lsa));
        assertEquals("live HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa", registry.where(lsa));
        assertEquals(Optional.of("x"),
                registry.value(RegPath.user("S-1-5-21-1", "Software"), "").orElseThrow().text());
        assertEquals(false, registry.stale(Hkey.SYSTEM));
    }

    @Test
    void aMissingKeyIsEmptyButAnUnreadableKeyIsAnError() throws Exception {
        RegPath missing = RegPath.of(Hkey.SOFTWARE, "Policies\\Nothing");
        assertEquals(Optional.empty(), registry.value(missing, "x"));
        assertEquals(List.of(), registry.subkeys(missing));
        assertEquals(List.of(), registry.valueNames(missing));
        assertEquals(false, registry.exists(missing));
        calls.failures.put("HKLM\\SAM\\SAM\\DOMAINS\\ACCOUNT", Win32Failure.ERROR_ACCESS_DENIED);
        RegPath sam = RegPath.of(Hkey.SAM, "SAM\\Domains\\Account");
        WindowsReadException e = assertThrows(WindowsReadException.class, () -> registry.value(sam, "F"));
        assertEquals("live HKLM\\SAM\\SAM\\Domains\\Account", e.file());
        assertThrows(WindowsReadException.class, () -> registry.exists(sam));
        assertThrows(WindowsReadException.class, () -> registry.subkeys(sam));
    }
}
