package org.bulwark.collector.windows.security.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.Observation;
import org.bulwark.collector.tck.TestContext;
import org.bulwark.testing.Services;
import org.bulwark.windows.api.WindowsTargets;
import org.bulwark.windows.settings.SettingResolver;
import org.bulwark.windows.testing.HiveBuilder;
import org.bulwark.windows.testing.PolWriter;

/** A Windows system volume written below a directory, with real hive files, and the collectors run on it. */
final class Image {

    static final String ENROLLMENT = "9A3D8E44-1B2C-4D5E-8F60-718293A4B5C6";
    static final String CONFIG = "Windows/System32/config/";
    static final String POL = "/Windows/System32/GroupPolicy/Machine/Registry.pol";

    final Path root;
    final HiveBuilder software = new HiveBuilder();
    final HiveBuilder system = new HiveBuilder();
    PolWriter pol;
    boolean withSystem = true;

    Image(Path root) {
        this.root = root;
        software.key("Microsoft\\Windows NT\\CurrentVersion").sz("ProductName", "Windows 10 Enterprise")
                .sz("CurrentBuild", "26100").dword("UBR", 2605).sz("DisplayVersion", "24H2")
                .sz("InstallationType", "Client").sz("EditionID", "Enterprise");
        system.key("Select").dword("Current", 1).key("ControlSet001\\Control\\Lsa");
    }

    /** A value set through MDM: PolicyManager's current value and its winning enrollment. */
    Image mdm(String area, String policy, int value) {
        software.key("Microsoft\\PolicyManager\\current\\device\\" + area).dword(policy, value)
                .sz(policy + "_WinningProvider", ENROLLMENT);
        return this;
    }

    Image mdmWinsOverGp(int value) {
        software.key("Microsoft\\PolicyManager\\current\\device\\ControlPolicyConflict").dword("MDMWinsOverGP", value);
        return this;
    }

    /** A Group Policy value below SOFTWARE\Policies, also written to the local GPO's Registry.pol when {@code pol}. */
    Image gpo(String path, String value, int data, boolean inPol) {
        software.key("Policies\\" + path).dword(value, data);
        if (inPol) {
            if (pol == null) {
                pol = new PolWriter();
            }
            pol.dword("Software\\Policies\\" + path, value, data);
        }
        return this;
    }

    Image system(String path, String value, int data) {
        system.key("ControlSet001\\" + path).dword(value, data);
        return this;
    }

    Image noSystemHive() {
        withSystem = false;
        return this;
    }

    Path write() {
        try {
            Path cfg = Files.createDirectories(root.resolve(CONFIG));
            software.write(cfg.resolve("SOFTWARE"));
            if (withSystem) {
                system.write(cfg.resolve("SYSTEM"));
            }
            new HiveBuilder().key("Policy").write(cfg.resolve("SECURITY"));
            new HiveBuilder().key("SAM\\Domains\\Account").write(cfg.resolve("SAM"));
            if (pol != null) {
                Path file = root.resolve(POL.substring(1));
                Files.createDirectories(file.getParent());
                pol.write(file);
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the image and runs {@code collector} on it (as a mounted image, not live). */
    Map<String, Observation> collect(Collector collector) throws Exception {
        write();
        List<Observation> list = collector.collect(TestContext.of(root, Duration.ofSeconds(30)));
        Map<String, Observation> out = new LinkedHashMap<>();
        for (Observation o : list) {
            if (out.put(o.key(), o) != null) {
                throw new AssertionError("key reported twice: " + o.key());
            }
        }
        if (!out.keySet().equals(collector.provides())) {
            throw new AssertionError("reported " + out.keySet() + " but provides " + collector.provides());
        }
        return out;
    }

    static SettingResolver resolver() {
        return Services.await(SettingResolver.class);
    }

    static WindowsTargets targets() {
        return Services.await(WindowsTargets.class);
    }
}
