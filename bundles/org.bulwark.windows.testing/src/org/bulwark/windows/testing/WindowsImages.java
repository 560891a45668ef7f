package org.bulwark.windows.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Writes whole mounted Windows system volumes for tests: {@code Windows/System32/config/{SOFTWARE,SYSTEM,SECURITY,
 * SAM}} (real hives from {@link HiveBuilder}), alice's {@code Users/alice/NTUSER.DAT} (listed in
 * {@code ProfileList}), and, per scenario, the local Group Policy's {@code Registry.pol}, {@code gpt.ini},
 * {@code GptTmpl.inf} (UTF-16LE) and {@code audit.csv}, and applied templates. The settings are those of the
 * Windows controls (Defender real-time protection, firewall per profile, SMB signing, UAC, LSA, password and
 * lockout policy, audit policy), each in the store its scenario names.
 */
public final class WindowsImages {
    /** The profile of the one user, alice. */
    public static final String ALICE = "S-1-5-21-1111111111-2222222222-3333333333-1001";
    /** The MDM enrollment that wins the Intune settings. */
    public static final String ENROLLMENT = "9A3D8E44-1B2C-4D5E-8F60-718293A4B5C6";
    public static final String MACHINE_GUID = "5b1c9f2e-7a4d-4e7b-9c11-0d2e3f405162";
    public static final String HOSTNAME = "WS-ALICE";
    /** The domain GPO of the Group Policy scenarios. */
    public static final String GPO = "{31B2F340-016D-11D2-945F-00C04FB984F9}";

    static final String DEFENDER_POLICY = "Policies\\Microsoft\\Windows Defender\\Real-Time Protection";
    static final String FIREWALL_POLICY = "Policies\\Microsoft\\WindowsFirewall\\";
    static final String MDM = "Microsoft\\PolicyManager\\current\\device\\";
    static final String UAC = "Microsoft\\Windows\\CurrentVersion\\Policies\\System";
    static final String LSA = "ControlSet001\\Control\\Lsa";
    static final String SERVICES = "ControlSet001\\Services\\";
    static final String FIREWALL = SERVICES + "SharedAccess\\Parameters\\FirewallPolicy\\";

    /** The scenarios. */
    public enum Scenario {
        /** Every setting compliant, in the local (non-policy) stores; strong SAM and audit policy. */
        COMPLIANT,
        /** Defender, firewall and LLMNR set by a domain GPO only: SOFTWARE\Policies, GPO-List, gpt00000.inf. */
        GPO_ONLY,
        /** Defender, firewall and UAC set by Intune only: PolicyManager, the Firewall CSP's Mdm store, Enrollments. */
        INTUNE_ONLY,
        /** GPO turns real-time protection off, MDM on; {@code MDMWinsOverGP} 0. */
        CONFLICT_GP_WINS,
        /** As {@link #CONFLICT_GP_WINS} with {@code MDMWinsOverGP} 1. */
        CONFLICT_MDM_WINS,
        /** {@link #COMPLIANT} with a SYSTEM hive whose sequence numbers differ and .LOG1/.LOG2 beside it. */
        DIRTY_HIVE,
        /** {@link #LOCAL_GPO_ONLY} with every directory and file name in another case than Windows writes. */
        MIXED_CASE,
        /** The local GPO only: Registry.pol, gpt.ini, GptTmpl.inf, audit.csv, applied to SOFTWARE\Policies. */
        LOCAL_GPO_ONLY,
        /**
         * A weak password, lockout and audit policy in SAM and SECURITY; Administrator and Guest enabled, not
         * renamed; weak user rights and a template granting SeDebugPrivilege to Users.
         */
        SAM_SECURITY_POLICY
    }

    /** The names of an image's directories and files (mixed case in {@link Scenario#MIXED_CASE}). */
    private record Names(String config, String software, String system, String security, String sam, String home,
        String ntuser, String gpo, String pol, String secedit, String audit) {
        static final Names WINDOWS = new Names("Windows/System32/config", "SOFTWARE", "SYSTEM", "SECURITY", "SAM",
            "Users/alice", "NTUSER.DAT", "Windows/System32/GroupPolicy", "Machine/Registry.pol",
            "Machine/Microsoft/Windows NT/SecEdit/GptTmpl.inf", "Machine/Microsoft/Windows NT/Audit/audit.csv");
        static final Names MIXED = new Names("WINDOWS/system32/CONFIG", "software", "System", "security", "Sam",
            "USERS/Alice", "ntuser.dat", "WINDOWS/system32/grouppolicy", "MACHINE/registry.pol",
            "MACHINE/microsoft/windows nt/secedit/gpttmpl.inf", "MACHINE/microsoft/windows nt/AUDIT/Audit.CSV");
    }

    private WindowsImages() {
    }

    /** Writes the scenario's volume under {@code root} (created if needed); returns {@code root}. */
    public static Path write(Scenario scenario, Path root) throws IOException {
        Names n = scenario == Scenario.MIXED_CASE ? Names.MIXED : Names.WINDOWS;
        Path config = Files.createDirectories(root.resolve(n.config()));
        HiveBuilder software = software();
        HiveBuilder system = system();
        byte[] f = PolicyBlobs.domainF(14, 24, Duration.ofDays(60), Duration.ofDays(1), Duration.ofMinutes(15),
            Duration.ofMinutes(15), true, 5);
        int guest = 0x0011;
        int admin = 0x0011;
        String adminName = "Bulwark-Admin";
        String guestName = "Visitor";
        int[][] audit = PolicyBlobs.polAdtEvLayout(3);
        switch (scenario) {
            case COMPLIANT, DIRTY_HIVE -> local(software, system);
            case GPO_ONLY -> {
                gpoValues(software, 0);
                software.key("Microsoft\\Windows\\CurrentVersion\\Group Policy\\State\\Machine\\GPO-List\\0")
                    .sz("DisplayName", "Bulwark Workstation Baseline").sz("GPOName", GPO)
                    .sz("FileSysPath", "\\\\corp.example\\SysVol\\corp.example\\Policies\\" + GPO + "\\Machine");
                write(root.resolve("Windows/security/templates/policies/gpt00000.inf"), template(
                    "GPOPath=corp.example\\Policies\\" + GPO + "\\Machine"));
            }
            case INTUNE_ONLY -> mdmValues(software, system);
            case CONFLICT_GP_WINS, CONFLICT_MDM_WINS -> {
                gpoValues(software, 1);
                mdmValues(software, system);
                software.key(MDM + "ControlPolicyConflict")
                    .dword("MDMWinsOverGP", scenario == Scenario.CONFLICT_MDM_WINS ? 1 : 0)
                    .dword("MDMWinsOverGP_ProviderSet", 1).sz("MDMWinsOverGP_WinningProvider", ENROLLMENT);
                Path gpo = root.resolve(n.gpo());
                write(gpo.resolve(n.pol()), new PolWriter()
                    .dword("Software\\" + DEFENDER_POLICY, "DisableRealtimeMonitoring", 1).bytes());
            }
            case LOCAL_GPO_ONLY, MIXED_CASE -> {
                gpoValues(software, 0);
                software.key("Microsoft\\Windows\\CurrentVersion\\Group Policy\\State\\Machine\\GPO-List\\0")
                    .sz("DisplayName", "Local Group Policy").sz("GPOName", "Local Group Policy")
                    .sz("FileSysPath", "C:\\Windows\\System32\\GroupPolicy\\Machine");
                Path gpo = root.resolve(n.gpo());
                write(gpo.resolve(n.pol()), localPol());
                write(gpo.resolve("gpt.ini"), ("[General]\r\ngPCMachineExtensionNames=[{35378EAC-683F-11D2-A89A-"
                    + "00C04FBBCFA2}{D02B1F72-3407-48AE-BA88-E8213C6761F1}]\r\nVersion=65537\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
                write(gpo.resolve(n.secedit()), template(""));
                write(gpo.resolve(n.audit()), auditCsv());
            }
            case SAM_SECURITY_POLICY -> {
                f = PolicyBlobs.domainF(8, 0, null, Duration.ZERO, Duration.ofMinutes(30), Duration.ofMinutes(30),
                    false, 0);
                guest = 0x0010;
                admin = 0x0010;
                adminName = "Administrator";
                guestName = "Guest";
                audit = PolicyBlobs.polAdtEvLayout(0);
                audit[8][0] = 1; // Account Logon: Credential Validation, success only
                audit[1][0] = 2; // Logon/Logoff: Logon, failure only
            }
            default -> throw new IllegalArgumentException(scenario.name());
        }
        software.write(config.resolve(n.software()));
        if (scenario == Scenario.DIRTY_HIVE) {
            system.dirty();
            // not real transaction logs: the reader only notes that logs lie beside a dirty hive
            Files.write(config.resolve(n.system() + ".LOG1"), new byte[512]);
            Files.write(config.resolve(n.system() + ".LOG2"), new byte[0]);
        }
        system.write(config.resolve(n.system()));
        HiveBuilder security = new HiveBuilder().key("Policy\\PolAdtEv").binary("", PolicyBlobs.polAdtEv(audit));
        if (scenario == Scenario.SAM_SECURITY_POLICY) {
            weakRights(security);
            write(root.resolve("Windows/security/templates/policies/gpt00000.inf"), debugToUsersTemplate());
        } else {
            compliantRights(security);
        }
        security.write(config.resolve(n.security()));
        new HiveBuilder().key("SAM\\Domains\\Account").binary("F", f)
            .key("SAM\\Domains\\Account\\Users\\000001F4").binary("F", PolicyBlobs.userF(admin))
            .binary("V", PolicyBlobs.userV(adminName))
            .key("SAM\\Domains\\Account\\Users\\000001F5").binary("F", PolicyBlobs.userF(guest))
            .binary("V", PolicyBlobs.userV(guestName))
            .key("SAM\\Domains\\Account\\Users\\Names\\Guest").write(config.resolve(n.sam()));
        Path home = Files.createDirectories(root.resolve(n.home()));
        new HiveBuilder().key("Software\\Policies\\Microsoft\\Office\\16.0\\Excel\\Security")
            .dword("blockcontentexecutionfrominternet", 1).write(home.resolve(n.ntuser()));
        return root;
    }

    private static HiveBuilder software() {
        return new HiveBuilder()
            .key("Microsoft\\Windows NT\\CurrentVersion").sz("ProductName", "Windows 10 Enterprise")
            .sz("CurrentBuild", "22631").sz("CurrentBuildNumber", "22631").dword("UBR", 4460)
            .sz("DisplayVersion", "23H2").sz("InstallationType", "Client").sz("EditionID", "Enterprise")
            .key("Microsoft\\Cryptography").sz("MachineGuid", MACHINE_GUID)
            .key("Microsoft\\Windows NT\\CurrentVersion\\ProfileList\\S-1-5-18")
            .expandSz("ProfileImagePath", "%systemroot%\\system32\\config\\systemprofile")
            .key("Microsoft\\Windows NT\\CurrentVersion\\ProfileList\\" + ALICE)
            .expandSz("ProfileImagePath", "C:\\Users\\alice")
            .key(UAC).dword("EnableLUA", 1);
    }

    private static HiveBuilder system() {
        return new HiveBuilder().key("Select").dword("Current", 1).dword("Default", 1).dword("LastKnownGood", 1)
            .key("ControlSet001\\Control\\ComputerName\\ComputerName").sz("ComputerName", HOSTNAME)
            .key(LSA).dword("LimitBlankPasswordUse", 1);
    }

    /** The compliant settings in their local stores: UAC, LSA, SMB, the local firewall, Defender's own key. */
    private static void local(HiveBuilder software, HiveBuilder system) {
        software.key(UAC).dword("ConsentPromptBehaviorAdmin", 2).dword("FilterAdministratorToken", 1)
            .dword("PromptOnSecureDesktop", 1).dword("LocalAccountTokenFilterPolicy", 0)
            .key("Microsoft\\Windows Defender\\Real-Time Protection").dword("DisableRealtimeMonitoring", 0);
        system.key(LSA).dword("LmCompatibilityLevel", 5).dword("NoLMHash", 1).dword("RestrictAnonymousSAM", 1)
            .dword("RestrictAnonymous", 1).dword("RunAsPPL", 1).dword("SCENoApplyLegacyAuditPolicy", 1)
            .key(SERVICES + "LanmanWorkstation\\Parameters").dword("RequireSecuritySignature", 1)
            .key(SERVICES + "LanmanServer\\Parameters").dword("RequireSecuritySignature", 1).dword("SMB1", 0)
            .key(SERVICES + "mrxsmb10").dword("Start", 4);
        for (String profile : new String[] {"DomainProfile", "StandardProfile", "PublicProfile"}) {
            system.key(FIREWALL + profile).dword("EnableFirewall", 1);
        }
        system.key(FIREWALL + "PublicProfile").dword("DefaultInboundAction", 1);
    }

    /** Group Policy's results in SOFTWARE\Policies; {@code disableRealtime} 1 turns real-time protection off. */
    private static void gpoValues(HiveBuilder software, int disableRealtime) {
        software.key(DEFENDER_POLICY).dword("DisableRealtimeMonitoring", disableRealtime)
            .key("Policies\\Microsoft\\Windows NT\\DNSClient").dword("EnableMulticast", 0);
        for (String profile : new String[] {"DomainProfile", "PrivateProfile", "PublicProfile"}) {
            software.key(FIREWALL_POLICY + profile).dword("EnableFirewall", 1);
        }
    }

    /** Intune's: Policy CSP results with their winning provider, the Firewall CSP's store, the enrollment. */
    private static void mdmValues(HiveBuilder software, HiveBuilder system) {
        software.key(MDM + "Defender").dword("AllowRealtimeMonitoring", 1)
            .dword("AllowRealtimeMonitoring_ProviderSet", 1).sz("AllowRealtimeMonitoring_WinningProvider", ENROLLMENT)
            .key(MDM + "LocalPoliciesSecurityOptions")
            .dword("UserAccountControl_BehaviorOfTheElevationPromptForAdministrators", 2)
            .dword("UserAccountControl_BehaviorOfTheElevationPromptForAdministrators_ProviderSet", 1)
            .sz("UserAccountControl_BehaviorOfTheElevationPromptForAdministrators_WinningProvider", ENROLLMENT)
            .key("Microsoft\\PolicyManager\\providers\\" + ENROLLMENT + "\\default\\Device\\Defender")
            .dword("AllowRealtimeMonitoring", 1)
            .key("Microsoft\\Enrollments\\" + ENROLLMENT).sz("ProviderID", "MS DM Server").dword("EnrollmentType", 6)
            .sz("UPN", "alice@corp.example");
        for (String profile : new String[] {"DomainProfile", "PrivateProfile", "PublicProfile"}) {
            system.key(FIREWALL + "Mdm\\" + profile).dword("EnableFirewall", 1);
        }
    }

    /** The local GPO's Registry.pol: what {@link #gpoValues} applied, and a "Disabled" policy. */
    private static byte[] localPol() {
        PolWriter pol = new PolWriter().dword("Software\\" + DEFENDER_POLICY, "DisableRealtimeMonitoring", 0)
            .dword("Software\\Policies\\Microsoft\\Windows NT\\DNSClient", "EnableMulticast", 0);
        for (String profile : new String[] {"DomainProfile", "PrivateProfile", "PublicProfile"}) {
            pol.dword("Software\\" + FIREWALL_POLICY + profile, "EnableFirewall", 1);
        }
        return pol.delete("Software\\Policies\\Microsoft\\Windows\\Installer", "AlwaysInstallElevated").bytes();
    }

    /** A security template, UTF-16LE with a BOM as secedit writes it; {@code extra} lines go to [Version]. */
    /** The SECURITY {@code Policy\\Accounts\\} key whose subkeys are SIDs. */
    public static final String ACCOUNTS = "Policy\\Accounts\\";

    /**
     * Adds to a SECURITY hive the user rights CIS Windows 11 Enterprise v3.0.0 2.2 expects: privileges (Back up,
     * Debug, Load drivers, Take ownership) and logon rights (local, network, Remote Desktop) for Administrators only,
     * network and Remote Desktop logon for Remote Desktop Users, every deny right for Guests, network and Remote
     * Desktop denied to Local account; returns {@code security}.
     */
    public static HiveBuilder compliantRights(HiveBuilder security) {
        return security.key(ACCOUNTS + "S-1-5-32-544").binary("Privilgs", PolicyBlobs.privilgs(17, 20, 10, 9))
            .binary("ActSysAc", PolicyBlobs.actSysAc(0x1 | 0x2 | 0x400))
            .key(ACCOUNTS + "S-1-5-32-555").binary("ActSysAc", PolicyBlobs.actSysAc(0x2 | 0x400))
            .key(ACCOUNTS + "S-1-5-32-546").binary("ActSysAc", PolicyBlobs.actSysAc(0x40 | 0x80 | 0x100 | 0x800))
            .key(ACCOUNTS + "S-1-5-113").binary("ActSysAc", PolicyBlobs.actSysAc(0x80 | 0x800));
    }

    /**
     * Adds to a SECURITY hive weak user rights: network logon for Everyone, Guests allowed to log on locally and
     * denied only network logon, no other deny right; Administrators' privileges as {@link #compliantRights}.
     * Returns {@code security}.
     */
    public static HiveBuilder weakRights(HiveBuilder security) {
        return security.key(ACCOUNTS + "S-1-5-32-544").binary("Privilgs", PolicyBlobs.privilgs(17, 20, 10, 9))
            .binary("ActSysAc", PolicyBlobs.actSysAc(0x1 | 0x2 | 0x400))
            .key(ACCOUNTS + "S-1-1-0").binary("ActSysAc", PolicyBlobs.actSysAc(0x2))
            .key(ACCOUNTS + "S-1-5-32-546").binary("ActSysAc", PolicyBlobs.actSysAc(0x1 | 0x80));
    }

    /** An applied security template (UTF-16LE) whose [Privilege Rights] grant SeDebugPrivilege to Users too. */
    public static byte[] debugToUsersTemplate() {
        return template("[Privilege Rights]\r\nSeDebugPrivilege = *S-1-5-32-544,*S-1-5-32-545");
    }

    static byte[] template(String extra) {
        String text = "[Unicode]\r\nUnicode=yes\r\n[System Access]\r\nMinimumPasswordLength = 14\r\n"
            + "PasswordHistorySize = 24\r\nMaximumPasswordAge = 60\r\nMinimumPasswordAge = 1\r\n"
            + "PasswordComplexity = 1\r\nLockoutBadCount = 5\r\nLockoutDuration = 15\r\nResetLockoutCount = 15\r\n"
            + "EnableGuestAccount = 0\r\n[Registry Values]\r\n"
            + "MACHINE\\System\\CurrentControlSet\\Services\\LanmanWorkstation\\Parameters\\RequireSecuritySignature"
            + "=4,1\r\nMACHINE\\System\\CurrentControlSet\\Control\\Lsa\\NoLMHash=4,1\r\n"
            + "[Version]\r\nsignature=\"$CHICAGO$\"\r\nRevision=1\r\n" + (extra.isEmpty() ? "" : extra + "\r\n");
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] out = new byte[body.length + 2];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xFE;
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }

    static byte[] auditCsv() {
        return ("Machine Name,Policy Target,Subcategory,Subcategory GUID,Inclusion Setting,Exclusion Setting,"
            + "Setting Value\r\n"
            + "WS-ALICE,System,Audit Credential Validation,{0cce923f-69ae-11d9-bed3-505054503030},"
            + "Success and Failure,,3\r\n"
            + "WS-ALICE,System,Audit Logon,{0cce9215-69ae-11d9-bed3-505054503030},Success and Failure,,3\r\n"
            + "WS-ALICE,System,Audit Process Creation,{0cce922b-69ae-11d9-bed3-505054503030},Success,,1\r\n")
            .getBytes(StandardCharsets.UTF_8);
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}
