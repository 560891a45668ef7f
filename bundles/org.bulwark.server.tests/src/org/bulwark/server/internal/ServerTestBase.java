package org.bulwark.server.internal;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test class of one resource family: every test gets the {@linkplain ServerFixture#standard standard fleet} on a
 * fresh data directory, store and server. {@link PostgresServerTest} runs the same tests on PostgreSQL by
 * overriding {@link #storeUrl}.
 */
abstract class ServerTestBase {

    ServerFixture fleet;

    /** @return the JDBC URL of a fresh store for a fixture in {@code dir} */
    String storeUrl(Path dir) throws Exception {
        return ServerFixture.h2(dir);
    }

    /** @return the server every test of the class starts with; {@code null} for none */
    ServerFixture fixture() throws Exception {
        return ServerFixture.standard(this::storeUrl);
    }

    @BeforeEach
    void startFleet() throws Exception {
        fleet = fixture();
    }

    @AfterEach
    void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }
}
