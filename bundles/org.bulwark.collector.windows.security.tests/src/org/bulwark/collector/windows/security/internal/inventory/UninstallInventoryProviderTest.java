package org.bulwark.collector.windows.security.internal.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.bulwark.collector.api.inventory.SoftwareInventory;
import org.bulwark.collector.api.inventory.SoftwareItem;
import org.bulwark.collector.tck.TestContext;
import org.bulwark.testing.Services;
import org.bulwark.windows.api.WindowsTargets;
import org.bulwark.windows.testing.HiveBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Uninstall-key inventory on hives written by {@link HiveBuilder}, with the exact items expected. */
class UninstallInventoryProviderTest {

    private static final String U = "Microsoft\\Windows\\CurrentVersion\\Uninstall\\";

    @TempDir
    Path root;

    private SoftwareInventory inventory() throws Exception {
        return new UninstallInventoryProvider(Services.await(WindowsTargets.class))
                .inventory(TestContext.of(root, Duration.ofSeconds(30)));
    }

    private void write(HiveBuilder software) throws Exception {
        Path cfg = Files.createDirectories(root.resolve("Windows/System32/config"));
        software.write(cfg.resolve("SOFTWARE"));
        new HiveBuilder().key("Select").dword("Current", 1).key("ControlSet001\\Control").write(cfg.resolve("SYSTEM"));
    }

    @Test
    void listsProgramsOfBothViewsAndSkipsComponentsUpdatesAndNamelessEntries() throws Exception {
        HiveBuilder software = new HiveBuilder();
        software.key(U + "{AC76BA86-7AD7-1033-7B44-AC0F074E4100}").sz("DisplayName", "Adobe Acrobat Reader")
                .sz("DisplayVersion", "24.002.20933").sz("Publisher", "Adobe").sz("InstallDate", "20240611");
        software.key(U + "Git_is1").sz("DisplayName", "Git").sz("DisplayVersion", "2.45.2").sz("Publisher",
                "The Git Development Community");
        software.key(U + "KB5034441").sz("DisplayName", "Security Update").sz("ParentKeyName", "OperatingSystem");
        software.key(U + "Connection Manager").sz("DisplayName", "Connection Manager").dword("SystemComponent", 1);
        software.key(U + "NoName").sz("DisplayVersion", "1.0");
        software.key("WOW6432Node\\" + U + "7-Zip").sz("DisplayName", "7-Zip 23.01").sz("DisplayVersion", "23.01")
                .sz("Publisher", "Igor Pavlov");
        write(software);

        SoftwareInventory inv = inventory();

        assertEquals(SoftwareInventory.State.READ, inv.state());
        // in the hive's order: a subkey list is sorted by upper-cased name ('G' < '{')
        assertEquals(List.of(
                new SoftwareItem("Git", "x64", "2.45.2", "Git", "2.45.2", "installed",
                        "The Git Development Community", "windows.uninstall"),
                new SoftwareItem("Adobe Acrobat Reader", "x64", "24.002.20933", "Adobe Acrobat Reader", "24.002.20933",
                        "installed", "Adobe", "windows.uninstall"),
                new SoftwareItem("7-Zip 23.01", "x86", "23.01", "7-Zip 23.01", "23.01", "installed", "Igor Pavlov",
                        "windows.uninstall")), inv.items());
        assertEquals(List.of(), inv.problems());
    }

    @Test
    void aTargetThatIsNotWindowsIsUnavailable() throws Exception {
        Files.createDirectories(root.resolve("etc"));
        SoftwareInventory inv = inventory();
        assertEquals(SoftwareInventory.State.UNAVAILABLE, inv.state());
        assertEquals("no Windows registry (Windows/System32/config/SOFTWARE): not a Windows system", inv.reason());
    }

    @Test
    void aCorruptSoftwareHiveIsUnreadableNamingTheHive() throws Exception {
        Path cfg = Files.createDirectories(root.resolve("Windows/System32/config"));
        Files.write(cfg.resolve("SOFTWARE"), new byte[] {'r', 'e', 'g', 'f', 0, 0, 0});
        SoftwareInventory inv = inventory();
        assertEquals(SoftwareInventory.State.UNREADABLE, inv.state());
        assertEquals("/Windows/System32/config/SOFTWARE:  at offset 0x7: truncated: 7 bytes, shorter than the"
                + " 4096-byte base block", inv.reason());
    }
}
