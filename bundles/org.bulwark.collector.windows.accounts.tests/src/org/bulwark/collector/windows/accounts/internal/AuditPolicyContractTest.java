package org.bulwark.collector.windows.accounts.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.bulwark.collector.tck.CollectorContract;
import org.bulwark.windows.testing.HiveBuilder;
import org.bulwark.windows.testing.PolicyBlobs;

/** The collector TCK for windows.audit-policy on an image with an account and an audit policy. */
class AuditPolicyContractTest extends CollectorContract {
    @Override
    protected String collectorId() {
        return "windows.audit-policy";
    }

    @Override
    protected void prepareRoot(Path root) throws IOException {
        Path cfg = Files.createDirectories(root.resolve("Windows/System32/config"));
        new HiveBuilder().key("Microsoft\\Windows NT\\CurrentVersion").sz("CurrentBuild", "22631").write(cfg.resolve("SOFTWARE"));
        new HiveBuilder().key("Select").dword("Current", 1).key("ControlSet001\\Control\\Lsa").write(cfg.resolve("SYSTEM"));
        new HiveBuilder().key("SAM\\Domains\\Account").binary("F", PolicyBlobs.domainF(14, 24, Duration.ofDays(60),
                Duration.ofDays(1), Duration.ofMinutes(15), Duration.ofMinutes(15), true, 5)).write(cfg.resolve("SAM"));
        new HiveBuilder().key("Policy\\PolAdtEv").binary("", PolicyBlobs.polAdtEv(PolicyBlobs.polAdtEvLayout(3)))
                .write(cfg.resolve("SECURITY"));
    }
}
