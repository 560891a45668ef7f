package org.bulwark.server.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The server's tests against a real PostgreSQL server, each fixture in a fresh schema of the database that
 * {@code BULWARK_TEST_PG_URL} names ({@code .ci/run} starts one). Skipped without it.
 */
@EnabledIfEnvironmentVariable(named = "BULWARK_TEST_PG_URL", matches = "jdbc:postgresql:.+")
class PostgresServerTest {

    /** @return a fresh schema of the test database */
    static String schema() throws Exception {
        String url = System.getenv("BULWARK_TEST_PG_URL");
        String schema = "bulwark_server_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = new org.postgresql.Driver().connect(url, new Properties());
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Nested
    class Uploads extends UploadTest {
        @Override
        String storeUrl(Path dir) throws Exception {
            return schema();
        }
    }

    @Nested
    class SharedStores extends FleetStateTest {
        @Override
        String storeUrl(Path dir) throws Exception {
            return schema();
        }
    }

    @Nested
    class Scores extends ScoreTest {
        @Override
        String storeUrl(Path dir) throws Exception {
            return schema();
        }
    }

    @Nested
    class Machines extends MachineTest {
        @Override
        String storeUrl(Path dir) throws Exception {
            return schema();
        }
    }

    @Nested
    class Software extends SoftwareTest {
        @Override
        String storeUrl(Path dir) throws Exception {
            return schema();
        }
    }

    @Nested
    class Recommendations extends RecommendationTest {
        @Override
        String storeUrl(Path dir) throws Exception {
            return schema();
        }
    }

    @Nested
    class Exports extends ExportTest {
        @Override
        String storeUrl(Path dir) throws Exception {
            return schema();
        }
    }

    @Nested
    class Exceptions extends ExceptionTest {
        @Override
        String storeUrl(Path dir) throws Exception {
            return schema();
        }
    }

    @Nested
    class Remediations extends RemediationTest {
        @Override
        String storeUrl(Path dir) throws Exception {
            return schema();
        }
    }

    @Nested
    class DeviceGroups extends DeviceGroupTest {
        @Override
        String storeUrl(Path dir) throws Exception {
            return schema();
        }
    }

    @Nested
    class Access extends AccessTest {
        @Override
        String storeUrl(Path dir) throws Exception {
            return schema();
        }
    }

    @Nested
    class Operability extends OperabilityTest {
        @Override
        String storeUrl(Path dir) throws Exception {
            return schema();
        }
    }
}
