package org.bulwark.operations.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bulwark.operations.api.AssessOrder;
import org.bulwark.operations.api.AssessOutcome;
import org.bulwark.operations.api.Assessments;
import org.bulwark.operations.api.Changes;
import org.bulwark.operations.api.EntityCsv;
import org.bulwark.operations.api.EntityJson;
import org.bulwark.operations.api.ExceptionOperations;
import org.bulwark.operations.api.FileOutput;
import org.bulwark.operations.api.Location;
import org.bulwark.operations.api.Locations;
import org.bulwark.operations.api.OperationException;
import org.bulwark.operations.api.PreparedUpload;
import org.bulwark.operations.api.RecommendationRows;
import org.bulwark.operations.api.RemediationOperations;
import org.bulwark.operations.api.ReportSink;
import org.bulwark.operations.api.StoreOpener;
import org.bulwark.operations.api.UploadBody;
import org.bulwark.operations.api.UploadIntake;
import org.bulwark.operations.api.UploadOutcome;
import org.bulwark.operations.api.UploadPolicy;
import org.bulwark.report.api.ReportFormat;
import org.bulwark.report.api.ReportWriter;
import org.bulwark.report.api.ReportedExposure;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.Device;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.StoreException;
import org.bulwark.testing.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In OSGi: every operations service is registered with its references wired, assess-and-store writes the report
 * before it stores and keeps it when the store cannot be used, and the upload intake refuses and stores as a fleet
 * server's API did.
 */
class ServicesTest {

    @TempDir
    Path dir;

    @Test
    void everyServiceIsRegistered() throws Exception {
        for (Class<?> type : List.of(Locations.class, Assessments.class, UploadIntake.class, ExceptionOperations.class,
                RemediationOperations.class, RecommendationRows.class, EntityJson.class, EntityCsv.class,
                FileOutput.class)) {
            assertNotNull(Services.await(type), type.getName());
        }
    }

    private StoreOpener embedded() throws InterruptedException {
        Locations locations = Services.await(Locations.class);
        return locations.opener(locations.resolve(dir.resolve("data"), null));
    }

    @Test
    void anAssessmentIsReportedThenStored() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        List<String> steps = new ArrayList<>();
        StoreOpener store = embedded();
        StoreOpener watched = () -> {
            steps.add("open");
            return store.open();
        };
        List<ReportedExposure> exposures = new ArrayList<>();
        AssessOutcome outcome = Services.await(Assessments.class).assess(AssessOrder.of(root), watched,
                new ReportSink() {
                    @Override
                    public void write(Assessment a) {
                        throw new AssertionError("the sink that shows exposure is called with it");
                    }

                    @Override
                    public void write(Assessment a, ReportedExposure e) {
                        steps.add("report of " + a.root());
                        exposures.add(e);
                    }
                }, null);
        // exceptions and groups, the exposure against the stored feeds, then the save
        assertEquals(List.of("open", "open", "report of " + root, "open"), steps);
        ReportedExposure e = exposures.get(0);
        assertEquals(Optional.empty(), e.score(), "an empty root has no dpkg inventory");
        assertTrue(e.stale(), "no advisory feed is imported");
        assertTrue(e.reason().startsWith("no "), e.reason());
        try (AssessmentStore db = store.open()) {
            String report = db.assessment(db.history(null, null).get(0).id()).orElseThrow().reportJson();
            assertTrue(report.contains("\"exposure\" : {"), "the stored report has the exposure: " + report);
        }
        assertNull(outcome.storeFailure());
        assertEquals(List.of(), outcome.warnings());
        assertEquals(1, outcome.stored().id());
        try (AssessmentStore db = store.open()) {
            assertEquals(1, db.history(null, null).size());
        }
        assertEquals(2, Services.await(Assessments.class).store(store, outcome.assessment()).id());
    }

    @Test
    void theChangeTimelineIsPairedNewestFirstAndPaged() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        StoreOpener store = embedded();
        Assessments assessments = Services.await(Assessments.class);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(assessments.assess(AssessOrder.of(root), store, null, null).stored().id());
        }
        try (AssessmentStore db = store.open()) {
            String device = db.devices().get(0).id();
            Changes first = assessments.changes(db, device, 0, 1);
            assertEquals(2, first.pairs());
            assertEquals(1, first.diffs().size());
            assertEquals(List.of(ids.get(1), ids.get(2)), List.of(first.diffs().get(0).from().id(),
                    first.diffs().get(0).to().id()), "the newest pair first");
            Changes rest = assessments.changes(db, device, 1, 10);
            assertEquals(2, rest.pairs());
            assertEquals(List.of(ids.get(0), ids.get(1)), List.of(rest.diffs().get(0).from().id(),
                    rest.diffs().get(0).to().id()));
            assertEquals(List.of(), assessments.changes(db, device, 2, 10).diffs(), "past the end");
            assertThrows(StoreException.class, () -> assessments.changes(db, "no-such-device", 0, 10),
                    "an unknown device is the store's error, as for its history");
            assertThrows(IllegalArgumentException.class, () -> assessments.changes(db, device, -1, 10));
        }
    }

    @Test
    void aStoreThatCannotBeOpenedNeverCostsTheReport() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        Locations locations = Services.await(Locations.class);
        StoreOpener broken = locations.opener(new Location(dir, "jdbc:mysql://localhost/bulwark"));
        List<Assessment> reported = new ArrayList<>();
        AssessOutcome outcome = Services.await(Assessments.class).assess(AssessOrder.of(root), broken,
                reported::add, null);
        assertEquals(List.of(outcome.assessment()), reported);
        assertNull(outcome.stored());
        assertEquals(StoreException.Reason.UNAVAILABLE, outcome.storeFailure().reason());
        assertEquals(List.of("stored exceptions could not be read: " + outcome.storeFailure().getMessage()),
                outcome.warnings());
    }

    @Test
    void badOrdersAndAFailingSinkStoreNothing() throws Exception {
        Assessments assessments = Services.await(Assessments.class);
        OperationException e = assertThrows(OperationException.class, () -> assessments.assess(
                AssessOrder.of(dir.resolve("missing")), embedded(), null, null));
        assertEquals("root " + dir.resolve("missing") + " is not a directory", e.getMessage());
        assertEquals("root", e.field());
        Path root = Files.createDirectories(dir.resolve("root"));
        IOException x = assertThrows(IOException.class, () -> assessments.assess(AssessOrder.of(root), embedded(),
                a -> {
                    throw new IOException("disk full");
                }, null));
        assertEquals("disk full", x.getMessage());
        try (AssessmentStore db = embedded().open()) {
            assertEquals(0, db.history(null, null).size());
        }
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> assessments.assess(AssessOrder.of(root), embedded(), null,
                null));
        assertTrue(!Thread.interrupted(), "the interrupt was taken");
    }

    /** @return an agent's upload of an empty assessment of {@code root} with {@code results} as its results */
    private byte[] upload(Path root, String results) throws Exception {
        Assessment a = Services.await(Assessments.class).assess(AssessOrder.of(root), null, null, null)
                .assessment();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Services.await(ReportWriter.class).write(a, ReportFormat.UPLOAD, out);
        return out.toString(StandardCharsets.UTF_8).replace("\"results\":[]", "\"results\":" + results)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static UploadPolicy policy(String group, Set<String> mine) {
        return new UploadPolicy() {
            @Override
            public String groupOf(Device reported) {
                return group;
            }

            @Override
            public boolean mayUpload(String g) {
                return mine.contains(g);
            }

            @Override
            public Set<String> uploaderGroups() {
                return mine;
            }
        };
    }

    @Test
    void uploadsAreRefusedAsTheServerDidAndStoredWithTheirGroup() throws Exception {
        Files.createDirectories(dir.resolve("root/etc"));
        Files.writeString(dir.resolve("root/etc/machine-id"), "m1\n");
        Files.writeString(dir.resolve("root/etc/hostname"), "web1\n");
        UploadIntake intake = Services.await(UploadIntake.class);
        try (AssessmentStore db = embedded().open()) {
            OperationException bad = assertThrows(OperationException.class, () -> intake.accept(db,
                    new UploadBody("{\"upload\": 2}".getBytes(StandardCharsets.UTF_8), null),
                    policy("web", Set.of("web")), List.of()));
            assertEquals("invalid_report", bad.code());
            assertTrue(bad.getMessage().startsWith("upload:1:"), bad.getMessage());

            String unknown = "[" + String.join(",", List.of("a", "b", "c", "d", "e", "f", "g").stream()
                    .map(id -> "{\"id\":\"" + id + "\",\"state\":\"PASS\",\"reason\":null,\"evidence\":[]}")
                    .toList()) + "]";
            OperationException controls = assertThrows(OperationException.class, () -> intake.accept(db,
                    new UploadBody(upload(dir.resolve("root"), unknown), null), policy("web", Set.of("web")),
                    List.of()));
            assertEquals("unknown_controls", controls.code());
            assertEquals("controls", controls.field());
            assertEquals("controls: unknown to this server: a, b, c, d, e and 2 more", controls.getMessage());

            byte[] empty = upload(dir.resolve("root"), "[]");
            OperationException forbidden = assertThrows(OperationException.class, () -> intake.accept(db,
                    new UploadBody(empty, null), policy("db", Set.of("web", "app")), List.of()));
            assertEquals(OperationException.Kind.FORBIDDEN, forbidden.kind());
            assertEquals("forbidden", forbidden.code());
            assertEquals("group: machine 'm1' (web1) belongs to device group 'db', which this token may not upload "
                    + "to (its groups: app, web)", forbidden.getMessage());
            assertEquals(0, db.history(null, null).size(), "nothing stored");

            UploadOutcome stored = intake.accept(db, new UploadBody(empty, null), policy("web", Set.of("web")),
                    List.of());
            assertEquals(1, stored.saved().id());
            assertEquals(new Device("m1", "web1", "", Set.of("web")).groups(), stored.saved().device().groups());
            assertEquals("m1", stored.results().device().id());
            assertEquals(Set.of("web"), stored.results().device().groups());
            assertEquals(List.of(), stored.controls());
            assertEquals(new String(empty, StandardCharsets.UTF_8), db.assessment(1).orElseThrow().reportJson());
        }
    }

    @Test
    void aMachineStaysInItsFirstGroupUnlessTheUploaderMayUploadToBoth() throws Exception {
        Files.createDirectories(dir.resolve("root/etc"));
        Files.writeString(dir.resolve("root/etc/machine-id"), "m1\n");
        Files.writeString(dir.resolve("root/etc/hostname"), "web1\n");
        byte[] empty = upload(dir.resolve("root"), "[]");
        UploadIntake intake = Services.await(UploadIntake.class);
        try (AssessmentStore db = embedded().open()) {
            PreparedUpload first = intake.prepare(db, new UploadBody(empty, null), policy("db", Set.of("db")),
                    List.of());
            assertEquals(Set.of("db"), first.device().groups());
            assertEquals(0, db.history(null, null).size(), "prepared, not stored");
            assertEquals(1, intake.save(db, first).saved().id());

            // a token of another group claims the db machine's id (its rules put the host name in web): refused
            OperationException takeover = assertThrows(OperationException.class, () -> intake.accept(db,
                    new UploadBody(empty, null), policy("web", Set.of("web")), List.of()));
            assertEquals(OperationException.Kind.FORBIDDEN, takeover.kind());
            assertEquals("group", takeover.field());
            assertEquals("group: machine 'm1' (web1) belongs to device group 'db', which this token may not upload "
                    + "to (its groups: web)", takeover.getMessage());
            assertEquals(1, db.history(null, null).size(), "nothing stored");
            assertEquals(Set.of("db"), db.device("m1").orElseThrow().groups());

            // the rules now say web, the machine's own uploader covers db only: it stays in db
            UploadOutcome stays = intake.accept(db, new UploadBody(empty, null), policy("web", Set.of("db")),
                    List.of());
            assertEquals(Set.of("db"), stays.saved().device().groups());
            assertEquals(Set.of("db"), db.device("m1").orElseThrow().groups());

            // an uploader of both groups moves it
            UploadOutcome moved = intake.accept(db, new UploadBody(empty, null),
                    policy("web", Set.of("db", "web")), List.of());
            assertEquals(3, moved.saved().id());
            assertEquals(Set.of("web"), moved.saved().device().groups());
            assertEquals(Set.of("web"), db.device("m1").orElseThrow().groups());
            assertEquals(Optional.empty(), db.device("m2"));
        }
    }
}
