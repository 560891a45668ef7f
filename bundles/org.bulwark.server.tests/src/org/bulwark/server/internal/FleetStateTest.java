package org.bulwark.server.internal;

import static org.bulwark.server.internal.ServerFixture.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bulwark.scoring.api.DeviceResults;
import org.bulwark.scoring.api.ResultState;
import org.bulwark.server.api.Role;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.AssessmentStoreFactory;
import org.bulwark.store.api.FleetResults;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The server's fleet in memory and assessments that other processes store into the same database. */
class FleetStateTest extends ServerTestBase {

    @Override
    ServerFixture fixture() {
        return null; // each test makes its own
    }

    @Test
    void assessmentsOtherProcessesStoreIntoTheSameDatabaseAreSeen() throws Exception {
        // a store that a second store (another process's, as far as the server knows) shares
        Path dir = Files.createTempDirectory("bulwark-server-shared");
        String url = storeUrl(dir);
        try (AssessmentStore other = ServerFixture.service(AssessmentStoreFactory.class).open(url)) {
            try (ServerFixture f = ServerFixture.empty(d -> url,
                    x -> other.save(x.assessment("m-first", "web-1", "Debian GNU/Linux 12", 0), "{}"))) {
                String admin = f.token("admin", Role.ADMINISTRATOR, "*");
                // stored before the server started: read when it starts
                assertEquals(1, f.get("/api/configurationScore", admin).get("machines").asInt());
                // stored by the other process while the server runs
                other.save(f.assessment("m-second", "db-1", "Alpine Linux", 0, 1), "{}");
                JsonNode m = null;
                for (int i = 0; i < 50 && m == null; i++) {
                    HttpResponse<String> r = f.send("GET", "/api/machines/m-second", admin, null);
                    if (r.statusCode() == 200) {
                        m = JSON.readTree(r.body());
                    } else {
                        assertEquals(404, r.statusCode(), r.body());
                        Thread.sleep(100);
                    }
                }
                assertNotNull(m, "the other process's assessment is seen within 5 s (a look every second)");
                assertEquals(f.expectedScore(0, 1), m.get("score").asDouble(), 1e-9);
                assertEquals("Ungrouped", m.get("group").asText());
                assertEquals(2, f.get("/api/configurationScore", admin).get("machines").asInt());
                assertEquals(List.of("m-first", "m-second"), ServerFixture.list(f.get("/api/machines", admin), "id"));
            }
        }
    }

    @Test
    void anAssessmentCommittedAfterAHigherOneIsFoundAgain() throws Exception {
        try (ServerFixture f = ServerFixture.empty(this::storeUrl)) {
            AssessmentStore s2 = f.store;
            s2.save(f.assessment("m-0", "web-0", "Debian GNU/Linux 12"), "{}");
            FleetState state = new FleetState(s2, f.scoring);
            state.load();
            // two assessments of other processes; this process learns of the later one first (its own upload,
            // committed before the other's lower id)
            long lower = s2.save(f.assessment("m-late", "web-late", "Debian GNU/Linux 12", 3), "{}").id();
            long higher = s2.save(f.assessment("m-own", "web-own", "Debian GNU/Linux 12"), "{}").id();
            assertEquals(lower + 1, higher);
            FleetResults all = s2.latestResults();
            int own = all.assessmentIds().indexOf(higher);
            state.stored(higher, all.devices().get(own), all.controls());
            // the lower id is below the highest seen now: only looking for it again finds it
            state.catchUp();
            assertEquals(Set.of("m-0", "m-late", "m-own"), state.devices().keySet());
            FleetState.Snapshot everything = state.snapshot(new Tokens.Token("t", "admin", Role.ADMINISTRATOR,
                    Set.of("*")));
            assertEquals(3, everything.devices().size());
            assertEquals(Map.of(f.controls.get(3).id(), ResultState.FAIL), failing(everything, "m-late"));
            assertEquals(Map.of(), failing(everything, "m-own"));
        }
    }

    private static Map<String, ResultState> failing(FleetState.Snapshot s, String deviceId) {
        Map<String, ResultState> out = new LinkedHashMap<>();
        for (DeviceResults d : s.devices()) {
            if (d.device().id().equals(deviceId)) {
                d.states().forEach((control, state) -> {
                    if (state != ResultState.PASS) {
                        out.put(control, state);
                    }
                });
            }
        }
        return out;
    }
}
