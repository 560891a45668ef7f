package org.bulwark.windows.offline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.bulwark.collector.api.PlatformFacts;
import org.bulwark.collector.api.ProbedTarget;
import org.bulwark.windows.api.AccountSetting;
import org.bulwark.windows.api.FactState;
import org.bulwark.windows.api.Hkey;
import org.bulwark.windows.api.RegPath;
import org.bulwark.windows.api.RegValue;
import org.bulwark.windows.api.RegistryView;
import org.bulwark.windows.api.RuntimeView;
import org.bulwark.windows.api.WindowsEdition;
import org.bulwark.windows.api.WindowsReadException;
import org.bulwark.windows.testing.HiveBuilder;
import org.bulwark.windows.testing.Hivex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineTargetTest {

    @TempDir
    Path root;

    private final WindowsPlatformProbe probe = new WindowsPlatformProbe();

    @Test
    void aWindows11ClientIsRecognisedWithItsIdentityFromTheHives() throws Exception {
        Images.client(root, "Windows", "System32", "config");
        ProbedTarget t = probe.probe(root).orElseThrow();
        assertEquals(new PlatformFacts("windows", "windows", "11", "Windows 11 Pro 23H2 (build 22631.4460)",
                System.getProperty("os.arch", "unknown"), "WS-ALICE", Images.GUID.toLowerCase()), t.platform());
        assertEquals(false, t.live());
        assertEquals(List.of(), t.problems());
    }

    @Test
    void mixedCasePathsOfALinuxNtfsMountAreFound() throws Exception {
        Images.client(root, "WINDOWS", "system32", "CONFIG");
        assertEquals("WS-ALICE", probe.probe(root).orElseThrow().platform().hostname());
        OfflineTarget t = OfflineTarget.open(new ImageFiles(root));
        assertEquals(List.of(), t.problems());
        assertEquals("/WINDOWS/system32/CONFIG/SYSTEM \\ControlSet002\\Control\\Lsa",
                t.registry().where(RegPath.of(Hkey.SYSTEM, "CurrentControlSet\\Control\\Lsa")));
    }

    @Test
    void aLinuxRootOrAnEmptyOneIsNotWindows() throws Exception {
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/os-release"), "ID=debian\n");
        assertEquals(Optional.empty(), probe.probe(root));
    }

    @Test
    void currentControlSetIsResolvedThroughSelectCurrentAndUsersThroughProfileList() throws Exception {
        Images.client(root, "Windows", "System32", "config");
        OfflineTarget t = OfflineTarget.open(new ImageFiles(root));
        RegistryView r = t.registry();
        assertEquals(OptionalLong.of(1), r.value(RegPath.of(Hkey.SYSTEM, "CurrentControlSet\\Control\\Lsa"),
                "RunAsPPL").orElseThrow().number());
        assertEquals(OptionalLong.of(0), r.value(RegPath.of(Hkey.SYSTEM, "controlset001\\control\\lsa"),
                "runasppl").orElseThrow().number());
        assertEquals(Optional.empty(), r.value(RegPath.of(Hkey.SYSTEM, "CurrentControlSet\\Control\\Lsa"),
                "NoLMHash"));
        assertEquals(List.of(Images.ALICE), r.userSids());
        RegValue word = r.value(RegPath.user(Images.ALICE,
                "Software\\Policies\\Microsoft\\Office\\16.0\\Word\\Security"), "blockcontentexecutionfrominternet")
                .orElseThrow();
        assertEquals("blockcontentexecutionfrominternet DWORD 1", word.toString());
        assertEquals(List.of("ComputerName", "Lsa"), r.subkeys(RegPath.of(Hkey.SYSTEM, "CurrentControlSet\\Control")));
        assertEquals(Optional.of(new WindowsEdition("Windows 10 Pro", 22631, 4460, "23H2", "Client", "Professional")),
                t.edition());
        assertEquals(false, r.stale(Hkey.SYSTEM));
    }

    @Test
    void anIntuneOnlySettingIsReadWithItsWinningEnrollment() throws Exception {
        Images.client(root, "Windows", "System32", "config");
        RegistryView r = OfflineTarget.open(new ImageFiles(root)).registry();
        RegPath defender = RegPath.of(Hkey.SOFTWARE, "Microsoft\\PolicyManager\\current\\device\\Defender");
        assertEquals(OptionalLong.of(1), r.value(defender, "AllowRealtimeMonitoring").orElseThrow().number());
        String winner = r.value(defender, "AllowRealtimeMonitoring_WinningProvider").orElseThrow().text()
                .orElseThrow();
        assertEquals(Images.ENROLLMENT, winner);
        assertEquals(Optional.of("MS DM Server"), r.value(RegPath.of(Hkey.SOFTWARE, "Microsoft\\Enrollments\\"
                + winner), "ProviderID").orElseThrow().text());
        assertEquals(List.of("AllowRealtimeMonitoring", "AllowRealtimeMonitoring_WinningProvider"),
                r.valueNames(defender));
    }

    @Test
    void aDirtyHiveWithLogsIsFlaggedAsPossiblyStale() throws Exception {
        Path cfg = Images.client(root, "Windows", "System32", "config");
        Images.system().dirty().write(cfg.resolve("SYSTEM"));
        Files.write(cfg.resolve("SYSTEM.LOG1"), new byte[512]);
        OfflineTarget t = OfflineTarget.open(new ImageFiles(root));
        assertEquals(true, t.registry().stale(Hkey.SYSTEM));
        assertEquals(false, t.registry().stale(Hkey.SOFTWARE));
        assertEquals(List.of("/Windows/System32/config/SYSTEM: the hive was not written completely (its sequence"
                + " numbers differ) and transaction logs lie beside it; values read from it may be stale"),
                t.problems());
        assertEquals("/Windows/System32/config/SYSTEM \\ControlSet002\\Control\\Lsa (hive possibly stale)",
                t.registry().where(RegPath.of(Hkey.SYSTEM, "CurrentControlSet\\Control\\Lsa")));
    }

    @Test
    void aCorruptOrMissingHiveIsAProblemAndItsReadsSayWhyNeverACrash() throws Exception {
        Path cfg = Images.client(root, "Windows", "System32", "config");
        Files.write(cfg.resolve("SAM"), new byte[] { 'r', 'e', 'g', 'f', 1, 2, 3 });
        Files.delete(cfg.resolve("SECURITY"));
        OfflineTarget t = OfflineTarget.open(new ImageFiles(root));
        assertEquals(2, t.problems().size());
        assertEquals("/Windows/System32/config/SECURITY: the hive is not in the image", t.problems().get(0));
        assertEquals(true, t.problems().get(1).startsWith("/Windows/System32/config/SAM: "), t.problems().get(1));
        assertEquals(false, t.problems().get(1).contains(root.toString()), t.problems().get(1));
        WindowsReadException e = assertThrows(WindowsReadException.class,
                () -> t.registry().value(RegPath.of(Hkey.SECURITY, "Policy"), "PolAdtEv"));
        assertEquals("/Windows/System32/config/SECURITY", e.file());
        assertEquals("WS-ALICE", probe.probe(root).orElseThrow().platform().hostname());
    }

    @Test
    void withoutSelectCurrentTheControlSetCannotBeResolvedAndTheProbeSaysSo() throws Exception {
        Path cfg = Images.client(root, "Windows", "System32", "config");
        new HiveBuilder().key("ControlSet001\\Control\\ComputerName\\ComputerName").sz("ComputerName", "X")
                .write(cfg.resolve("SYSTEM"));
        ProbedTarget t = probe.probe(root).orElseThrow();
        assertEquals("windows", t.platform().osFamily());
        assertEquals(root.getFileName().toString(), t.platform().hostname());
        assertEquals(List.of("/Windows/System32/config/SYSTEM: \\Select\\Current is missing or not a control set"
                + " number; CurrentControlSet cannot be resolved"), t.problems());
    }

    @Test
    void aServerIsToldByInstallationTypeAndBuild() throws Exception {
        Path cfg = Images.client(root, "Windows", "System32", "config");
        Images.software("Windows Server 2022 Datacenter", "20348", 2849, "Server", "ServerDatacenter")
                .write(cfg.resolve("SOFTWARE"));
        PlatformFacts f = probe.probe(root).orElseThrow().platform();
        assertEquals("server-2022", f.osVersion());
        assertEquals("Windows Server 2022 Datacenter 23H2 (build 20348.2849)", f.osName());
    }

    @Test
    void runtimeStateIsUnavailableOffline() throws Exception {
        Images.client(root, "Windows", "System32", "config");
        OfflineTarget t = OfflineTarget.open(new ImageFiles(root));
        assertEquals(FactState.UNAVAILABLE, t.runtime().serviceRunning("WinDefend").state());
        assertEquals(RuntimeView.OFFLINE, t.runtime().bitLockerProtection("C:").reason());
        assertEquals(RuntimeView.OFFLINE, t.runtime().defender("IsTamperProtected").reason());
    }

    @Test
    void aSystemHiveMergedByHivexFromRegTextReadsTheSame() throws Exception {
        Hivex.assumeTool("hivexregedit");
        Path cfg = Images.client(root, "Windows", "System32", "config");
        Path reg = Files.writeString(root.resolve("system.reg"), Images.resource("system-compliant.reg"));
        Path system = cfg.resolve("SYSTEM");
        Files.write(system, HiveBuilder.empty());
        Hivex.merge(system, "HKEY_LOCAL_MACHINE\\SYSTEM", reg);
        OfflineTarget t = OfflineTarget.open(new ImageFiles(root));
        RegPath lsa = RegPath.of(Hkey.SYSTEM, "CurrentControlSet\\Control\\Lsa");
        assertEquals(OptionalLong.of(5), t.registry().value(lsa, "LmCompatibilityLevel").orElseThrow().number());
        assertEquals(OptionalLong.of(1), t.registry().value(lsa, "RunAsPPL").orElseThrow().number());
        assertEquals("WS-REG", probe.probe(root).orElseThrow().platform().hostname());
    }
}
