package org.bulwark.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.StoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PostgreSQL store whose password is in a password file ({@code ~/.pgpass}, or the file {@code PGPASSFILE} or
 * {@code -Dorg.postgresql.pgpassfile} names), not in the URL: no process argument or environment variable holds
 * it. Needs a server that checks passwords over TCP, as {@code releng/test-postgres.sh} starts it; skipped without
 * {@code BULWARK_TEST_PG_URL}.
 */
@EnabledIfEnvironmentVariable(named = TestStores.PG_ENV, matches = "jdbc:postgresql:.+password=.+")
class PasswordFileTest {

    private static final String PROPERTY = "org.postgresql.pgpassfile";

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty(PROPERTY);
    }

    @Test
    void thePasswordComesFromThePasswordFile() throws Exception {
        String url = TestStores.postgresSchema(); // a fresh schema, with the password
        String password = url.replaceAll(".*[?&]password=([^&]*).*", "$1");
        String bare = url.replaceAll("[?&]password=[^&]*", "");
        assertFalse(bare.contains("password"), bare);
        URI u = URI.create(bare.substring("jdbc:".length()));
        String db = u.getPath().substring(1);
        String user = bare.replaceAll(".*[?&]user=([^&]*).*", "$1");

        Path wrong = pgpass("wrong", u, db, user, "not-" + password);
        System.setProperty(PROPERTY, wrong.toString());
        StoreException refused = assertThrows(StoreException.class, () -> JdbcStore.open(bare).close(),
                "a server that checks passwords refuses a wrong one: else this test proves nothing");
        assertTrue(!refused.getMessage().contains("not-" + password), "no password in the message: "
                + refused.getMessage());

        System.setProperty(PROPERTY, pgpass("right", u, db, user, password).toString());
        try (AssessmentStore store = JdbcStore.open(bare)) {
            assertEquals(java.util.List.of(), store.devices(), "the fresh schema, opened and migrated");
        }
    }

    private Path pgpass(String name, URI u, String db, String user, String password) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, u.getHost() + ":" + u.getPort() + ":" + db + ":" + user + ":" + password + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        return f;
    }
}
