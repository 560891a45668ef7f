package org.bulwark.collector.windows.accounts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.Source;
import org.bulwark.collector.api.SourceKind;
import org.bulwark.collector.tck.TestContext;
import org.bulwark.testing.Services;
import org.bulwark.windows.api.WindowsTargets;
import org.bulwark.windows.settings.SettingResolver;
import org.bulwark.windows.testing.HiveBuilder;
import org.bulwark.windows.testing.PolicyBlobs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Password, lockout, Guest and audit policy decoded from real SAM and SECURITY hives of scenario images. */
class AccountAndAuditPolicyTest {

    static final String SAM = "/Windows/System32/config/SAM \\SAM\\Domains\\Account";
    static final String SECURITY = "/Windows/System32/config/SECURITY \\Policy\\PolAdtEv (default)";

    @TempDir
    Path dir;

    /** An image whose SAM and SECURITY hold {@code domainF}, a Guest {@code F} and {@code polAdtEv}; null = no hive. */
    private Path image(String name, byte[] domainF, int guestAcb, byte[] polAdtEv) throws Exception {
        Path root = Files.createDirectory(dir.resolve(name));
        Path cfg = Files.createDirectories(root.resolve("Windows/System32/config"));
        new HiveBuilder().key("Microsoft\\Windows NT\\CurrentVersion").sz("CurrentBuild", "26100")
                .sz("InstallationType", "Client").key("Microsoft\\Windows NT\\CurrentVersion\\Winlogon")
                .sz("CachedLogonsCount", "2").write(cfg.resolve("SOFTWARE"));
        new HiveBuilder().key("Select").dword("Current", 1).key("ControlSet001\\Control\\Lsa")
                .dword("LimitBlankPasswordUse", 1).write(cfg.resolve("SYSTEM"));
        if (domainF != null) {
            new HiveBuilder().key("SAM\\Domains\\Account").binary("F", domainF)
                    .key("SAM\\Domains\\Account\\Users\\000001F5").binary("F", PolicyBlobs.userF(guestAcb))
                    .write(cfg.resolve("SAM"));
        }
        if (polAdtEv != null) {
            new HiveBuilder().key("Policy\\PolAdtEv").binary("", polAdtEv).write(cfg.resolve("SECURITY"));
        }
        return root;
    }

    private static Map<String, Observation> collect(Collector c, Path root) throws Exception {
        Map<String, Observation> out = new LinkedHashMap<>();
        for (Observation o : c.collect(TestContext.of(root, Duration.ofSeconds(30)))) {
            out.put(o.key(), o);
        }
        assertEquals(c.provides(), out.keySet());
        return out;
    }

    private static WindowsAccountsCollector accounts() {
        return new WindowsAccountsCollector(Services.await(SettingResolver.class), Services.await(WindowsTargets.class));
    }

    private static WindowsAuditPolicyCollector audit() {
        return new WindowsAuditPolicyCollector(Services.await(SettingResolver.class), Services.await(WindowsTargets.class));
    }

    private static Source sam(String at) {
        return new Source(SourceKind.FILE, SAM + at, 0, null);
    }

    @Test
    void passwordLockoutAndGuestPolicyOfACompliantImage() throws Exception {
        byte[] f = PolicyBlobs.domainF(14, 24, Duration.ofDays(365), Duration.ofDays(1), Duration.ofMinutes(15),
                Duration.ofMinutes(15), true, 5);
        Map<String, Observation> o = collect(accounts(), image("good", f, 0x0011, null));
        assertEquals(Observation.of("windows.accounts.min-password-length", "14", sam(" F @0x50")),
                o.get("windows.accounts.min-password-length"));
        assertEquals(Observation.of("windows.accounts.password-history", "24", sam(" F @0x52")), o.get("windows.accounts.password-history"));
        assertEquals(Observation.of("windows.accounts.max-password-age", "365", sam(" F @0x18")), o.get("windows.accounts.max-password-age"));
        assertEquals(Observation.of("windows.accounts.min-password-age", "1", sam(" F @0x20")), o.get("windows.accounts.min-password-age"));
        assertEquals(Observation.of("windows.accounts.password-complexity", "1", sam(" F @0x4C")), o.get("windows.accounts.password-complexity"));
        assertEquals(Observation.of("windows.accounts.lockout-threshold", "5", sam(" F @0x54")), o.get("windows.accounts.lockout-threshold"));
        assertEquals(Observation.of("windows.accounts.lockout-duration", "15", sam(" F @0x30")), o.get("windows.accounts.lockout-duration"));
        assertEquals(Observation.of("windows.accounts.lockout-reset", "15", sam(" F @0x38")), o.get("windows.accounts.lockout-reset"));
        assertEquals(Observation.of("windows.accounts.guest-enabled", "0", sam("\\Users\\000001F5 F @0x38")),
                o.get("windows.accounts.guest-enabled"));
        assertEquals(Observation.of("windows.accounts.cached-logons", "2", new Source(SourceKind.FILE,
                "/Windows/System32/config/SOFTWARE \\Microsoft\\Windows NT\\CurrentVersion\\Winlogon CachedLogonsCount", 0,
                "local setting")), o.get("windows.accounts.cached-logons"));
    }

    @Test
    void neverExpiringPasswordsAndAnEnabledGuest() throws Exception {
        byte[] f = PolicyBlobs.domainF(0, 0, null, null, null, null, false, 0);
        Map<String, Observation> o = collect(accounts(), image("weak", f, 0x0010, null));
        assertEquals(Observation.of("windows.accounts.max-password-age", "0", sam(" F @0x18")), o.get("windows.accounts.max-password-age"));
        assertEquals(Observation.of("windows.accounts.lockout-duration", "-1", sam(" F @0x30")), o.get("windows.accounts.lockout-duration"));
        assertEquals(Observation.of("windows.accounts.guest-enabled", "1", sam("\\Users\\000001F5 F @0x38")),
                o.get("windows.accounts.guest-enabled"));
    }

    @Test
    void aMissingSamHiveMakesThePolicyUnreadable() throws Exception {
        Map<String, Observation> o = collect(accounts(), image("nosam", null, 0, null));
        assertEquals(Observation.unreadable("windows.accounts.min-password-length", sam(" F"),
                "/Windows/System32/config/SAM: the hive is not in the image"), o.get("windows.accounts.min-password-length"));
    }

    @Test
    void auditSubcategoriesFromPolAdtEv() throws Exception {
        int[][] layout = PolicyBlobs.polAdtEvLayout(0);
        layout[8][0] = 3; // Account Logon: Credential Validation, success and failure
        layout[1][0] = 1; // Logon/Logoff: Logon, success only
        layout[1][2] = 2; // Logon/Logoff: Account Lockout, failure only
        Map<String, Observation> o = collect(audit(), image("audit", null, 0, PolicyBlobs.polAdtEv(layout)));
        Source s = new Source(SourceKind.FILE, SECURITY, 0, null);
        assertEquals(Observation.of("windows.audit.credential-validation", "3", s), o.get("windows.audit.credential-validation"));
        assertEquals(Observation.of("windows.audit.logon", "1", s), o.get("windows.audit.logon"));
        assertEquals(Observation.of("windows.audit.account-lockout", "2", s), o.get("windows.audit.account-lockout"));
        assertEquals(Observation.of("windows.audit.process-creation", "0", s), o.get("windows.audit.process-creation"));
        assertEquals(27, o.size());
    }

    @Test
    void aMissingSecurityHiveMakesEverySubcategoryUnreadable() throws Exception {
        Map<String, Observation> o = collect(audit(), image("nosecurity", null, 0, null));
        for (Observation x : o.values()) {
            assertEquals(Observation.unreadable(x.key(), new Source(SourceKind.FILE, SECURITY, 0, null),
                    "/Windows/System32/config/SECURITY: the hive is not in the image"), x);
        }
    }
}
