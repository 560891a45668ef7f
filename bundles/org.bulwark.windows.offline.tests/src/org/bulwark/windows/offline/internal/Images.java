package org.bulwark.windows.offline.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bulwark.windows.testing.HiveBuilder;

/** Writes scenario images: directory trees of a Windows system volume with real hive files. */
final class Images {

    static final String ALICE = "S-1-5-21-1111111111-2222222222-3333333333-1001";
    static final String GUID = "5B1C9F2E-7A4D-4E7B-9C11-0D2E3F405162";
    static final String ENROLLMENT = "9A3D8E44-1B2C-4D5E-8F60-718293A4B5C6";

    private Images() {
    }

    static HiveBuilder software(String productName, String build, int ubr, String installationType, String edition) {
        return new HiveBuilder()
                .key("Microsoft\\Windows NT\\CurrentVersion").sz("ProductName", productName)
                .sz("CurrentBuild", build).sz("CurrentBuildNumber", build).dword("UBR", ubr)
                .sz("DisplayVersion", "23H2").sz("InstallationType", installationType).sz("EditionID", edition)
                .key("Microsoft\\Cryptography").sz("MachineGuid", GUID.toLowerCase())
                .key("Microsoft\\Windows NT\\CurrentVersion\\ProfileList\\S-1-5-18")
                .expandSz("ProfileImagePath", "%systemroot%\\system32\\config\\systemprofile")
                .key("Microsoft\\Windows NT\\CurrentVersion\\ProfileList\\" + ALICE)
                .expandSz("ProfileImagePath", "C:\\Users\\alice");
    }

    static HiveBuilder system() {
        return new HiveBuilder().key("Select").dword("Current", 2)
                .key("ControlSet001\\Control\\Lsa").dword("RunAsPPL", 0)
                .key("ControlSet002\\Control\\Lsa").dword("RunAsPPL", 1)
                .key("ControlSet002\\Control\\ComputerName\\ComputerName").sz("ComputerName", "WS-ALICE");
    }

    /** A Windows 11 client with all four machine hives and alice's NTUSER.DAT, its directories named {@code dirs}. */
    static Path client(Path root, String windows, String system32, String config) throws IOException {
        Path cfg = Files.createDirectories(root.resolve(windows).resolve(system32).resolve(config));
        software("Windows 10 Pro", "22631", 4460, "Client", "Professional")
                .key("Microsoft\\PolicyManager\\current\\device\\Defender").dword("AllowRealtimeMonitoring", 1)
                .sz("AllowRealtimeMonitoring_WinningProvider", ENROLLMENT)
                .key("Microsoft\\Enrollments\\" + ENROLLMENT).sz("ProviderID", "MS DM Server")
                .write(cfg.resolve("SOFTWARE"));
        system().write(cfg.resolve("SYSTEM"));
        new HiveBuilder().key("Policy").write(cfg.resolve("SECURITY"));
        new HiveBuilder().key("SAM\\Domains\\Account").write(cfg.resolve("SAM"));
        Path home = Files.createDirectories(root.resolve("Users/alice"));
        new HiveBuilder().key("Software\\Policies\\Microsoft\\Office\\16.0\\Word\\Security")
                .dword("blockcontentexecutionfrominternet", 1).write(home.resolve("NTUSER.DAT"));
        return cfg;
    }

    static String resource(String name) throws IOException {
        try (InputStream in = Images.class.getResourceAsStream("/hives/" + name)) {
            if (in == null) {
                throw new IOException("no test resource hives/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
