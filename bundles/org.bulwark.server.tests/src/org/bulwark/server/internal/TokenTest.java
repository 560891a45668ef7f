package org.bulwark.server.internal;

import static org.bulwark.server.internal.ServerFixture.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bulwark.server.api.FleetServer;
import org.bulwark.server.api.Role;
import org.junit.jupiter.api.Test;

/** Tokens: issued, listed without their secrets, revoked, and refused by a running server at once. */
class TokenTest extends ServerTestBase {

    @Test
    void tokensAreListedWithPublicIdsAndNeverTheirSecrets() throws Exception {
        FleetServer server = fleet.server;
        Path d = Files.createTempDirectory("bulwark-tokens");
        assertEquals(List.of(), server.listTokens(d));
        // a token written before ids and creation times were recorded
        String oldHash = Tokens.hash("bwk_old");
        Files.writeString(d.resolve(Tokens.FILE), "[{\"name\":\"legacy\",\"role\":\"VIEWER\",\"groups\":[\"web\"],"
                + "\"sha256\":\"" + oldHash + "\"}]");
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        FleetServer.NewToken alice = server.issueToken(d, "alice", Role.ADMINISTRATOR, Set.of("*"));
        FleetServer.NewToken agents = server.issueToken(d, "agents", Role.AGENT, new LinkedHashSet<>(
                List.of("web", "db")));
        List<FleetServer.TokenInfo> list = server.listTokens(d);
        assertEquals(List.of(
                new FleetServer.TokenInfo("tok_" + oldHash.substring(0, 8), "legacy", Role.VIEWER, Set.of("web"),
                        null),
                alice.info(), agents.info()), list);
        assertTrue(alice.info().id().matches("tok_[0-9a-f]{8}"), alice.info().id());
        assertEquals("alice", alice.info().name());
        assertEquals(List.of("web", "db"), new ArrayList<>(agents.info().groups()));
        assertFalse(alice.info().created().isBefore(before));
        assertFalse(alice.info().created().isAfter(Instant.now()));
        String file = Files.readString(d.resolve(Tokens.FILE));
        assertFalse(file.contains(alice.secret()) || file.contains(agents.secret()), file);
        assertFalse(alice.toString().contains(alice.secret()));
        // the old token still authenticates, with its derived id
        assertEquals("tok_" + oldHash.substring(0, 8), new Tokens(d).find("bwk_old").id());
        assertNull(new Tokens(d).find("bwk_nope"));
        // no temporary file is left beside it
        try (var files = Files.list(d)) {
            assertEquals(List.of(Tokens.FILE), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aRevokedTokenIsRefusedByTheRunningServerAtOnce() throws Exception {
        FleetServer server = fleet.server;
        String doomed = fleet.token("doomed", Role.VIEWER, "*");
        assertEquals(3, fleet.get("/api/machines", doomed).get("count").asInt());
        // revoked and asked again within the same modification-time tick of tokens.json: refused
        FleetServer.TokenInfo revoked = server.revokeToken(fleet.dir, "doomed");
        assertEquals("doomed", revoked.name());
        assertEquals("unknown API token", error(fleet.send("GET", "/api/machines", doomed, null), 401,
                "unauthorized"));
        assertFalse(server.listTokens(fleet.dir).stream().anyMatch(t -> t.id().equals(revoked.id())));
        assertEquals(6, server.listTokens(fleet.dir).size());
        // the others still work
        assertEquals(3, fleet.get("/api/machines", fleet.admin).get("count").asInt());
        // by id
        FleetServer.NewToken byId = server.issueToken(fleet.dir, "by-id", Role.VIEWER, Set.of("web"));
        assertEquals(1, fleet.get("/api/machines", byId.secret()).get("count").asInt());
        assertEquals(byId.info(), server.revokeToken(fleet.dir, byId.info().id()));
        assertEquals("unknown API token", error(fleet.send("GET", "/api/machines", byId.secret(), null), 401,
                "unauthorized"));
    }

    @Test
    void revokingAnUnknownOrAmbiguousTokenIsAClearError() throws Exception {
        FleetServer server = fleet.server;
        Path d = Files.createTempDirectory("bulwark-revoke");
        FleetServer.NewToken one = server.issueToken(d, "twin", Role.VIEWER, Set.of("*"));
        FleetServer.NewToken two = server.issueToken(d, "twin", Role.VIEWER, Set.of("*"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> server.revokeToken(d, "nobody"));
        assertEquals("no token with id or name 'nobody' in " + d.resolve("tokens.json")
                + " (bulwark token list shows them)", unknown.getMessage());
        IllegalArgumentException ambiguous = assertThrows(IllegalArgumentException.class,
                () -> server.revokeToken(d, "twin"));
        assertEquals("2 tokens are named 'twin'; revoke one by id: " + one.info().id() + ", " + two.info().id(),
                ambiguous.getMessage());
        assertEquals(2, server.listTokens(d).size());
        server.revokeToken(d, two.info().id());
        assertEquals(List.of(one.info()), server.listTokens(d));
    }
}
