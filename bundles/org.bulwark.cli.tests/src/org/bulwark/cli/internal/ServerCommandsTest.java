package org.bulwark.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bulwark.server.api.FleetServer;
import org.bulwark.server.api.Role;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.AssessmentStoreFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code bulwark token create|list|revoke} and {@code bulwark assess --upload} against a fleet server started in
 * the test runtime on an ephemeral loopback port, assessing the build machine with the built-in collectors and
 * content.
 */
class ServerCommandsTest {

    @TempDir
    Path dir;

    private Services services;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() {
        services = new Services(FrameworkUtil.getBundle(ServerCommandsTest.class).getBundleContext());
    }

    @AfterEach
    void tearDown() {
        services.close();
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return BulwarkApplication.run(services, new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void tokensArePrintedOnceAndStoredHashed() throws Exception {
        Path data = dir.resolve("data");
        assertEquals(ExitCodes.OK, run("token", "create", "--role", "viewer", "--groups", "web,db", "--name", "bob",
                "--data", data.toString()), err.toString());
        String token = out.toString().trim();
        assertTrue(token.startsWith("bwk_"), token);
        String file = Files.readString(data.resolve("tokens.json"));
        assertFalse(file.contains(token), file);
        assertTrue(file.contains("\"VIEWER\"") && file.contains("\"web\"") && file.contains("sha256"), file);
        assertEquals(ExitCodes.USAGE, run("token", "create", "--role", "king", "--groups", "*", "--data",
                data.toString()));
    }

    @Test
    void assessUploadsToTheServer() throws Exception {
        FleetServer server = services.get(FleetServer.class);
        Path data = dir.resolve("server");
        try (AssessmentStore store = services.get(AssessmentStoreFactory.class)
                .open("jdbc:h2:file:" + data.resolve("store"));
                FleetServer.Running running = server.start(store,
                        new FleetServer.Settings("127.0.0.1", 0, data, FleetServer.DEFAULT_MAX_UPLOAD_BYTES, 2))) {
            String agent = server.createToken(data, "agent", Role.AGENT, Set.of("*"));
            String url = "http://127.0.0.1:" + running.port();
            int code = run("assess", "--no-store", "--format", "json", "-o", dir.resolve("r.json").toString(),
                    "--upload", url, "--token", agent);
            assertTrue(code == ExitCodes.OK || code == ExitCodes.INCOMPLETE, code + ": " + err);
            assertTrue(err.toString().contains("uploaded to " + url + "/api/assessments"), err.toString());
            assertEquals(1, store.history(null, null).size());
            // a wrong token: the report is written, the upload refused, nothing stored
            assertEquals(ExitCodes.IO, run("assess", "--no-store", "--format", "json", "-o",
                    dir.resolve("r2.json").toString(), "--upload", url, "--token", "bwk_wrong"));
            assertTrue(err.toString().contains("401"), err.toString());
            assertEquals(1, store.history(null, null).size());
            assertEquals(ExitCodes.USAGE, run("assess", "--no-store", "--upload", url));
        }
    }

    private static final Pattern CREATED_ID = Pattern.compile("token (tok_[0-9a-f]{8}) for groups");

    /** Creates a token with the CLI; returns its id from the message on stderr. */
    private String create(Path data, String role, String groups, String name) {
        assertEquals(ExitCodes.OK, run("token", "create", "--role", role, "--groups", groups, "--name", name,
                "--data", data.toString()), err.toString());
        Matcher m = CREATED_ID.matcher(err.toString());
        assertTrue(m.find(), err.toString());
        assertFalse(err.toString().contains(out.toString().trim()), "the secret is not on stderr");
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

        assertEquals(ExitCodes.OK, run("token", "list", "--format", "json", "--data", data.toString()), err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString());
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

        assertEquals(ExitCodes.OK, run("token", "list", "--data", data.toString()), err.toString());
        String row = "%-12s  %-20s  %-19s  %-20s  %s%n";
        assertEquals(String.format(row, "ID", "NAME", "ROLE", "CREATED", "GROUPS")
                + String.format(row, "tok_0123abcd", "old", "agent", "-", "*")
                + String.format(row, alice, "alice", "administrator", created.get(1), "*")
                + String.format(row, bob, "bob", "remediation-handler", created.get(2), "web,db")
                + String.format(row, twin1, "twin", "viewer", created.get(3), "web")
                + String.format(row, twin2, "twin", "viewer", created.get(4), "db")
                + String.format("5 tokens%n"), out.toString());
        assertFalse(out.toString().contains("bwk_"), out.toString());

        // an ambiguous name lists the ids; an unknown one says where it looked; nothing is removed
        assertEquals(ExitCodes.USAGE, run("token", "revoke", "twin", "--data", data.toString()));
        assertEquals("bulwark: 2 tokens are named 'twin'; revoke one by id: " + twin1 + ", " + twin2,
                err.toString().trim());
        assertEquals(ExitCodes.USAGE, run("token", "revoke", "carol", "--data", data.toString()));
        assertEquals("bulwark: no token with id or name 'carol' in " + data.resolve("tokens.json")
                + " (bulwark token list shows them)", err.toString().trim());
        // by id, by unique name, and an old token by its derived id
        assertEquals(ExitCodes.OK, run("token", "revoke", twin1, "--data", data.toString()), err.toString());
        assertEquals("bulwark: revoked viewer token " + twin1 + " (twin)", err.toString().trim());
        assertEquals(ExitCodes.OK, run("token", "revoke", "bob", "--data", data.toString()), err.toString());
        assertEquals(ExitCodes.OK, run("token", "revoke", "tok_0123abcd", "--data", data.toString()));
        assertEquals(ExitCodes.OK, run("token", "list", "--format", "json", "--data", data.toString()));
        List<String> left = new ArrayList<>();
        new ObjectMapper().readTree(out.toString()).forEach(t -> left.add(t.get("id").asText()));
        assertEquals(List.of(alice, twin2), left);
    }

    private static String entry(String id, String name, String role, String groups, String created) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"role\":\"" + role + "\",\"groups\":[" + groups
                + "],\"created\":" + (created == null ? "null" : "\"" + created + "\"") + "}";
    }
}
