package org.bulwark.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bulwark.server.api.FleetServer;
import org.bulwark.server.api.Role;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.AssessmentStoreFactory;
import org.bulwark.testing.Await;
import org.bulwark.testing.JdkTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code bulwark token create|list|revoke}, {@code bulwark serve} with TLS and {@code bulwark assess --upload}
 * against a fleet server started in the test runtime on an ephemeral loopback port, assessing the build machine
 * with the built-in collectors and content.
 */
class ServerCommandsTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final CliRun bulwark = CliRun.plain();


    @Test
    void tokensArePrintedOnceAndStoredHashed() throws Exception {
        Path data = dir.resolve("data");
        assertEquals(ExitCodes.OK, bulwark.run("token", "create", "--role", "viewer", "--groups", "web,db", "--name",
                "bob", "--data", data.toString()), bulwark.err());
        String token = bulwark.out().trim();
        assertTrue(token.startsWith("bwk_"), token);
        String file = Files.readString(data.resolve("tokens.json"));
        assertFalse(file.contains(token), file);
        assertTrue(file.contains("\"VIEWER\"") && file.contains("\"web\"") && file.contains("sha256"), file);
        assertEquals(ExitCodes.USAGE, bulwark.run("token", "create", "--role", "king", "--groups", "*", "--data",
                data.toString()));
    }

    @Test
    void aDataDirectoryThatCannotBeWrittenIsOneLineAndExitCode5() throws Exception {
        // under a regular file: no directory can be made there, even by root (whom permissions do not stop)
        Path file = Files.writeString(dir.resolve("file"), "x");
        Path data = file.resolve("data");
        assertEquals(ExitCodes.IO, bulwark.run("token", "create", "--role", "viewer", "--groups", "*", "--data",
                data.toString()));
        assertEquals("bulwark: cannot write the tokens of data directory " + data + ": cannot write " + data
                + "/tokens.json: " + data + ": Not a directory", bulwark.err().trim());
        assertEquals("", bulwark.out());
    }

    @Test
    void assessUploadsToTheServer() throws Exception {
        FleetServer server = bulwark.services().get(FleetServer.class);
        Path data = dir.resolve("server");
        try (AssessmentStore store = bulwark.services().get(AssessmentStoreFactory.class)
                .open("jdbc:h2:file:" + data.resolve("store"));
                FleetServer.Running running = server.start(store,
                        new FleetServer.Settings("127.0.0.1", 0, data, FleetServer.DEFAULT_MAX_UPLOAD_BYTES, 2))) {
            String agent = server.createToken(data, "agent", Role.AGENT, Set.of("*"));
            String url = "http://127.0.0.1:" + running.port();
            int code = bulwark.run("assess", "--no-store", "--format", "json", "-o", dir.resolve("r.json").toString(),
                    "--upload", url, "--token", agent);
            assertTrue(code == ExitCodes.OK || code == ExitCodes.INCOMPLETE, code + ": " + bulwark.err());
            assertTrue(bulwark.err().contains("uploaded to " + url + "/api/assessments"), bulwark.err());
            assertEquals(1, store.history(null, null).size());
            // a wrong token: the report is written, the upload refused, nothing stored
            assertEquals(ExitCodes.IO, bulwark.run("assess", "--no-store", "--format", "json", "-o",
                    dir.resolve("r2.json").toString(), "--upload", url, "--token", "bwk_wrong"));
            assertTrue(bulwark.err().contains("401"), bulwark.err());
            assertEquals(1, store.history(null, null).size());
            assertEquals(ExitCodes.USAGE, bulwark.run("assess", "--no-store", "--upload", url));
        }
    }

    private static final Pattern CREATED_ID = Pattern.compile("token (tok_[0-9a-f]{8}) for groups");

    /** Creates a token with the CLI; returns its id from the message on stderr. */
    private String create(Path data, String role, String groups, String name) {
        assertEquals(ExitCodes.OK, bulwark.run("token", "create", "--role", role, "--groups", groups, "--name", name,
                "--data", data.toString()), bulwark.err());
        Matcher m = CREATED_ID.matcher(bulwark.err());
        assertTrue(m.find(), bulwark.err());
        assertFalse(bulwark.err().contains(bulwark.out().trim()), "the secret is not on stderr");
        return m.group(1);
    }

    @Test
    void tokensAreListedAndRevokedByIdOrUniqueName() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        // a token from before ids were recorded: its id comes from its hash
        String hash = "0123abcd" + "0".repeat(56);
        Files.writeString(data.resolve("tokens.json"), "[{\"name\":\"old\",\"role\":\"AGENT\",\"groups\":[\"*\"],"
                + "\"sha256\":\"" + hash + "\"}]");
        String alice = create(data, "administrator", "*", "alice");
        String bob = create(data, "remediation-handler", "web,db", "bob");
        String twin1 = create(data, "viewer", "web", "twin");
        String twin2 = create(data, "viewer", "db", "twin");
        assertEquals(4, Set.of(alice, bob, twin1, twin2).size());

        assertEquals(ExitCodes.OK, bulwark.run("token", "list", "--format", "json", "--data", data.toString()),
                bulwark.err());
        JsonNode json = new ObjectMapper().readTree(bulwark.out());
        List<String> created = new ArrayList<>();
        json.forEach(t -> created.add(t.get("created").asText()));
        assertEquals("null", created.get(0));
        for (String c : created.subList(1, 5)) {
            assertTrue(c.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"), c);
        }
        assertEquals(new ObjectMapper().readTree("[" + entry("tok_0123abcd", "old", "agent", "\"*\"", null) + ","
                + entry(alice, "alice", "administrator", "\"*\"", created.get(1)) + ","
                + entry(bob, "bob", "remediation-handler", "\"web\",\"db\"", created.get(2)) + ","
                + entry(twin1, "twin", "viewer", "\"web\"", created.get(3)) + ","
                + entry(twin2, "twin", "viewer", "\"db\"", created.get(4)) + "]"), json);

        assertEquals(ExitCodes.OK, bulwark.run("token", "list", "--data", data.toString()), bulwark.err());
        String row = "%-12s  %-20s  %-19s  %-20s  %s%n";
        assertEquals(String.format(row, "ID", "NAME", "ROLE", "CREATED", "GROUPS")
                + String.format(row, "tok_0123abcd", "old", "agent", "-", "*")
                + String.format(row, alice, "alice", "administrator", created.get(1), "*")
                + String.format(row, bob, "bob", "remediation-handler", created.get(2), "web,db")
                + String.format(row, twin1, "twin", "viewer", created.get(3), "web")
                + String.format(row, twin2, "twin", "viewer", created.get(4), "db")
                + String.format("5 tokens%n"), bulwark.out());
        assertFalse(bulwark.out().contains("bwk_"), bulwark.out());

        // an ambiguous name lists the ids; an unknown one says where it looked; nothing is removed
        assertEquals(ExitCodes.USAGE, bulwark.run("token", "revoke", "twin", "--data", data.toString()));
        assertEquals("bulwark: 2 tokens are named 'twin'; revoke one by id: " + twin1 + ", " + twin2,
                bulwark.err().trim());
        assertEquals(ExitCodes.USAGE, bulwark.run("token", "revoke", "carol", "--data", data.toString()));
        assertEquals("bulwark: no token with id or name 'carol' in " + data.resolve("tokens.json")
                + " (bulwark token list shows them)", bulwark.err().trim());
        // by id, by unique name, and an old token by its derived id
        assertEquals(ExitCodes.OK, bulwark.run("token", "revoke", twin1, "--data", data.toString()), bulwark.err());
        assertEquals("bulwark: revoked viewer token " + twin1 + " (twin)", bulwark.err().trim());
        assertEquals(ExitCodes.OK, bulwark.run("token", "revoke", "bob", "--data", data.toString()), bulwark.err());
        assertEquals(ExitCodes.OK, bulwark.run("token", "revoke", "tok_0123abcd", "--data", data.toString()));
        assertEquals(ExitCodes.OK, bulwark.run("token", "list", "--format", "json", "--data", data.toString()));
        List<String> left = new ArrayList<>();
        new ObjectMapper().readTree(bulwark.out()).forEach(t -> left.add(t.get("id").asText()));
        assertEquals(List.of(alice, twin2), left);
    }

    private static String entry(String id, String name, String role, String groups, String created) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"role\":\"" + role + "\",\"groups\":[" + groups
                + "],\"created\":" + (created == null ? "null" : "\"" + created + "\"") + "}";
    }

    // ------------------------------------------------------------------ TLS

    private static final String PASSWORD = "keystore-secret";

    /** A PKCS12 keystore with a self-signed key for 127.0.0.1 and its certificate as PEM ({@code server.pem}). */
    private Path keystore() throws Exception {
        Path ks = JdkTools.selfSignedKeystore(dir.resolve("server.p12"), PASSWORD);
        JdkTools.run("keytool", "-exportcert", "-rfc", "-alias", "bulwark", "-keystore", ks.toString(), "-storepass",
                PASSWORD, "-file", dir.resolve("server.pem").toString());
        return ks;
    }

    @Test
    void serveRefusesAKeystoreItCannotUseBeforeOpeningTheStore() throws Exception {
        Path ks = keystore();
        Path data = dir.resolve("serve-data");
        Path wrong = Files.writeString(dir.resolve("wrong-password"), "not-it\n");
        assertEquals(ExitCodes.USAGE, bulwark.run("serve", "--port", "0", "--tls-keystore", ks.toString(),
                "--tls-password-file", wrong.toString(), "--data", data.toString()));
        assertEquals("bulwark: TLS keystore " + ks + ": wrong password", bulwark.err().trim());
        assertFalse(Files.exists(data), "nothing was opened or created");
        Path missing = dir.resolve("missing.p12");
        assertEquals(ExitCodes.USAGE, bulwark.run("serve", "--port", "0", "--tls-keystore", missing.toString(),
                "--tls-password-file", wrong.toString(), "--data", data.toString()));
        assertEquals("bulwark: TLS keystore " + missing + " does not exist", bulwark.err().trim());
        Path noFile = dir.resolve("no-password-file");
        assertEquals(ExitCodes.USAGE, bulwark.run("serve", "--port", "0", "--tls-keystore", ks.toString(),
                "--tls-password-file", noFile.toString(), "--data", data.toString()));
        assertTrue(bulwark.err().startsWith("bulwark: cannot read the TLS password file " + noFile + ": "),
                bulwark.err());
        assertEquals(ExitCodes.USAGE, bulwark.run("serve", "--tls-password-file", wrong.toString()));
        assertTrue(bulwark.err().contains("--tls-password-file needs --tls-keystore"), bulwark.err());
        assertFalse(Files.exists(data));
    }

    @Test
    void serveHttpsAndAssessUploadsWithATruststore() throws Exception {
        Path ks = keystore();
        Path pem = dir.resolve("server.pem");
        Path password = Files.writeString(dir.resolve("password"), PASSWORD + "\n");
        Path data = dir.resolve("tls-data");
        StringWriter serveErr = new StringWriter();
        int[] serveCode = { -1 };
        Thread serve = new Thread(() -> serveCode[0] = BulwarkApplication.run(bulwark.services(),
                new PrintWriter(new StringWriter()), new PrintWriter(serveErr, true), "serve", "--port", "0",
                "--tls-keystore", ks.toString(), "--tls-password-file", password.toString(), "--data",
                data.toString()), "test-serve");
        serve.start();
        try {
            Matcher m = Pattern.compile("serving https://127\\.0\\.0\\.1:(\\d+)/api").matcher("");
            Await.waitForAssert(() -> {
                String printed = serveErr.toString();
                if (!m.reset(printed).find()) {
                    assertTrue(serve.isAlive(), "serve ended: " + printed);
                    fail("not serving yet: " + printed);
                }
            }, Duration.ofSeconds(30));
            String url = "https://127.0.0.1:" + m.group(1);
            String agent = bulwark.services().get(FleetServer.class).createToken(data, "agent", Role.AGENT,
                    Set.of("*"));
            int code = bulwark.run("assess", "--no-store", "--format", "json", "-o", dir.resolve("r.json").toString(),
                    "--upload", url, "--token", agent, "--upload-truststore", pem.toString());
            assertTrue(code == ExitCodes.OK || code == ExitCodes.INCOMPLETE, code + ": " + bulwark.err());
            assertTrue(bulwark.err().contains("uploaded to " + url + "/api/assessments"), bulwark.err());
            // a passwordless PKCS12 truststore holding the same certificate
            Path p12 = dir.resolve("trust.p12");
            JdkTools.run("keytool", "-J-Dkeystore.pkcs12.certProtectionAlgorithm=NONE",
                    "-J-Dkeystore.pkcs12.macAlgorithm=NONE", "-importcert", "-noprompt", "-alias", "server", "-file",
                    pem.toString(), "-storetype", "PKCS12", "-keystore", p12.toString(), "-storepass", "unused");
            code = bulwark.run("assess", "--no-store", "--format", "json", "-o", dir.resolve("r2.json").toString(),
                    "--upload", url, "--token", agent, "--upload-truststore", p12.toString());
            assertTrue(code == ExitCodes.OK || code == ExitCodes.INCOMPLETE, code + ": " + bulwark.err());
            // the JDK's trust store does not know the self-signed certificate: refused at once, not retried
            assertEquals(ExitCodes.IO, bulwark.run("assess", "--no-store", "--format", "json", "-o",
                    dir.resolve("r3.json").toString(), "--upload", url, "--token", agent));
            assertTrue(bulwark.err().contains("--upload-truststore FILE"), bulwark.err());
            assertEquals(ExitCodes.USAGE, bulwark.run("assess", "--no-store", "--upload", "http://127.0.0.1:1",
                    "--token", agent, "--upload-truststore", pem.toString()));
            assertEquals(ExitCodes.USAGE, bulwark.run("assess", "--no-store", "--upload", url, "--token", agent,
                    "--upload-truststore", dir.resolve("r.json").toString()));
            assertTrue(bulwark.err().contains("upload truststore " + dir.resolve("r.json")), bulwark.err());
        } finally {
            serve.interrupt();
            serve.join(30_000);
        }
        assertFalse(serve.isAlive());
        assertEquals(ExitCodes.OK, serveCode[0], serveErr.toString());
        try (AssessmentStore store = bulwark.services().get(AssessmentStoreFactory.class)
                .open(AssessmentStoreFactory.embeddedUrl(data))) {
            assertEquals(2, store.history(null, null).size());
        }
    }
}
