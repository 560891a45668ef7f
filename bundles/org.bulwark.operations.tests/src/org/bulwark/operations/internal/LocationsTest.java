package org.bulwark.operations.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.bulwark.operations.api.Location;
import org.junit.jupiter.api.Test;

/** Where the data lives: flag, environment, system property, default; and the one redaction of credentials. */
class LocationsTest {

    private final Map<String, String> env = new HashMap<>();
    private final Map<String, String> properties = new HashMap<>();
    private final LocationRules rules = new LocationRules(env::get, properties::get);

    @Test
    void theDataDirectoryIsTheFlagThenTheEnvironmentThenThePropertyThenHome() {
        properties.put("user.home", "/home/java");
        assertEquals(new Location(Path.of("/home/java/.bulwark"), null), rules.resolve(null, null));
        env.put("HOME", "/home/shell");
        assertEquals(new Location(Path.of("/home/shell/.bulwark"), null), rules.resolve(null, null));
        properties.put("bulwark.data", "/from/property");
        assertEquals(Path.of("/from/property"), rules.resolve(null, null).data());
        env.put("BULWARK_DATA", "/from/env");
        assertEquals(Path.of("/from/env"), rules.resolve(null, null).data());
        assertEquals(Path.of("/from/flag"), rules.resolve(Path.of("/from/flag"), null).data());
    }

    @Test
    void xdgDataHomeIsTheDefaultUnlessThereIsAlreadyADotBulwark() {
        java.util.Set<Path> directories = new java.util.HashSet<>();
        LocationRules xdg = new LocationRules(env::get, properties::get, directories::contains);
        env.put("HOME", "/home/u");
        env.put("XDG_DATA_HOME", "/home/u/.local/share");
        assertEquals(Path.of("/home/u/.local/share/bulwark"), xdg.resolve(null, null).data());
        env.put("XDG_DATA_HOME", "relative/share");
        assertEquals(Path.of("/home/u/.bulwark"), xdg.resolve(null, null).data(),
                "a relative XDG_DATA_HOME is ignored, as the specification says");
        env.put("XDG_DATA_HOME", "/home/u/.local/share");
        directories.add(Path.of("/home/u/.bulwark"));
        assertEquals(Path.of("/home/u/.bulwark"), xdg.resolve(null, null).data(),
                "an existing data directory is kept: its store and tokens stay found");
        env.put("BULWARK_DATA", "/from/env");
        assertEquals(Path.of("/from/env"), xdg.resolve(null, null).data());
    }

    @Test
    void blankValuesAreNotGiven() {
        properties.put("user.home", "/home/java");
        env.put("HOME", " ");
        env.put("BULWARK_DATA", "");
        properties.put("bulwark.data", "  ");
        env.put("BULWARK_DB", " ");
        assertEquals(new Location(Path.of("/home/java/.bulwark"), null), rules.resolve(null, " "));
    }

    @Test
    void theStoreIsTheFlagThenTheEnvironmentThenThePropertyThenTheEmbeddedOne() {
        env.put("HOME", "/h");
        Location embedded = rules.resolve(null, null);
        assertNull(embedded.db());
        assertEquals("jdbc:h2:file:/h/.bulwark/bulwark", embedded.jdbcUrl());
        assertEquals("/h/.bulwark", embedded.describe());
        properties.put("bulwark.db", "jdbc:h2:file:/p");
        assertEquals("jdbc:h2:file:/p", rules.resolve(null, null).jdbcUrl());
        env.put("BULWARK_DB", "jdbc:h2:file:/e");
        assertEquals("jdbc:h2:file:/e", rules.resolve(null, null).jdbcUrl());
        assertEquals("jdbc:h2:file:/f", rules.resolve(null, "jdbc:h2:file:/f").jdbcUrl());
        assertEquals(Path.of("/h/.bulwark"), rules.resolve(null, "jdbc:h2:file:/f").data());
        assertEquals(Path.of("/h/.bulwark/reports"), rules.resolve(null, null).reports());
    }

    @Test
    void credentialsAreRedactedInQueriesAndUserInfo() {
        assertEquals("jdbc:postgresql://db/bulwark?user=u&password=***",
                Location.redact("jdbc:postgresql://db/bulwark?user=u&password=s3cret"));
        assertEquals("jdbc:postgresql://db/b?password=***&ssl=true",
                Location.redact("jdbc:postgresql://db/b?password=s3cret&ssl=true"));
        assertEquals("jdbc:postgresql://db/b?PASSWORD=***;x=1", Location.redact("jdbc:postgresql://db/b?PASSWORD=a;x=1"));
        assertEquals("jdbc:postgresql://alice:***@db:5432/b", Location.redact("jdbc:postgresql://alice:s3cret@db:5432/b"));
        assertEquals("jdbc:postgresql://alice@db/b", Location.redact("jdbc:postgresql://alice@db/b"));
        assertEquals("jdbc:h2:file:/data/bulwark", Location.redact("jdbc:h2:file:/data/bulwark"));
        assertNull(Location.redact(null));
        assertEquals("jdbc:postgresql://u:***@db/b?password=***",
                new Location(Path.of("/d"), "jdbc:postgresql://u:p@db/b?password=p").describe());
    }
}
