package org.bulwark.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * {@code bulwark.conf}: flag over environment over the user's file over the system's, strict lines, permission
 * warnings. Each test has its own HOME, XDG_CONFIG_HOME and system file under a temporary folder; the process's
 * environment and home are never read.
 */
class ConfigFileTest {

    private static final String KEYS = "data, db, token, upload, upload-truststore, tls-keystore, tls-password-file, "
            + "host, port";

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();
    private final Map<String, String> properties = new HashMap<>();
    private Path home;
    private Path userFile;
    private Path systemFile;
    @RegisterExtension
    final CliRun bulwark = CliRun.plain();

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectories(dir.resolve("home"));
        env.put("HOME", home.toString());
        userFile = home.resolve(".config/bulwark/bulwark.conf");
        systemFile = dir.resolve("etc/bulwark/bulwark.conf");
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private List<Path> files() {
        return ConfigDefaults.files(env::get, properties::get, systemFile);
    }

    /** @return the value of {@code option} of the command {@code args} name, as parsed, defaults applied */
    private Object value(String option, String... args) {
        ConfigDefaults defaults = new ConfigDefaults(env::get, properties::get, files());
        CommandLine.ParseResult parsed = BulwarkApplication.commandLine(bulwark.services(), defaults).parseArgs(args);
        return parsed.subcommand().commandSpec().findOption(option).getValue();
    }

    private int run(String... args) {
        return bulwark.run(env::get, properties::get, files(), args);
    }

    @Test
    void flagOverEnvironmentOverUserFileOverSystemFile() throws IOException {
        assertEquals(null, value("--data", "history"));
        write(systemFile, "# the fleet's defaults\ndata = /srv/system\ndb = jdbc:h2:mem:system\ntoken = system-token\n");
        assertEquals(Path.of("/srv/system"), value("--data", "history"));
        assertEquals("jdbc:h2:mem:system", value("--db", "history"));
        assertEquals("system-token", value("--token", "assess"));
        write(userFile, "data = /srv/user\n\n   token   =   user token # not a comment  \n");
        assertEquals(Path.of("/srv/user"), value("--data", "history"));
        assertEquals("jdbc:h2:mem:system", value("--db", "history"), "a key the user's file lacks: the system's");
        assertEquals("user token # not a comment", value("--token", "assess"));
        properties.put("bulwark.data", "/srv/property");
        assertEquals(Path.of("/srv/property"), value("--data", "history"));
        env.put("BULWARK_DATA", "/srv/env");
        env.put("BULWARK_DB", "jdbc:h2:mem:env");
        env.put("BULWARK_TOKEN", "env-token");
        assertEquals(Path.of("/srv/env"), value("--data", "history"));
        assertEquals("jdbc:h2:mem:env", value("--db", "history"));
        assertEquals("env-token", value("--token", "assess"));
        assertEquals(Path.of("/srv/flag"), value("--data", "history", "--data", "/srv/flag"));
        assertEquals("flag-token", value("--token", "assess", "--token", "flag-token"));
    }

    @Test
    void xdgConfigHomeReplacesDotConfig() throws IOException {
        write(userFile, "port = 8081\n");
        Path xdg = dir.resolve("xdg");
        write(xdg.resolve("bulwark/bulwark.conf"), "port = 8082\nhost = 0.0.0.0\n");
        assertEquals(8081, value("--port", "serve"));
        assertEquals("127.0.0.1", value("--host", "serve"), "no key: the option's own default");
        env.put("XDG_CONFIG_HOME", xdg.toString());
        assertEquals(8082, value("--port", "serve"));
        assertEquals("0.0.0.0", value("--host", "serve"));
        assertEquals(List.of(xdg.resolve("bulwark/bulwark.conf"), systemFile), files());
    }

    @Test
    void theDataDirectoryOfTheUsersFileIsUsed() throws IOException {
        Path data = dir.resolve("from-config");
        write(userFile, "data = " + data + "\n");
        assertEquals(ExitCodes.OK, run("history"), bulwark.err());
        assertEquals("0 assessments", bulwark.out().lines().reduce((a, b) -> b).orElse(""));
        assertTrue(Files.exists(data.resolve("bulwark.mv.db")), "the store is created where the file says");
        assertEquals("", bulwark.err());
    }

    @Test
    void anUnknownKeyIsAnErrorNamingFileAndLine() throws IOException {
        write(userFile, "# mine\ndta = /srv\n");
        assertEquals(ExitCodes.USAGE, run("history"));
        assertEquals("bulwark: " + userFile + ":2: unknown key 'dta' (expected one of " + KEYS + "); nothing was run\n",
                bulwark.err());
        assertEquals("", bulwark.out());
    }

    @Test
    void aMalformedLineIsAnErrorNamingFileAndLine() throws IOException {
        write(systemFile, "data = /srv\ndb\n");
        assertEquals(ExitCodes.USAGE, run("history"));
        assertEquals("bulwark: " + systemFile + ":2: not a 'key = value' line (a comment starts with #); nothing was "
                + "run\n", bulwark.err());
        write(systemFile, "data = /srv\n\ndata = /other\n");
        assertEquals(ExitCodes.USAGE, run("history"));
        assertEquals("bulwark: " + systemFile + ":3: data: given twice (also on line 1); nothing was run\n",
                bulwark.err());
        write(systemFile, "token =\n");
        assertEquals(ExitCodes.USAGE, run("history"));
        assertEquals("bulwark: " + systemFile + ":1: token: no value; nothing was run\n", bulwark.err());
        write(systemFile, "--data = /srv\n");
        assertEquals(ExitCodes.USAGE, run("history"));
        assertEquals("bulwark: " + systemFile + ":1: not a 'key = value' line (a comment starts with #); nothing was "
                + "run\n", bulwark.err());
    }

    @Test
    void filesOthersCanWriteOrWithSecretsEveryoneCanReadAreWarnedOf() throws IOException {
        Path data = dir.resolve("data");
        write(userFile, "data = " + data + "\ntoken = t0k3n\n");
        assertEquals(ExitCodes.OK, run("history"), bulwark.err());
        assertEquals("", bulwark.err(), "rw------- is fine");
        Files.setPosixFilePermissions(userFile, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(ExitCodes.OK, run("history"), bulwark.err());
        assertEquals("bulwark: warning: the configuration file " + userFile + " holds a secret (a token or a "
                + "database password) and is readable by everyone (chmod o-r)\n", bulwark.err());
        write(systemFile, "data = " + data + "\n");
        Files.setPosixFilePermissions(systemFile, PosixFilePermissions.fromString("rw-rw-r--"));
        assertEquals(ExitCodes.OK, run("history"), bulwark.err());
        assertEquals("bulwark: warning: the configuration file " + userFile + " holds a secret (a token or a "
                + "database password) and is readable by everyone (chmod o-r)\n"
                + "bulwark: warning: the configuration file " + systemFile + " is writable by its group or others, "
                + "who can change where Bulwark keeps its data and sends its assessments (chmod go-w)\n",
                bulwark.err());
        assertTrue(ConfigFile.secret(Map.of("db", "jdbc:postgresql://u:p@host/bulwark")));
        assertTrue(ConfigFile.secret(Map.of("db", "jdbc:postgresql://host/bulwark?user=u&Password=p")));
        assertEquals(false, ConfigFile.secret(Map.of("db", "jdbc:postgresql://host/bulwark?user=u")));
    }
}
