package org.bulwark.benchmark.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.bulwark.benchmark.api.Benchmark;
import org.bulwark.benchmark.api.BenchmarkRegistry;
import org.bulwark.benchmark.api.Control;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Collector;
import org.bulwark.scoring.api.AssessedControl;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.CollectorRun;
import org.bulwark.scoring.api.ResultState;
import org.bulwark.windows.settings.Origin;
import org.bulwark.windows.settings.Setting;
import org.bulwark.windows.testing.HiveBuilder;
import org.bulwark.windows.testing.PolicyBlobs;
import org.bulwark.windows.testing.WindowsImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The built-in Windows baseline, loaded by the real content reader from this bundle's manifest header, assessed by
 * the product's assessment service with the Windows collectors running as DS services on images with real hives.
 */
class WindowsBaselineTest {

    /** Controls that read facts only a running system has; NOT_CHECKED on an image. */
    static final Set<String> RUNTIME = Set.of("bulwark.windows.defender.realtime-running",
            "bulwark.windows.defender.tamper-running", "bulwark.windows.bitlocker.system-drive");

    static Runtime runtime;
    static Benchmark baseline;

    @BeforeAll
    static void start() throws Exception {
        runtime = Runtime.start();
        baseline = runtime.baseline();
    }

    @Test
    void manifestNamesTheContentFile() {
        Bundle host = FrameworkUtil.getBundle(WindowsBaselineTest.class);
        assertEquals("benchmark/windows-baseline.json", host.getHeaders("").get(BenchmarkRegistry.HEADER));
        assertNotNull(host.getEntry("benchmark/windows-baseline.json"));
    }

    @Test
    void contentLoadsWithoutProblemsWithAtLeastFifteenControlsPerCategory() {
        assertEquals(List.of(), runtime.registry.problems().stream()
                .filter(p -> p.origin() != null && p.origin().startsWith("org.bulwark.benchmark.windows/")).toList());
        assertEquals("2026.12", baseline.version());
        Map<Category, Integer> perCategory = new EnumMap<>(Category.class);
        for (Control c : baseline.controls()) {
            perCategory.merge(c.category(), 1, Integer::sum);
            assertTrue(c.id().startsWith("bulwark.windows."), c.id());
            assertFalse(c.rationale().isBlank(), c.id());
            assertTrue(c.remediation().text().startsWith("Group Policy: "), c.id());
            assertTrue(c.keys().stream().allMatch(k -> k.startsWith("windows.")), c.id());
        }
        assertEquals(Map.of(Category.OPERATING_SYSTEM, 58, Category.NETWORK, 47, Category.SECURITY_CONTROLS, 40,
                Category.ACCOUNTS, 40, Category.APPLICATION, 23), perCategory);
        assertEquals(208, baseline.controls().size());
        assertTrue(baseline.controls().size() >= 120);
        assertTrue(perCategory.values().stream().allMatch(n -> n >= 15), perCategory.toString());
    }

    @Test
    void everyKeyAControlReadsIsProvidedByExactlyOneWindowsCollector() {
        assertEquals(Runtime.COLLECTORS, runtime.collectors.size());
        Map<String, String> owner = new HashMap<>();
        for (Collector c : runtime.collectors) {
            for (String key : c.provides()) {
                String other = owner.put(key, c.id());
                assertEquals(null, other, key + " is provided by " + other + " and " + c.id());
            }
        }
        Set<String> missing = new TreeSet<>();
        for (Control c : baseline.controls()) {
            for (String key : c.keys()) {
                if (!owner.containsKey(key)) {
                    missing.add(c.id() + " reads " + key);
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    private static Map<String, ResultState> evaluate(Path root) throws Exception {
        Assessment a = runtime.assess(root);
        assertFalse(a.live());
        assertEquals("windows", a.platform().osFamily());
        Map<CollectorRun.Outcome, Integer> outcomes = new EnumMap<>(CollectorRun.Outcome.class);
        a.collectors().stream().filter(r -> r.collectorId().startsWith("windows."))
                .forEach(r -> outcomes.merge(r.outcome(), 1, Integer::sum));
        assertEquals(Map.of(CollectorRun.Outcome.OK, Runtime.COLLECTORS), outcomes, a.collectors().toString());
        Map<String, ResultState> results = new TreeMap<>();
        for (AssessedControl c : a.controls()) {
            results.put(c.control().id(), c.result().state());
        }
        assertEquals(baseline.controls().size(), results.size());
        return results;
    }

    @Test
    void everyControlPassesOnACompliantGroupPolicyImageButTheRuntimeOnes(@TempDir Path dir) throws Exception {
        List<Setting> settings = runtime.settings();
        Images.compliant(dir, baseline, settings, Origin.GPO, true);
        Map<String, ResultState> expected = new TreeMap<>();
        baseline.controls().forEach(c -> expected.put(c.id(), RUNTIME.contains(c.id()) ? ResultState.NOT_CHECKED
                : ResultState.PASS));
        assertEquals(expected, evaluate(dir));
    }

    @Test
    void anIntuneOnlyImagePassesEveryControlWhoseSettingsMdmSets(@TempDir Path dir) throws Exception {
        List<Setting> settings = runtime.settings();
        Images.compliant(dir, baseline, settings, Origin.MDM, true);
        Set<String> mdmKeys = new TreeSet<>();
        settings.stream().filter(s -> s.source(Origin.MDM) != null).forEach(s -> mdmKeys.add(s.key()));
        Map<String, ResultState> results = evaluate(dir);
        Map<String, ResultState> mdmControls = new TreeMap<>();
        for (Control c : baseline.controls()) {
            if (mdmKeys.containsAll(c.keys())) {
                mdmControls.put(c.id(), results.get(c.id()));
            }
        }
        assertEquals(40, mdmControls.size());
        assertEquals(Set.of(ResultState.PASS), Set.copyOf(mdmControls.values()), mdmControls.toString());
    }

    @Test
    void aBareImageFailsWhatNoDefaultMakesCompliantAndErrsWhereTheSecurityPolicyIsMissing(@TempDir Path dir)
            throws Exception {
        Images.bare(dir, "26100", "Client");
        Map<String, ResultState> results = evaluate(dir);
        Map<ResultState, Integer> states = new EnumMap<>(ResultState.class);
        results.values().forEach(s -> states.merge(s, 1, Integer::sum));
        assertEquals(Map.of(ResultState.PASS, 38, ResultState.FAIL, 115, ResultState.ERROR, 52, ResultState.NOT_CHECKED, 3),
                states);
        // what passes is what Windows' documented defaults make compliant, and the release
        Set<String> passes = new TreeSet<>();
        results.forEach((id, state) -> {
            if (state == ResultState.PASS) {
                passes.add(id.substring("bulwark.windows.".length()));
            }
        });
        assertEquals(new TreeSet<>(Set.of(
                "accounts.blank-passwords-console-only", "accounts.no-auto-logon", "accounts.wdigest-off",
                "app.no-elevated-msi", "app.no-msi-user-control", "defender.archive-scan", "defender.av-enabled",
                "defender.behavior", "defender.ioav", "defender.on-access", "defender.realtime",
                "defender.script-scan", "firewall.domain.default-inbound", "firewall.domain.enabled",
                "firewall.private.default-inbound", "firewall.private.enabled", "firewall.public.default-inbound",
                "firewall.public.enabled", "net.everyone-not-anonymous", "net.ldap-signing",
                "net.no-anonymous-sam", "net.no-lm-hash", "net.restrict-null-sessions", "net.smb-idle-disconnect",
                "net.smb-no-plaintext", "os.automatic-updates", "os.early-launch-drivers", "os.explorer-dep",
                "os.explorer-heap-termination", "os.object-protection-mode", "os.safe-dll-search",
                "os.shell-protocol-protected", "os.supported-release", "os.uac-on", "os.uac-remote-restrictions",
                "os.uac-secure-desktop", "os.uac-secure-uiaccess", "os.uac-virtualization")), passes);
    }

    /** The built-in account and user-rights controls, by id without {@code bulwark.windows.}. */
    static final List<String> ACCOUNT_RIGHTS = List.of("accounts.guest-enabled", "accounts.admin-enabled",
            "accounts.admin-renamed", "accounts.guest-renamed", "rights.credman-no-one", "rights.network-logon",
            "rights.tcb-no-one", "rights.rdp-logon", "rights.backup", "rights.create-token-no-one", "rights.debug",
            "rights.deny-network", "rights.deny-batch", "rights.deny-local", "rights.deny-rdp", "rights.load-driver",
            "rights.take-ownership");

    private static Map<String, ResultState> accountRights(Map<String, ResultState> results) {
        Map<String, ResultState> out = new TreeMap<>();
        ACCOUNT_RIGHTS.forEach(id -> out.put(id, results.get("bulwark.windows." + id)));
        return out;
    }

    @Test
    void builtInAccountsAndUserRightsOnCompliantBareAndWeakImages(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good");
        Images.compliant(good, baseline, runtime.settings(), Origin.GPO, true);
        Map<String, ResultState> expected = new TreeMap<>();
        ACCOUNT_RIGHTS.forEach(id -> expected.put(id, ResultState.PASS));
        assertEquals(expected, accountRights(evaluate(good)));

        Path bare = dir.resolve("bare");
        Images.bare(bare, "26100", "Client");
        ACCOUNT_RIGHTS.forEach(id -> expected.put(id, ResultState.ERROR));
        assertEquals(expected, accountRights(evaluate(bare)));

        // enabled Administrator and Guest under their default names (Guest in another case); weak rights and a
        // template granting SeDebugPrivilege to Users
        Path weak = dir.resolve("weak");
        Images.compliant(weak, baseline, runtime.settings(), Origin.GPO, true);
        Path cfg = weak.resolve("Windows/System32/config");
        new HiveBuilder().key("SAM\\Domains\\Account").binary("F", PolicyBlobs.domainF(14, 24, Duration.ofDays(365),
                Duration.ofDays(1), Duration.ofMinutes(15), Duration.ofMinutes(15), true, 5))
                .key("SAM\\Domains\\Account\\Users\\000001F4").binary("F", PolicyBlobs.userF(0x0010))
                .binary("V", PolicyBlobs.userV("Administrator"))
                .key("SAM\\Domains\\Account\\Users\\000001F5").binary("F", PolicyBlobs.userF(0x0010))
                .binary("V", PolicyBlobs.userV("GUEST")).write(cfg.resolve("SAM"));
        WindowsImages.weakRights(new HiveBuilder().key("Policy\\PolAdtEv")
                .binary("", PolicyBlobs.polAdtEv(PolicyBlobs.polAdtEvLayout(3)))).write(cfg.resolve("SECURITY"));
        Path templates = Files.createDirectories(weak.resolve("Windows/security/templates/policies"));
        Files.write(templates.resolve("gpt00009.inf"), WindowsImages.debugToUsersTemplate());
        ACCOUNT_RIGHTS.forEach(id -> expected.put(id, ResultState.FAIL));
        for (String pass : List.of("rights.credman-no-one", "rights.tcb-no-one", "rights.rdp-logon", "rights.backup",
                "rights.create-token-no-one", "rights.load-driver", "rights.take-ownership")) {
            expected.put(pass, ResultState.PASS);
        }
        assertEquals(expected, accountRights(evaluate(weak)));
    }

    @Test
    void aMissingHiveIsAnErrorNotAPass(@TempDir Path dir) throws Exception {
        List<Setting> settings = runtime.settings();
        Images.compliant(dir, baseline, settings, Origin.GPO, true);
        Files.delete(dir.resolve("Windows/System32/config/SYSTEM"));
        Map<String, ResultState> results = evaluate(dir);
        assertEquals(ResultState.ERROR, results.get("bulwark.windows.net.smb1-server-off"));
        assertEquals(ResultState.ERROR, results.get("bulwark.windows.accounts.wdigest-off"));
        assertEquals(ResultState.PASS, results.get("bulwark.windows.net.llmnr-off"));
    }

    @Test
    void clientOnlyControlsDoNotApplyToAServer(@TempDir Path dir) throws Exception {
        Images.bare(dir, "20348", "Server");
        Map<String, ResultState> results = evaluate(dir);
        assertEquals(ResultState.PASS, results.get("bulwark.windows.os.supported-release"));
        assertEquals(ResultState.NOT_APPLICABLE, results.get("bulwark.windows.app.no-consumer-features"));
        assertEquals(ResultState.NOT_APPLICABLE, results.get("bulwark.windows.app.no-widgets"));
    }
}
