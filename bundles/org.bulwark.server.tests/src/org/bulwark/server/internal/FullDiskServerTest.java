package org.bulwark.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.AssessmentStoreFactory;
import org.bulwark.store.api.AssessmentSummary;
import org.bulwark.testing.SmallFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server with its data directory and H2 store on a real small file system (a tmpfs; skipped where none can be
 * mounted) that fills up while it runs: uploads are answered 503 with {@code Retry-After} (never a 201 for what was
 * not stored), and once the space is back the same server takes their retries with 201, no restart; every upload
 * answered 201 is stored exactly once.
 */
class FullDiskServerTest {

    @TempDir
    Path dir;

    @Test
    void uploadsOnAFullDiskAre503UntilSpaceReturns() throws Exception {
        Path small = Files.createDirectories(dir.resolve("small"));
        try (SmallFileSystem disk = SmallFileSystem.mount(small, "16m")) {
            ServerFixture f = ServerFixture.withTokensIn(disk.dir(), ServerFixture::h2);
            Map<String, Long> acknowledged = new LinkedHashMap<>();
            List<String> refused = new ArrayList<>();
            int fitted = 0;
            try {
                for (int i = 0; i < 3; i++) {
                    upload(f, "before-" + i, acknowledged);
                }
                disk.fill();
                // until the disk visibly stays full: writes that still fit (H2 reuses space in its file, a log line
                // the last page of its file) are stored and answered 201, the others 503
                for (int i = 0, inARow = 0; i < 400 && inARow < 10; i++) {
                    String machine = "full-" + i;
                    HttpResponse<String> r = f.upload(f.agent, f.report(machine, "full-host", "Alpine Linux", i % 20),
                            machine);
                    if (r.statusCode() == 201) {
                        acknowledged.put(machine, ServerFixture.JSON.readTree(r.body()).get("id").asLong());
                        fitted++;
                        inARow = 0;
                        continue;
                    }
                    ServerFixture.error(r, 503, "store_unavailable");
                    assertEquals(String.valueOf(Router.RETRY_AFTER), r.headers().firstValue("Retry-After")
                            .orElse(null), r.headers().map().toString());
                    refused.add(machine);
                    inARow++;
                }
                assertTrue(refused.size() >= 10, "a full disk refuses uploads: " + refused.size() + " refused, "
                        + fitted + " fitted");
                disk.free();
                // the same server, no restart: the agents' retries (same Upload-Id) are stored now
                for (String machine : refused) {
                    upload(f, machine, acknowledged);
                }
                upload(f, "after", acknowledged);
            } finally {
                f.close();
            }
            // on disk, not only in memory: every upload answered 201 once, under the id it was answered with
            try (AssessmentStore store = ServerFixture.service(AssessmentStoreFactory.class).open(
                    ServerFixture.h2(disk.dir()))) {
                for (Map.Entry<String, Long> a : acknowledged.entrySet()) {
                    List<Long> ids = store.history(a.getKey(), null).stream().map(AssessmentSummary::id).toList();
                    assertEquals(List.of(a.getValue()), ids, a.getKey() + ": stored once, as answered");
                }
            }
            long last = acknowledged.get("after");
            assertFalse(acknowledged.entrySet().stream().anyMatch(a -> !a.getKey().equals("after")
                    && a.getValue() >= last), "ids only grow: " + acknowledged);
            System.out.println("FullDiskServerTest: " + refused.size() + " refused while full, " + fitted
                    + " fitted and were stored");
        }
    }

    private static void upload(ServerFixture f, String machine, Map<String, Long> acknowledged) throws Exception {
        HttpResponse<String> r = f.upload(f.agent, f.report(machine, "full-host", "Alpine Linux", 1), machine);
        assertEquals(201, r.statusCode(), machine + ": " + r.body());
        acknowledged.put(machine, ServerFixture.JSON.readTree(r.body()).get("id").asLong());
    }
}
