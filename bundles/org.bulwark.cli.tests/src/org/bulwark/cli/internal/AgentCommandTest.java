package org.bulwark.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bulwark.server.api.FleetServer;
import org.bulwark.server.api.Role;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.AssessmentStoreFactory;
import org.bulwark.store.api.AssessmentSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bulwark agent --once} against a fleet server on a loopback port, with the server down in the middle: what
 * it could not upload waits in the spool and is sent on the next run, and every assessment is stored exactly once;
 * and {@code bulwark agent --watch}, which assesses again when a file the collectors read changes.
 */
class AgentCommandTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final CliRun bulwark = CliRun.plain();

    @Test
    void uploadsSpooledDuringAnOutageAreStoredOnceWhenTheServerIsBack() throws Exception {
        FleetServer server = bulwark.services().get(FleetServer.class);
        Path data = dir.resolve("server");
        Path spool = dir.resolve("spool");
        Path root = Files.createDirectories(dir.resolve("root/etc"));
        Files.writeString(root.resolve("machine-id"), "agent-machine\n");
        Files.writeString(root.resolve("hostname"), "agent-host\n");
        String token;
        int port;
        try (AssessmentStore store = open(data);
                FleetServer.Running running = server.start(store, settings(data, 0))) {
            token = server.createToken(data, "agent", Role.AGENT, Set.of("*"));
            port = running.port();
            Path tokenFile = Files.writeString(dir.resolve("token"), token + "\n");
            assertEquals(ExitCodes.OK, agent(port, tokenFile, spool), bulwark.err());
            assertTrue(bulwark.err().matches("(?s).*bulwark: agent: assessed agent-host \\(\\d+ controls, score "
                    + "[0-9.]+(, incomplete)?\\) in \\d+ ms; uploaded 1, 0 in the spool\\s*"), bulwark.err());
            assertEquals(1, store.history(null, null).size());
        }
        // the server is down: two runs spool their uploads
        Path tokenFile = dir.resolve("token");
        assertEquals(ExitCodes.IO, agent(port, tokenFile, spool));
        assertTrue(bulwark.err().contains("uploaded 0, 1 in the spool"), bulwark.err());
        assertEquals(ExitCodes.IO, agent(port, tokenFile, spool));
        assertTrue(bulwark.err().contains("uploaded 0, 2 in the spool"), bulwark.err());
        try (var files = Files.list(spool)) {
            assertEquals(2, files.count());
        }
        // back (on the same port, with its data): the spool first, then this run's upload
        try (AssessmentStore store = open(data);
                FleetServer.Running running = server.start(store, settings(data, port))) {
            assertEquals(ExitCodes.OK, agent(port, tokenFile, spool), bulwark.err());
            assertTrue(bulwark.err().contains("uploaded 3, 0 in the spool"), bulwark.err());
            List<AssessmentSummary> history = store.history(null, null);
            assertEquals(4, history.size(), "every assessment stored exactly once");
            Set<Long> ids = new HashSet<>();
            history.forEach(a -> ids.add(a.id()));
            assertEquals(4, ids.size());
            assertEquals(Set.of("agent-machine"), Set.copyOf(history.stream().map(a -> a.device().id()).toList()));
        }
        try (var files = Files.list(spool)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void withWatchAChangedDropInIsAssessedAndUploadedOnceTheChangesSettle() throws Exception {
        FleetServer server = bulwark.services().get(FleetServer.class);
        Path data = dir.resolve("server");
        Path etc = Files.createDirectories(dir.resolve("root/etc"));
        Files.writeString(etc.resolve("machine-id"), "watched-machine\n");
        Files.writeString(etc.resolve("hostname"), "watched-host\n");
        Path ssh = Files.createDirectories(etc.resolve("ssh/sshd_config.d"));
        Files.writeString(etc.resolve("ssh/sshd_config"), "Include /etc/ssh/sshd_config.d/*.conf\nPermitRootLogin no\n");
        // a drop-in that sets what a control reads: its evidence names the file
        Path dropIn = Files.writeString(ssh.resolve("10-local.conf"), "X11Forwarding no\n");
        try (AssessmentStore store = open(data);
                FleetServer.Running running = server.start(store, settings(data, 0))) {
            Path tokenFile = Files.writeString(dir.resolve("token"), server.createToken(data, "agent", Role.AGENT,
                    Set.of("*")) + "\n");
            int[] code = { -1 };
            Thread agent = new Thread(() -> code[0] = bulwark.run("agent", "--server", "http://127.0.0.1:"
                    + running.port(), "--token-file", tokenFile.toString(), "--spool", dir.resolve("spool").toString(),
                    "--root", dir.resolve("root").toString(), "--data", dir.resolve("agent-data").toString(),
                    "--watch", "--debounce", "1s", "--interval", "1h", "--jitter", "0s"), "agent");
            agent.start();
            try {
                awaitStored(store, 1);
                Thread.sleep(1000); // watching now
                // a file in a watched directory that no collector read: no assessment
                Files.writeString(etc.resolve("unrelated.txt"), "x\n");
                Thread.sleep(3000);
                assertEquals(1, store.history(null, null).size(), bulwark.err());
                // the drop-in changes twice within the debounce window: one assessment
                Files.writeString(dropIn, "X11Forwarding yes\n");
                Thread.sleep(300);
                Files.writeString(dropIn, "X11Forwarding yes\nMaxAuthTries 3\n");
                awaitStored(store, 2);
                Thread.sleep(3000);
                assertEquals(2, store.history(null, null).size(), "the two writes cost one assessment: "
                        + bulwark.err());
            } finally {
                agent.interrupt();
                agent.join(60_000);
            }
            assertEquals(ExitCodes.OK, code[0], bulwark.err());
            assertTrue(bulwark.err().contains(dropIn.toRealPath() + " changed ("), bulwark.err());
        }
    }

    private static void awaitStored(AssessmentStore store, int count) throws Exception {
        long end = System.nanoTime() + 90_000_000_000L;
        while (store.history(null, null).size() < count) {
            assertTrue(System.nanoTime() < end, "no assessment " + count + " was stored");
            Thread.sleep(100);
        }
    }

    @Test
    void badArgumentsAreUsageErrors() throws Exception {
        Path tokenFile = Files.writeString(dir.resolve("token"), "bwk_x\n");
        assertEquals(ExitCodes.USAGE, bulwark.run("agent", "--server", "ftp://x", "--token-file", tokenFile.toString(),
                "--once"));
        assertTrue(bulwark.err().contains("--server needs an http:// or https:// URL, not ftp://x"), bulwark.err());
        assertEquals(ExitCodes.USAGE, bulwark.run("agent", "--server", "http://127.0.0.1:1", "--token-file",
                tokenFile.toString(), "--interval", "soon"));
        assertTrue(bulwark.err().contains("--interval: 'soon' is not a duration such as 90s, 30m, 4h or 1d"),
                bulwark.err());
        assertEquals(ExitCodes.USAGE, bulwark.run("agent", "--server", "http://127.0.0.1:1", "--token-file",
                dir.resolve("missing").toString(), "--once"));
        assertTrue(bulwark.err().contains("cannot read the token file " + dir.resolve("missing") + ": no such file"),
                bulwark.err());
    }

    private int agent(int port, Path tokenFile, Path spool) {
        return bulwark.run("agent", "--server", "http://127.0.0.1:" + port, "--token-file", tokenFile.toString(),
                "--once", "--spool", spool.toString(), "--root", dir.resolve("root").toString(), "--data",
                dir.resolve("agent-data").toString());
    }

    private AssessmentStore open(Path data) throws Exception {
        return bulwark.services().get(AssessmentStoreFactory.class).open("jdbc:h2:file:" + data.resolve("store"));
    }

    private static FleetServer.Settings settings(Path data, int port) {
        return new FleetServer.Settings("127.0.0.1", port, data, FleetServer.DEFAULT_MAX_UPLOAD_BYTES, 2);
    }
}
