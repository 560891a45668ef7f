package org.bulwark.server.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Every {@link ServerTest} against a real PostgreSQL server, in a fresh schema of the database that
 * {@code BULWARK_TEST_PG_URL} names ({@code .ci/run} starts one). Skipped without it.
 */
@EnabledIfEnvironmentVariable(named = "BULWARK_TEST_PG_URL", matches = "jdbc:postgresql:.+")
class PostgresServerTest extends ServerTest {

    @Override
    String storeUrl(Path dir) throws Exception {
        String url = System.getenv("BULWARK_TEST_PG_URL");
        String schema = "bulwark_server_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = new org.postgresql.Driver().connect(url, new Properties());
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
