package org.bulwark.ui.internal.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.bulwark.collector.api.Category;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.Justification;
import org.bulwark.store.api.Remediation;
import org.bulwark.ui.WorkbenchTopics;
import org.bulwark.ui.internal.Session;
import org.bulwark.ui.internal.TestBroker;
import org.bulwark.ui.internal.TestSessions;
import org.bulwark.ui.internal.jobs.LoadJob;
import org.bulwark.ui.internal.jobs.ReassessJob;
import org.bulwark.ui.internal.model.Row;
import org.bulwark.ui.internal.model.Snapshot;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parts on real SWT widgets (under Xvfb in the build), wired as in the workbench: the real assessment,
 * scoring, store and report services of the test runtime, a temporary store, and a fixture filesystem assessed
 * as a mounted root. Screenshots go to {@code target/screenshots/}.
 */
class WorkbenchPartsTest {

    private static final String ASLR = "kernel.randomize_va_space = 2";

    @TempDir
    Path tmp;
    private Display display;
    private Shell shell;
    private TestSessions sessions;
    private Session session;
    private Path root;
    private DashboardPart dashboard;
    private RecommendationsPart recommendations;
    private DetailsPart details;
    private ActivitiesPart activities;
    private CTabFolder left;
    private CTabFolder right;

    @BeforeEach
    void open() throws Exception {
        display = Display.getDefault();
        root = tmp.resolve("root");
        write("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n");
        write("etc/sysctl.d/99-bulwark.conf", "net.ipv4.ip_forward = 0\n");
        TestBroker broker = new TestBroker(display);
        sessions = new TestSessions();
        session = sessions.open(broker, tmp.resolve("data"), root);
        // the first assessment of the fixture, as `bulwark assess --root` would store it
        session.backend().reassess(org.bulwark.scoring.api.AssessmentListener.NONE);

        shell = new Shell(display);
        shell.setText("Bulwark");
        shell.setLayout(new FillLayout());
        SashForm sash = new SashForm(shell, SWT.HORIZONTAL);
        left = new CTabFolder(sash, SWT.BORDER);
        right = new CTabFolder(sash, SWT.BORDER);
        dashboard = new DashboardPart();
        dashboard.create(tab(left, "Dashboard"), session, null, null);
        activities = new ActivitiesPart();
        activities.create(tab(left, "Remediation activities"), session);
        recommendations = new RecommendationsPart();
        recommendations.create(tab(right, "Security recommendations"), session, null);
        details = new DetailsPart();
        details.create(tab(right, "Recommendation details"), session);
        left.setSelection(0);
        right.setSelection(0);
        sash.setWeights(45, 55);
        broker.on(WorkbenchTopics.SNAPSHOT, o -> {
            Snapshot s = (Snapshot) o;
            dashboard.show(s);
            recommendations.show(s);
            activities.show(s);
            details.show(session.selected());
        });
        broker.on(WorkbenchTopics.CATEGORY_SELECTED, o -> recommendations.filterCategory((Category) o));
        broker.on(WorkbenchTopics.RECOMMENDATION_SELECTED, o -> details.show((String) o));
        shell.setSize(1400, 900);
        shell.open();
        session.ensureLoaded();
        waitFor(() -> session.current() != null && session.current().score() != null, "the first snapshot");
    }

    private static Composite tab(CTabFolder folder, String text) {
        Composite c = new Composite(folder, SWT.NONE);
        c.setLayout(new FillLayout());
        CTabItem item = new CTabItem(folder, SWT.NONE);
        item.setText(text);
        item.setControl(c);
        return c;
    }

    @AfterEach
    void close() throws InterruptedException {
        Job.getJobManager().join(LoadJob.FAMILY, null);
        if (shell != null) {
            shell.dispose();
        }
        sessions.close();
    }

    private void write(String path, String text) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private void waitFor(BooleanSupplier condition, String what) {
        long end = System.currentTimeMillis() + 60_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
        settle();
    }

    private void settle() {
        for (int i = 0; i < 50; i++) {
            while (display.readAndDispatch()) {
                // drain
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void join(Job job) throws InterruptedException {
        while (job.getResult() == null) {
            if (!display.readAndDispatch()) {
                Thread.sleep(10);
            }
        }
        assertTrue(job.getResult().isOK(), job.getResult().toString());
    }

    private void screenshot(String name) throws IOException {
        settle();
        Rectangle b = shell.getBounds();
        Image image = new Image(display, b.width, b.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, b.x, b.y);
        } finally {
            gc.dispose();
        }
        ImageData data = image.getImageData();
        image.dispose();
        Path dir = Path.of(System.getProperty("bulwark.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] { data };
        loader.save(dir.resolve(name + ".png").toString(), SWT.IMAGE_PNG);
    }

    private Snapshot now() {
        return session.current();
    }

    @Test
    void clickingACategoryTileShowsOnlyThatCategoryInTheTable() throws Exception {
        Snapshot s = now();
        assertFalse(s.rows().isEmpty());
        assertEquals(DashboardPart.fmt(s.score().score()), dashboard.score.getText());
        screenshot("dashboard");
        long network = s.rows().stream().filter(r -> r.category() == Category.NETWORK).count();
        assertTrue(network > 0 && network < s.rows().size(), "the fixture has network and other recommendations");

        Composite tile = dashboard.tiles.get(Category.NETWORK);
        tile.notifyListeners(SWT.MouseUp, new Event());
        settle();

        assertEquals(Category.NETWORK, recommendations.query().category());
        assertEquals(network, recommendations.table.getItemCount());
        for (int i = 0; i < recommendations.table.getItemCount(); i++) {
            assertEquals("Network", recommendations.table.getItem(i).getText(1), "row " + i);
        }
        assertEquals("Network", recommendations.category.getText());
        // impact descending by default
        List<Row> shown = recommendations.shown();
        for (int i = 1; i < shown.size(); i++) {
            assertTrue(shown.get(i - 1).impact() >= shown.get(i).impact());
        }
        screenshot("recommendations-network");
    }

    @Test
    void afterARestartTheDetailsShowTheEvidenceOfTheStoredReport() throws Exception {
        Row top = now().rows().get(0);
        List<org.bulwark.scoring.api.Recommendation.DeviceEvidence> live = now().evidence().get(top.controlId());
        assertNotNull(live, "evidence of the assessment run in this session");
        try (TestSessions other = new TestSessions()) {
            Session restarted = other.open(new TestBroker(display), tmp.resolve("data"), root);
            Snapshot loaded = restarted.backend().load();
            assertTrue(loaded.evidence().isEmpty(), "nothing assessed in the restarted session");
            Snapshot stored = restarted.backend().withStoredEvidence(loaded);
            List<org.bulwark.scoring.api.Recommendation.DeviceEvidence> evidence = stored.evidence()
                    .get(top.controlId());
            assertNotNull(evidence, "evidence of " + top.controlId() + " from the stored report");
            assertEquals(1, evidence.size());
            assertEquals(live.get(0).deviceId(), evidence.get(0).deviceId());
            assertEquals(live.get(0).result().state(), evidence.get(0).result().state());
            assertEquals(live.get(0).result().evidence().stream().map(e -> e.key() + "=" + e.expected()).toList(),
                    evidence.get(0).result().evidence().stream().map(e -> e.key() + "=" + e.expected()).toList());
            for (Row r : stored.rows()) {
                if (r.status() == Row.Status.ACTIVE) {
                    assertTrue(stored.evidence().containsKey(r.controlId()), r.controlId());
                }
            }
        }
    }

    @Test
    void aSubmittedRemediationRequestIsInTheActivitiesAndTheCsv() throws Exception {
        Row top = recommendations.shown().get(0);
        recommendations.table.setSelection(0);
        recommendations.table.notifyListeners(SWT.Selection, new Event());
        settle();
        assertEquals(top.controlId(), session.selected());
        assertTrue(details.title.getText().contains(top.controlId()), details.title.getText());
        assertTrue(details.submit.isEnabled());

        LocalDate due = LocalDate.now().plusDays(7);
        join(details.submit(new Remediation.Request("Fix " + top.title(), top.controlId(),
                Remediation.Scope.DEVICES, top.exposedDevices(), null, Remediation.Priority.HIGH, due,
                "from the UI test", "tester")));
        waitFor(() -> activities.table.getItemCount() == 1, "the activity in the activities part");
        assertEquals("Fix " + top.title(), activities.table.getItem(0).getText(1));
        assertEquals(top.controlId(), activities.table.getItem(0).getText(2));
        assertEquals(due.toString(), activities.table.getItem(0).getText(4));
        assertEquals("active", activities.table.getItem(0).getText(5));

        Path csv = tmp.resolve("export/activities.csv");
        join(details.export(csv));
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(2, lines.size(), lines.toString());
        assertEquals("id,title,control_id,category,scope,targets,priority,due,status,completion,completed,"
                + "target_devices,fixed_devices,requester,created,notes,updated,updated_by,cancelled,cancelled_by",
                lines.get(0));
        assertTrue(lines.get(1).contains(top.controlId()) && lines.get(1).contains("high")
                && lines.get(1).contains(due.toString()) && lines.get(1).contains("from the UI test"), lines.get(1));
        left.setSelection(1);
        right.setSelection(1);
        screenshot("activities-and-details");

        // cancelled: still listed, as cancelled, and exported with who and when
        long id = activities.activities().get(0).id();
        join(activities.cancelActivity(id));
        waitFor(() -> "cancelled".equals(activities.table.getItem(0).getText(5)), "the activity shown as cancelled");
        join(details.export(csv));
        settle(); // what the jobs posted to the UI thread runs while the parts exist
        String row = Files.readAllLines(csv, StandardCharsets.UTF_8).get(1);
        assertTrue(row.contains(",cancelled,") && row.endsWith("," + System.getProperty("user.name", "workbench")),
                row);
    }

    @Test
    void anExceptionWithCreditChangesTheStatusAndRaisesTheScore() throws Exception {
        Snapshot before = now();
        Row top = recommendations.shown().get(0);
        assertEquals(Row.Status.ACTIVE, top.status());
        join(details.createException(new ControlException("ex-uitest1", top.controlId(),
                ControlException.Scope.GLOBAL, null, Justification.THIRD_PARTY_CONTROL, "tester", Instant.now(),
                null, "covered by the data-centre firewall")));
        waitFor(() -> now() != before && now().row(top.controlId()) != null
                && now().row(top.controlId()).status() == Row.Status.EXCEPTION, "the exception status");
        assertTrue(now().score().score() > before.score().score(),
                now().score().score() + " > " + before.score().score());
        assertEquals(DashboardPart.fmt(now().score().score()), dashboard.score.getText());
        assertEquals(before.active(null) - 1, now().active(null));
    }

    @Test
    void aCancelledReassessmentStoresNothing() throws Exception {
        Snapshot before = now();
        ReassessJob job = new ReassessJob(session);
        job.schedule();
        // cancel while it runs (a job cancelled before it runs has no result)
        while (job.getState() != Job.RUNNING && job.getResult() == null) {
            Thread.sleep(1);
        }
        job.cancel();
        while (job.getResult() == null) {
            if (!display.readAndDispatch()) {
                Thread.sleep(10);
            }
        }
        assertEquals(org.eclipse.core.runtime.IStatus.CANCEL, job.getResult().getSeverity());
        session.refresh();
        waitFor(() -> now() != before, "a reloaded snapshot");
        assertEquals(before.history().size(), now().history().size());
        assertEquals(before.score().score(), now().score().score());
    }

    @Test
    void reassessingAfterAFixIncreasesTheScoreAndTheRecommendationLeaves() throws Exception {
        Snapshot before = now();
        Row aslr = before.rows().stream().filter(r -> r.title().toLowerCase().contains("randomization"))
                .findFirst().orElse(null);
        assertNotNull(aslr, "ASLR is a recommendation before the fix: " + before.rows());
        write("etc/sysctl.d/99-bulwark.conf", "net.ipv4.ip_forward = 0\n" + ASLR + "\n");

        ReassessJob job = new ReassessJob(session);
        job.schedule();
        join(job);
        waitFor(() -> now() != before && now().history().size() == 2, "the re-assessed snapshot");
        assertTrue(now().score().score() > before.score().score(),
                now().score().score() + " > " + before.score().score());
        assertEquals(null, now().row(aslr.controlId()));
        assertEquals(2, dashboard.chart.history().size());
        screenshot("dashboard-after-reassess");
    }
}
