package org.bulwark.cli.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.bulwark.operations.api.Locations;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The values of options not given on the command line: the environment variable of the option where it has one,
 * then (for {@code --data} and {@code --db}) the system property, then the user's {@code bulwark.conf}
 * ({@code $XDG_CONFIG_HOME/bulwark/bulwark.conf}, else {@code ~/.config/bulwark/bulwark.conf}), then the system's
 * ({@code /etc/bulwark/bulwark.conf}); a key of the file is the option's long name without {@code --}. The files are
 * read once, when the command line is created; over a given environment, so that tests need not change the
 * process's.
 */
final class ConfigDefaults implements IDefaultValueProvider {

    /** The system-wide file. */
    static final Path SYSTEM_FILE = Path.of("/etc/bulwark/bulwark.conf");

    /** The keys a file may hold, and the environment variable that comes before the files, if any. */
    static final Map<String, String> KEYS = keys();

    /** The system property that comes before the files, for the keys that have one. */
    private static final Map<String, String> PROPERTIES = Map.of("data", Locations.DATA_PROPERTY,
            "db", Locations.DB_PROPERTY);

    private final UnaryOperator<String> env;
    private final UnaryOperator<String> properties;
    private final List<ConfigFile> files = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    /**
     * Reads the files.
     *
     * @param env        the environment, e.g. {@code System::getenv}: the options' variables
     * @param properties the system properties, e.g. {@code System::getProperty}
     * @param files      the files, the first before the others (e.g. {@link #files}); one that does not exist is
     *                   left out
     * @throws CliException ({@link ExitCodes#USAGE}) naming the file and line of a malformed line or unknown key
     */
    ConfigDefaults(UnaryOperator<String> env, UnaryOperator<String> properties, List<Path> files) {
        this.env = env;
        this.properties = properties;
        for (Path p : files) {
            ConfigFile f = ConfigFile.read(p, KEYS.keySet(), warnings);
            if (f != null) {
                this.files.add(f);
            }
        }
    }

    /**
     * @param env        the environment: {@code XDG_CONFIG_HOME} and {@code HOME}
     * @param properties the system properties: {@code user.home} when {@code $HOME} is not set
     * @param systemFile the system-wide file, {@link #SYSTEM_FILE} but in tests
     * @return the user's file ({@code $XDG_CONFIG_HOME/bulwark/bulwark.conf}, else
     *         {@code ~/.config/bulwark/bulwark.conf}), then the system's
     */
    static List<Path> files(UnaryOperator<String> env, UnaryOperator<String> properties, Path systemFile) {
        String xdg = env.apply("XDG_CONFIG_HOME");
        Path user;
        if (xdg != null && !xdg.isBlank()) {
            user = Path.of(xdg, "bulwark", "bulwark.conf");
        } else {
            String home = env.apply("HOME");
            if (home == null || home.isBlank()) {
                home = properties.apply("user.home");
            }
            user = Path.of(home == null ? "" : home, ".config", "bulwark", "bulwark.conf");
        }
        return List.of(user, systemFile);
    }

    /** @return what is wrong with the files' permissions, for standard error */
    List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (!(argSpec instanceof OptionSpec option) || !option.longestName().startsWith("--")) {
            return null;
        }
        String key = option.longestName().substring(2);
        if (!KEYS.containsKey(key)) {
            return null;
        }
        String variable = KEYS.get(key);
        String value = variable == null ? null : env.apply(variable);
        if (blank(value) && PROPERTIES.containsKey(key)) {
            value = properties.apply(PROPERTIES.get(key));
        }
        for (int i = 0; i < files.size() && blank(value); i++) {
            value = files.get(i).values().get(key);
        }
        return blank(value) ? null : value;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Map<String, String> keys() {
        Map<String, String> k = new LinkedHashMap<>();
        k.put("data", Locations.DATA_ENV);
        k.put("db", Locations.DB_ENV);
        k.put("token", "BULWARK_TOKEN");
        k.put("upload", null);
        k.put("upload-truststore", null);
        k.put("tls-keystore", null);
        k.put("tls-password-file", null);
        k.put("host", null);
        k.put("port", null);
        return java.util.Collections.unmodifiableMap(k);
    }
}
