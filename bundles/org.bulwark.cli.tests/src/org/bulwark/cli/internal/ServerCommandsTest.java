package org.bulwark.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.bulwark.server.api.FleetServer;
import org.bulwark.server.api.Role;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.AssessmentStoreFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;

/**
 * {@code bulwark token create} and {@code bulwark assess --upload} against a fleet server started in the test
 * runtime on an ephemeral loopback port, assessing the build machine with the built-in collectors and content.
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
}
