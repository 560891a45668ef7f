package org.bulwark.collector.windows.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.ObservationState;
import org.bulwark.collector.api.Source;
import org.bulwark.collector.api.SourceKind;
import org.bulwark.windows.api.RuntimeView;
import org.bulwark.windows.settings.WindowsSettingsCollector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Windows collectors on scenario images (real hive files and Registry.pol, read through the offline targets and
 * the setting resolver in OSGi): Group Policy only, Intune (MDM) only, MDM against Group Policy with
 * MDMWinsOverGP 0 and 1, the three firewall stores, a missing hive, runtime facts offline, a non-Windows root.
 */
class WindowsSettingsScenarioTest {

    static final String SW = "/Windows/System32/config/SOFTWARE \\";
    static final String SYS = "/Windows/System32/config/SYSTEM \\";
    static final String GUEST_GPO = "Microsoft\\Windows\\LanmanWorkstation";

    @TempDir
    Path dir;

    private static WindowsNetworkCollector network() {
        return new WindowsNetworkCollector(Image.resolver(), Image.targets());
    }

    private static WindowsSecurityControlsCollector security() {
        return new WindowsSecurityControlsCollector(Image.resolver(), Image.targets());
    }

    private Image image(String name) throws Exception {
        return new Image(Files.createDirectory(dir.resolve(name)));
    }

    private static Source policy(String location, String detail) {
        return new Source(SourceKind.POLICY, location, 0, detail);
    }

    @Test
    void groupPolicyOnlyIsAttributedToTheLocalGpoAndUnsetFallsBackToTheDefault() throws Exception {
        Map<String, Observation> o = image("gpo").gpo("Microsoft\\Windows NT\\DNSClient", "EnableMulticast", 0, true)
                .collect(network());
        assertEquals(Observation.of("windows.net.llmnr", "0", policy(SW + "Policies\\Microsoft\\Windows NT\\DNSClient EnableMulticast",
                "Group Policy, set by " + Image.POL)), o.get("windows.net.llmnr"));
        Map<String, Observation> bare = image("bare").collect(network());
        assertEquals(Observation.of("windows.net.llmnr", "1", Source.builtInDefault("Windows")), bare.get("windows.net.llmnr"));
        assertEquals(Observation.absent("windows.net.smb1-server", new Source(SourceKind.POLICY,
                SYS + "ControlSet001\\Services\\LanmanServer\\Parameters SMB1", 0, null),
                "not set by MDM, Group Policy or locally, and no documented default"), bare.get("windows.net.smb1-server"));
    }

    @Test
    void intuneOnlyPassesWhereAGroupPolicyReaderSeesNothing() throws Exception {
        Map<String, Observation> o = image("mdm").mdm("Defender", "AllowRealtimeMonitoring", 1)
                .mdm("Defender", "PUAProtection", 1).collect(security());
        String pm = SW + "Microsoft\\PolicyManager\\current\\device\\Defender ";
        assertEquals(Observation.of("windows.defender.realtime-disabled", "0", policy(pm + "AllowRealtimeMonitoring",
                "MDM, enrollment " + Image.ENROLLMENT)), o.get("windows.defender.realtime-disabled"));
        assertEquals(Observation.of("windows.defender.pua-protection", "1", policy(pm + "PUAProtection",
                "MDM, enrollment " + Image.ENROLLMENT)), o.get("windows.defender.pua-protection"));
    }

    @Test
    void mdmAgainstGroupPolicyWithMdmWinsOverGpZeroIsAConflictWithBothValues() throws Exception {
        Map<String, Observation> o = image("conflict0").mdm("LanmanWorkstation", "EnableInsecureGuestLogons", 0)
                .gpo(GUEST_GPO, "AllowInsecureGuestAuth", 1, true).mdmWinsOverGp(0).collect(network());
        Source mdm = policy(SW + "Microsoft\\PolicyManager\\current\\device\\LanmanWorkstation EnableInsecureGuestLogons",
                "MDM, enrollment " + Image.ENROLLMENT);
        Source gpo = policy(SW + "Policies\\" + GUEST_GPO + " AllowInsecureGuestAuth", "Group Policy, set by " + Image.POL);
        assertEquals(new Observation("windows.net.insecure-guest-logons", ObservationState.PRESENT, List.of("0", "1"), mdm,
                "conflict: MDM sets 0, Group Policy sets 1; which one applies is indeterminate (MDMWinsOverGP is not 1, "
                        + "and a component that reads PolicyManager directly decides itself); compliant only if both values comply",
                List.of(new Observation.Other("1", gpo, "conflicts with MDM"))), o.get("windows.net.insecure-guest-logons"));
    }

    @Test
    void mdmAgainstGroupPolicyWithMdmWinsOverGpOneIsWonByMdm() throws Exception {
        Map<String, Observation> o = image("conflict1").mdm("LanmanWorkstation", "EnableInsecureGuestLogons", 0)
                .gpo(GUEST_GPO, "AllowInsecureGuestAuth", 1, false).mdmWinsOverGp(1).collect(network());
        Source mdm = policy(SW + "Microsoft\\PolicyManager\\current\\device\\LanmanWorkstation EnableInsecureGuestLogons",
                "MDM, enrollment " + Image.ENROLLMENT);
        Source gpo = policy(SW + "Policies\\" + GUEST_GPO + " AllowInsecureGuestAuth", "Group Policy");
        assertEquals(new Observation("windows.net.insecure-guest-logons", ObservationState.PRESENT, List.of("0"), mdm, null,
                List.of(new Observation.Other("1", gpo, "overridden by MDM (MDMWinsOverGP=1)"))),
                o.get("windows.net.insecure-guest-logons"));
    }

    @Test
    void defenderIsNoMdmWinsOverGpPolicySoItsDisagreementStaysAConflict() throws Exception {
        Map<String, Observation> o = image("defender").mdm("Defender", "AllowRealtimeMonitoring", 1)
                .gpo("Microsoft\\Windows Defender\\Real-Time Protection", "DisableRealtimeMonitoring", 1, false)
                .mdmWinsOverGp(1).collect(security());
        Observation rt = o.get("windows.defender.realtime-disabled");
        assertEquals(List.of("0", "1"), rt.values());
        assertEquals("conflict: MDM sets 0, Group Policy sets 1; which one applies is indeterminate (MDMWinsOverGP does "
                + "not apply to this policy, and Windows gives no guarantee which one wins); compliant only if both values "
                + "comply", rt.reason());
    }

    @Test
    void theFirewallIsReadFromItsGroupPolicyMdmAndLocalStores() throws Exception {
        String fw = "Services\\SharedAccess\\Parameters\\FirewallPolicy\\";
        Map<String, Observation> o = image("fw").system(fw + "StandardProfile", "EnableFirewall", 0)
                .system(fw + "PublicProfile", "EnableFirewall", 0)
                .gpo("Microsoft\\WindowsFirewall\\PublicProfile", "EnableFirewall", 1, true)
                .system(fw + "Mdm\\DomainProfile", "EnableFirewall", 1).collect(network());
        Source privateLocal = new Source(SourceKind.FILE, SYS + "ControlSet001\\" + fw + "StandardProfile EnableFirewall", 0,
                "local setting");
        assertEquals(Observation.of("windows.firewall.private.enabled", "0", privateLocal), o.get("windows.firewall.private.enabled"));
        assertEquals(new Observation("windows.firewall.public.enabled", ObservationState.PRESENT, List.of("1"),
                policy(SW + "Policies\\Microsoft\\WindowsFirewall\\PublicProfile EnableFirewall", "Group Policy, set by " + Image.POL),
                null, List.of(new Observation.Other("0", new Source(SourceKind.FILE,
                        SYS + "ControlSet001\\" + fw + "PublicProfile EnableFirewall", 0, "local setting"), "overridden by Group Policy"))),
                o.get("windows.firewall.public.enabled"));
        assertEquals(Observation.of("windows.firewall.domain.enabled", "1",
                policy(SYS + "ControlSet001\\" + fw + "Mdm\\DomainProfile EnableFirewall", "MDM")), o.get("windows.firewall.domain.enabled"));
        assertEquals(Observation.of("windows.firewall.domain.default-inbound", "1", Source.builtInDefault("Windows Defender Firewall")),
                o.get("windows.firewall.domain.default-inbound"));
    }

    @Test
    void aMissingHiveIsUnreadableNeverTheDefault() throws Exception {
        Map<String, Observation> o = image("nosystem").noSystemHive().collect(network());
        assertEquals(Observation.unreadable("windows.net.smb1-server", new Source(SourceKind.POLICY,
                SYS + "CurrentControlSet\\Services\\LanmanServer\\Parameters SMB1", 0, null),
                "/Windows/System32/config/SYSTEM: the hive is not in the image"), o.get("windows.net.smb1-server"));
        assertEquals(ObservationState.UNREADABLE, o.get("windows.net.restrict-anonymous-sam").state());
        // SOFTWARE-only settings are unaffected
        assertEquals(Observation.of("windows.net.llmnr", "1", Source.builtInDefault("Windows")), o.get("windows.net.llmnr"));
    }

    @Test
    void runtimeFactsAreUnavailableOffline() throws Exception {
        Map<String, Observation> o = image("runtime").collect(security());
        for (String key : List.of(WindowsSecurityControlsCollector.REALTIME, WindowsSecurityControlsCollector.TAMPER,
                WindowsSecurityControlsCollector.BITLOCKER)) {
            assertEquals(Observation.unavailable(key, RuntimeView.OFFLINE), o.get(key));
        }
    }

    @Test
    void theEditionIsToldByItsBuild() throws Exception {
        Map<String, Observation> o = image("edition").collect(new WindowsOperatingSystemCollector(Image.resolver(), Image.targets()));
        Source s = new Source(SourceKind.FILE, SW + "Microsoft\\Windows NT\\CurrentVersion", 0,
                "Windows 11 Enterprise 24H2 (build 26100.2605)");
        assertEquals(Observation.of("windows.os.release", "11", s), o.get("windows.os.release"));
        assertEquals(Observation.of("windows.os.build", "26100", s), o.get("windows.os.build"));
        assertEquals(Observation.of("windows.os.server", "no", s), o.get("windows.os.server"));
    }

    @Test
    void aRootThatIsNoWindowsSystemHasEveryKeyUnavailable() throws Exception {
        WindowsApplicationCollector app = new WindowsApplicationCollector(Image.resolver(), Image.targets());
        List<Observation> o = app.collect(org.bulwark.collector.tck.TestContext.of(dir, java.time.Duration.ofSeconds(5)));
        assertEquals(app.provides().size(), o.size());
        for (Observation x : o) {
            assertEquals(Observation.unavailable(x.key(), WindowsSettingsCollector.NOT_WINDOWS), x);
        }
    }
}
