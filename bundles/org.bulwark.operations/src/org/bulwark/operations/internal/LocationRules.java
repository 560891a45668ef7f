package org.bulwark.operations.internal;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

import org.bulwark.operations.api.Location;
import org.bulwark.operations.api.Locations;

/**
 * The precedence of {@link Locations#resolve}: flag, environment, system property, default; over a given
 * environment and system properties, so that tests need not change the process's.
 */
final class LocationRules {

    private final UnaryOperator<String> env;
    private final UnaryOperator<String> properties;

    /**
     * @param env        the environment, e.g. {@code System::getenv}
     * @param properties the system properties, e.g. {@code System::getProperty}
     */
    LocationRules(UnaryOperator<String> env, UnaryOperator<String> properties) {
        this.env = env;
        this.properties = properties;
    }

    Location resolve(Path dataFlag, String dbFlag) {
        Path data = dataFlag;
        if (data == null) {
            String given = first(env.apply(Locations.DATA_ENV), properties.apply(Locations.DATA_PROPERTY));
            data = given != null ? Path.of(given) : home().resolve(".bulwark");
        }
        String db = first(dbFlag, first(env.apply(Locations.DB_ENV), properties.apply(Locations.DB_PROPERTY)));
        return new Location(data, db);
    }

    /** @return {@code $HOME} when set, else Java's {@code user.home} */
    Path home() {
        String home = first(env.apply("HOME"), properties.apply("user.home"));
        return Path.of(home == null ? "" : home);
    }

    private static String first(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }
}
