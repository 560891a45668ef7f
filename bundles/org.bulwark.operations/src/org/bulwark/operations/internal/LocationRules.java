package org.bulwark.operations.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.bulwark.operations.api.Location;
import org.bulwark.operations.api.Locations;

/**
 * The precedence of {@link Locations#resolve}: flag, environment, system property, default; over a given
 * environment and system properties, so that tests need not change the process's. The default is
 * {@code $XDG_DATA_HOME/bulwark} when that is set (to an absolute path, as the XDG base directory specification
 * requires) and there is no {@code ~/.bulwark} yet, else {@code ~/.bulwark}, home being {@code $HOME}, else Java's
 * {@code user.home}. The launcher ({@code bin/bulwark}) applies the same rule to find the plug-in folder
 * ({@code <data>/plugins}).
 */
final class LocationRules {

    private final UnaryOperator<String> env;
    private final UnaryOperator<String> properties;
    private final Predicate<Path> isDirectory;

    /**
     * @param env        the environment, e.g. {@code System::getenv}
     * @param properties the system properties, e.g. {@code System::getProperty}
     */
    LocationRules(UnaryOperator<String> env, UnaryOperator<String> properties) {
        this(env, properties, Files::isDirectory);
    }

    /** @param isDirectory whether a directory exists (an existing {@code ~/.bulwark} is kept) */
    LocationRules(UnaryOperator<String> env, UnaryOperator<String> properties, Predicate<Path> isDirectory) {
        this.env = env;
        this.properties = properties;
        this.isDirectory = isDirectory;
    }

    Location resolve(Path dataFlag, String dbFlag) {
        Path data = dataFlag;
        if (data == null) {
            String given = first(env.apply(Locations.DATA_ENV), properties.apply(Locations.DATA_PROPERTY));
            data = given != null ? Path.of(given) : standard();
        }
        String db = first(dbFlag, first(env.apply(Locations.DB_ENV), properties.apply(Locations.DB_PROPERTY)));
        return new Location(data, db);
    }

    /** @return the data directory when none is given */
    private Path standard() {
        Path legacy = home().resolve(".bulwark");
        String xdg = env.apply("XDG_DATA_HOME");
        if (xdg != null && xdg.startsWith("/") && !isDirectory.test(legacy)) {
            return Path.of(xdg).resolve("bulwark");
        }
        return legacy;
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
