package org.bulwark.example.docker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.bulwark.collector.api.Observation;
import org.bulwark.collector.tck.TestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the collector reports for typical daemon.json files, value and source of each key. */
class DockerDaemonCollectorTest {

    @TempDir
    Path root;

    private final DockerDaemonCollector collector = new DockerDaemonCollector();

    private Map<String, String> collect() {
        Map<String, String> out = new TreeMap<>();
        for (Observation o : collector.collect(TestContext.of(root, Duration.ofSeconds(5)))) {
            out.put(o.key(), o.state() + " " + (o.value() == null ? "" : o.value() + " ")
                    + (o.source() == null ? "" : o.source()) + (o.reason() == null ? "" : " - " + o.reason()));
        }
        return out;
    }

    private void daemonJson(String json) throws IOException {
        Files.createDirectories(root.resolve("usr/bin"));
        Files.writeString(root.resolve("usr/bin/dockerd"), "");
        Files.createDirectories(root.resolve("etc/docker"));
        Files.writeString(root.resolve("etc/docker/daemon.json"), json);
    }

    @Test
    void notInstalledAndNotConfiguredGivesDockerdsDefaults() {
        assertEquals(Map.of(
                "docker.daemon.installed", "PRESENT false /usr/bin/dockerd (no dockerd)",
                "docker.daemon.icc", "PRESENT true built-in default (dockerd)",
                "docker.daemon.no-new-privileges", "PRESENT false built-in default (dockerd)",
                "docker.daemon.live-restore", "PRESENT false built-in default (dockerd)",
                "docker.daemon.userns-remap", "ABSENT /etc/docker/daemon.json - userns-remap is not set",
                "docker.daemon.insecure-tcp", "PRESENT false derived (\"hosts\" has a tcp:// socket: false; \"tlsverify\": false)"),
                collect());
    }

    @Test
    void hardenedDaemon() throws IOException {
        daemonJson("""
                {"icc": false, "no-new-privileges": true, "live-restore": true, "userns-remap": "default",
                 "hosts": ["unix:///var/run/docker.sock", "tcp://0.0.0.0:2376"], "tlsverify": true}
                """);
        assertEquals(Map.of(
                "docker.daemon.installed", "PRESENT true /usr/bin/dockerd (dockerd is installed)",
                "docker.daemon.icc", "PRESENT false /etc/docker/daemon.json (\"icc\")",
                "docker.daemon.no-new-privileges", "PRESENT true /etc/docker/daemon.json (\"no-new-privileges\")",
                "docker.daemon.live-restore", "PRESENT true /etc/docker/daemon.json (\"live-restore\")",
                "docker.daemon.userns-remap", "PRESENT default /etc/docker/daemon.json (\"userns-remap\")",
                "docker.daemon.insecure-tcp", "PRESENT false derived (\"hosts\" has a tcp:// socket: true; \"tlsverify\": true)"),
                collect());
    }

    @Test
    void tcpSocketWithoutTlsVerification() throws IOException {
        daemonJson("{\"hosts\": [\"tcp://0.0.0.0:2375\"]}");
        assertEquals("PRESENT true derived (\"hosts\" has a tcp:// socket: true; \"tlsverify\": false)",
                collect().get("docker.daemon.insecure-tcp"));
    }

    @Test
    void malformedFileMakesEveryDaemonKeyUnparseableWithTheLine() throws IOException {
        daemonJson("{\n  \"icc\": false,\n  \"live-restore\" true\n}\n");
        Map<String, String> facts = collect();
        assertEquals("PRESENT true /usr/bin/dockerd (dockerd is installed)", facts.get("docker.daemon.installed"));
        for (String key : new String[] { "docker.daemon.icc", "docker.daemon.no-new-privileges",
                "docker.daemon.live-restore", "docker.daemon.userns-remap", "docker.daemon.insecure-tcp" }) {
            assertEquals("UNPARSEABLE /etc/docker/daemon.json:3 - Unexpected character ('t' (code 116)): was expecting"
                    + " a colon to separate field name and value", facts.get(key), key);
        }
    }
}
