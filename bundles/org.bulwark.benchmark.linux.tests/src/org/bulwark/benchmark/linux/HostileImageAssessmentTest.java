package org.bulwark.benchmark.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.bulwark.collector.api.ObservationState;
import org.bulwark.report.api.ReportFormat;
import org.bulwark.report.api.ReportWriter;
import org.bulwark.scoring.api.AssessedControl;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.CollectorRun;
import org.bulwark.scoring.api.Evidence;
import org.bulwark.scoring.api.ResultState;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A mounted image is hostile input: the hardened fixture system, with its identity and configuration files
 * replaced by every trick an image can play on the assessing machine, assessed by the product's assessment
 * service with every Linux collector. Each trick ends in an ERROR naming the file and the reason, and nothing of
 * the "host" (files beside the image standing for the assessing machine's, and this process's environment)
 * appears anywhere in the full JSON report. On the old code: the sshd collector hung on the FIFO until the
 * deadline (TIMED_OUT), the 41-link chain read the host's login.defs marker into the evidence, the loop made the
 * AIDE database "not initialised" (FAIL), the socket failed with the host's path, and the platform probe read
 * the host's os-release marker as the device's OS and the process environment as its machine id.
 */
class HostileImageAssessmentTest {

    static Runtime runtime;
    static ReportWriter reports;

    @BeforeAll
    static void start() throws Exception {
        runtime = Runtime.start();
        ServiceTracker<ReportWriter, ReportWriter> tracker = new ServiceTracker<>(runtime.context, ReportWriter.class,
                null);
        tracker.open();
        reports = tracker.waitForService(TimeUnit.SECONDS.toMillis(20));
    }

    private static void replace(Path image, String path, String linkTarget) throws IOException {
        Path file = image.resolve(path.substring(1));
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Files.createSymbolicLink(file, Path.of(linkTarget));
    }

    private static Map<String, Evidence> evidence(Assessment a) {
        Map<String, Evidence> byKey = new java.util.TreeMap<>();
        for (AssessedControl c : a.controls()) {
            c.result().evidence().forEach(e -> byKey.putIfAbsent(e.key(), e));
        }
        return byKey;
    }

    private static AssessedControl control(Assessment a, String id) {
        return a.controls().stream().filter(c -> c.control().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void eachTrickIsAnErrorAndNothingOfTheHostIsRead(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Integer.valueOf(0).equals(Files.getAttribute(dir, "unix:uid")),
                "the fixtures' files must belong to root");
        Path image = Fixtures.hardened(Files.createDirectory(dir.resolve("image")));
        Path host = Files.createDirectory(dir.resolve("host"));
        Path hostLoginDefs = Files.writeString(host.resolve("login.defs"), "PASS_MAX_DAYS 4242421\n");
        Path hostOsRelease = Files.writeString(host.resolve("os-release"), "PRETTY_NAME=\"host-marker-os-7f3a\"\n");

        replace(image, "/etc/shadow", "/etc/shadow");
        replace(image, "/etc/login.defs", "/chain/1");
        for (int i = 1; i < 40; i++) {
            replace(image, "/chain/" + i, "/chain/" + (i + 1));
        }
        replace(image, "/chain/40", hostLoginDefs.toString());
        replace(image, "/var/lib/aide/aide.db", "aide.db.loop");
        replace(image, "/var/lib/aide/aide.db.loop", "/var/lib/aide/aide.db");
        replace(image, "/etc/machine-id", "/proc/self/environ");
        replace(image, "/etc/os-release", hostOsRelease.toString());
        Files.deleteIfExists(image.resolve("etc/hostname"));
        Files.createDirectory(image.resolve("etc/hostname"));
        Path sshdConfig = image.resolve("etc/ssh/sshd_config");
        Files.delete(sshdConfig);
        Process mkfifo = new ProcessBuilder("mkfifo", sshdConfig.toString()).inheritIO().start();
        Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");
        Path pwquality = image.resolve("etc/security/pwquality.conf");
        Files.delete(pwquality);

        Assessment a;
        try (ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            socket.bind(UnixDomainSocketAddress.of(pwquality));
            a = runtime.assess(image, false);
        }

        Map<CollectorRun.Outcome, Integer> outcomes = new EnumMap<>(CollectorRun.Outcome.class);
        a.collectors().forEach(r -> outcomes.merge(r.outcome(), 1, Integer::sum));
        assertEquals(Map.of(CollectorRun.Outcome.OK, Runtime.COLLECTORS), outcomes, a.collectors().toString());

        Map<String, Evidence> evidence = evidence(a);
        String loop = "too many levels of symbolic links";
        assertEquals(ObservationState.UNREADABLE, evidence.get("linux.file./etc/shadow.mode").state());
        assertEquals(loop, evidence.get("linux.file./etc/shadow.mode").reason());
        assertEquals("/etc/login.defs: " + loop, evidence.get("linux.logindefs.pass_max_days").reason());
        assertEquals(ResultState.ERROR, control(a, "bulwark.linux.os.file.shadow").result().state());
        assertEquals("linux.file./etc/shadow.mode could not be read at derived /etc/shadow (file attributes): " + loop,
                control(a, "bulwark.linux.os.file.shadow").result().reason());
        assertEquals("linux.logindefs.pass_max_days could not be read at /etc/login.defs: /etc/login.defs: " + loop,
                control(a, "bulwark.linux.accounts.login-defs.max-days").result().reason());
        assertEquals("linux.aide.database could not be read at /var/lib/aide/aide.db: " + loop,
                control(a, "bulwark.linux.security.aide-initialised").result().reason());
        assertEquals("linux.sshd.permitrootlogin could not be read at /etc/ssh/sshd_config: /etc/ssh/sshd_config: is a"
                + " FIFO, expected a file", control(a, "bulwark.linux.net.sshd.root-login").result().reason());
        assertEquals("linux.pwquality.minlen could not be read at /etc/security/pwquality.conf:"
                + " /etc/security/pwquality.conf: is a socket, expected a file",
                control(a, "bulwark.linux.accounts.pwquality-minlen").result().reason());
        for (String id : List.of("bulwark.linux.os.file.shadow", "bulwark.linux.accounts.login-defs.max-days",
                "bulwark.linux.security.aide-initialised", "bulwark.linux.net.sshd.root-login",
                "bulwark.linux.accounts.pwquality-minlen")) {
            assertEquals(ResultState.ERROR, control(a, id).result().state(), id);
        }

        // identity: the hostname directory is named; the machine id and OS come from the image, which has neither
        assertEquals(List.of("/etc/hostname: is a directory, expected a file"), a.problems());
        assertEquals("image", a.device().hostname());
        assertEquals(UUID.nameUUIDFromBytes("bulwark:image:".getBytes(StandardCharsets.UTF_8)).toString()
                .replace("-", ""), a.device().id());
        assertEquals("unknown", a.platform().osName());

        ByteArrayOutputStream json = new ByteArrayOutputStream();
        reports.write(a, ReportFormat.JSON, json);
        String report = json.toString(StandardCharsets.UTF_8);
        assertFalse(report.contains("4242421"), "the host's login.defs");
        assertFalse(report.contains("host-marker-os-7f3a"), "the host's os-release");
        String environ = new String(Files.readAllBytes(Path.of("/proc/self/environ")), StandardCharsets.UTF_8);
        for (String variable : environ.split("\0")) {
            if (variable.length() > 12 && !variable.startsWith("PATH=") && !variable.startsWith("PWD=")) {
                assertFalse(report.contains(variable), "the process environment: " + variable);
            }
        }
    }
}
