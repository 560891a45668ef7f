package org.bulwark.windows.live.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bulwark.collector.tck.TestContext;
import org.bulwark.testing.Services;
import org.bulwark.windows.api.AccountSetting;
import org.bulwark.windows.api.SecurityPolicyView;
import org.bulwark.windows.api.WindowsTarget;
import org.bulwark.windows.api.WindowsTargets;
import org.bulwark.windows.testing.HiveBuilder;
import org.bulwark.windows.testing.PolicyBlobs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In OSGi on Linux, beside the real offline component: the live component is the {@link WindowsTargets} collectors
 * get, serves no live target here, and hands images to the offline component; and the live security policy over
 * Win32 results gives the values the offline one decodes from a SAM hive holding the same policy.
 */
class LiveWindowsTargetsOsgiTest {

    @TempDir
    Path dir;

    private static TestContext live() {
        return new TestContext(Path.of("/"), true, TestContext.DEBIAN, Instant.now().plusSeconds(30),
                new AtomicBoolean());
    }

    private Path image() throws Exception {
        Path cfg = Files.createDirectories(dir.resolve("Windows/System32/config"));
        new HiveBuilder().key("Microsoft\\Windows NT\\CurrentVersion").sz("CurrentBuild", "26100")
                .sz("InstallationType", "Client").write(cfg.resolve("SOFTWARE"));
        new HiveBuilder().key("Select").dword("Current", 1).key("ControlSet001\\Control").write(cfg.resolve("SYSTEM"));
        new HiveBuilder().key("SAM\\Domains\\Account").binary("F", PolicyBlobs.domainF(14, 24, Duration.ofDays(365),
                Duration.ofDays(1), Duration.ofMinutes(15), Duration.ofMinutes(30), true, 5))
                .write(cfg.resolve("SAM"));
        return dir;
    }

    @Test
    void onLinuxALiveContextHasNoTargetAndAnImageIsOpenedOffline() throws Exception {
        WindowsTargets targets = Services.await(WindowsTargets.class);
        assertEquals(LiveWindowsTargets.class, targets.getClass());
        assertEquals(Optional.empty(), targets.open(live()));
        WindowsTarget image = targets.open(TestContext.of(image(), Duration.ofSeconds(30))).orElseThrow();
        assertEquals(false, image.live());
        assertEquals(14, image.securityPolicy().account(AccountSetting.MinimumPasswordLength).value().getAsLong());
    }

    @Test
    void liveAndOfflinePolicyAgreeOnTheSameFacts() throws Exception {
        SecurityPolicyView offline = Services.await(WindowsTargets.class)
                .open(TestContext.of(image(), Duration.ofSeconds(30))).orElseThrow().securityPolicy();
        FakeWin32Calls calls = new FakeWin32Calls();
        calls.modals0 = new Win32Calls.Modals0(14, 365 * 86_400, 86_400, 0xFFFFFFFF, 24);
        calls.modals3 = new Win32Calls.Modals3(900, 1800, 5);
        SecurityPolicyView live = new LiveWindowsTargets(null, true, () -> calls).open(live()).orElseThrow()
                .securityPolicy();
        for (AccountSetting s : new AccountSetting[] { AccountSetting.MinimumPasswordLength,
                AccountSetting.PasswordHistorySize, AccountSetting.MaximumPasswordAge,
                AccountSetting.MinimumPasswordAge, AccountSetting.LockoutBadCount, AccountSetting.LockoutDuration,
                AccountSetting.ResetLockoutCount }) {
            assertEquals(offline.account(s).state(), live.account(s).state(), s.name());
            assertEquals(offline.account(s).value(), live.account(s).value(), s.name());
        }
        assertEquals(30, live.account(AccountSetting.ResetLockoutCount).value().getAsLong());
    }

    @Test
    void offLinuxNoWin32CallIsMadeForALiveContext() {
        AtomicBoolean asked = new AtomicBoolean();
        LiveWindowsTargets targets = new LiveWindowsTargets(null, false, () -> {
            asked.set(true);
            return new FakeWin32Calls();
        });
        assertEquals(Optional.empty(), targets.open(live()));
        assertTrue(!asked.get());
    }
}
