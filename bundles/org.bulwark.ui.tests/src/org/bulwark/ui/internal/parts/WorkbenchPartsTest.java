package org.bulwark.ui.internal.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.bulwark.collector.api.Category;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.Justification;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.Remediation;
import org.bulwark.store.api.StoredException;
import org.bulwark.ui.WorkbenchTopics;
import org.bulwark.ui.internal.Session;
import org.bulwark.ui.internal.TestBroker;
import org.bulwark.ui.internal.TestSessions;
import org.bulwark.ui.internal.jobs.LoadJob;
import org.bulwark.ui.internal.jobs.ReassessJob;
import org.bulwark.ui.internal.model.Row;
import org.bulwark.ui.internal.model.Snapshot;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
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
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
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
    private ExceptionsPart exceptions;
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
        exceptions = new ExceptionsPart();
        exceptions.create(tab(left, "Exceptions"), session);
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
            exceptions.show(s);
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
        screenshot(shell, name);
    }

    private void screenshot(Shell of, String name) throws IOException {
        settle();
        // the client area on the screen: under Xvfb no window manager draws the trim the bounds leave room for
        Rectangle b = display.map(of, null, of.getClientArea());
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

    interface Driver<T> {
        void drive(T window) throws Exception;
    }

    /**
     * Clicks {@code button}, and drives the modal {@code type} window it opens (a dialog runs its own event loop:
     * the driver runs in it); the window must be closed by the driver. A failing driver closes the window as its
     * close box would (cancel) and fails the test.
     */
    private <T extends Window> void clickAndDrive(Button button, Class<T> type, Driver<T> driver) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean driven = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        long end = System.currentTimeMillis() + 30_000;
        Runnable[] find = new Runnable[1];
        find[0] = () -> {
            if (stop.get()) {
                return;
            }
            T window = null;
            for (Shell s : display.getShells()) {
                if (!s.isDisposed() && type.isInstance(s.getData())) {
                    window = type.cast(s.getData());
                }
            }
            if (window == null) {
                if (System.currentTimeMillis() < end) {
                    display.timerExec(20, find[0]);
                }
                return;
            }
            try {
                driver.drive(window);
                driven.set(true);
            } catch (Throwable t) {
                failure.set(t);
                if (window.getShell() != null && !window.getShell().isDisposed()) {
                    window.getShell().close();
                }
            }
        };
        display.asyncExec(find[0]);
        assertTrue(button.isEnabled(), button.getText() + " is enabled");
        button.notifyListeners(SWT.Selection, new Event());
        stop.set(true);
        if (failure.get() != null) {
            throw new AssertionError("while " + type.getSimpleName() + " was open: " + failure.get(), failure.get());
        }
        assertTrue(driven.get(), button.getText() + " opened a " + type.getSimpleName());
    }

    /** @return the button labelled {@code label} (mnemonics ignored) in {@code window} */
    private static Button button(Window window, String label) {
        Button b = find(window.getShell(), label);
        assertNotNull(b, "a button " + label);
        return b;
    }

    private static Button find(Control c, String label) {
        if (c instanceof Button b && b.getText().replace("&", "").equals(label)) {
            return b;
        }
        if (c instanceof Composite parent) {
            for (Control child : parent.getChildren()) {
                Button b = find(child, label);
                if (b != null) {
                    return b;
                }
            }
        }
        return null;
    }

    /** @return whether {@code c} shows a label {@code text} */
    private static boolean label(Control c, String text) {
        if (c instanceof org.eclipse.swt.widgets.Label l && l.getText().equals(text)) {
            return true;
        }
        if (c instanceof Composite parent) {
            for (Control child : parent.getChildren()) {
                if (label(child, text)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void choose(org.eclipse.swt.widgets.Combo combo, String item) {
        combo.select(combo.indexOf(item));
        combo.notifyListeners(SWT.Selection, new Event());
    }

    private List<Remediation> stored() throws Exception {
        Job.getJobManager().join(LoadJob.FAMILY, null);
        try (AssessmentStore db = session.stores().open(session.backend().location().jdbcUrl())) {
            return db.remediations();
        }
    }

    private Remediation submitActivity(Row top, LocalDate due) throws Exception {
        join(details.submit(new Remediation.Request("Fix " + top.title(), top.controlId(),
                Remediation.Scope.DEVICES, top.exposedDevices(), null, Remediation.Priority.HIGH, due,
                "from the UI test", "tester")));
        waitFor(() -> activities.table.getItemCount() == 1, "the activity in the activities part");
        left.setSelection(1);
        activities.table.setSelection(0);
        activities.table.notifyListeners(SWT.Selection, new Event());
        settle();
        return activities.activities().get(0);
    }

    private List<String> cells(int row) {
        List<String> cells = new java.util.ArrayList<>();
        for (int i = 0; i < activities.table.getColumnCount(); i++) {
            cells.add(activities.table.getItem(row).getText(i));
        }
        return cells;
    }

    private List<StoredException> storedExceptions() throws Exception {
        Job.getJobManager().join(LoadJob.FAMILY, null);
        try (AssessmentStore db = session.stores().open(session.backend().location().jdbcUrl())) {
            return db.exceptions();
        }
    }

    private List<String> exceptionCells(int row) {
        List<String> cells = new java.util.ArrayList<>();
        for (int i = 0; i < exceptions.table.getColumnCount(); i++) {
            cells.add(exceptions.table.getItem(row).getText(i));
        }
        return cells;
    }

    private void selectException(int row) {
        exceptions.table.setSelection(row);
        exceptions.table.notifyListeners(SWT.Selection, new Event());
        settle();
    }

    /** @return {@code t} as the exceptions part shows it, {@code YYYY-MM-DD HH:MM} (UTC) */
    private static String utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC).toLocalDate() + " " + String.format(Locale.ROOT, "%02d:%02d",
                t.atOffset(ZoneOffset.UTC).getHour(), t.atOffset(ZoneOffset.UTC).getMinute());
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

    @Test
    void anActiveActivityIsEditedInTheDialogAndTheTableTheStoreAndTheCsvShowTheNewValues() throws Exception {
        Row top = recommendations.shown().get(0);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Remediation before = submitActivity(top, today.plusDays(7));
        LocalDate due = today.plusDays(30);
        String user = System.getProperty("user.name", "workbench");

        Instant from = Instant.now().truncatedTo(ChronoUnit.MICROS);
        clickAndDrive(activities.edit, EditActivityDialog.class, d -> {
            // filled with the current values
            assertEquals("Edit remediation activity", d.getShell().getText());
            assertTrue(label(d.getShell(), "Edit activity #" + before.id()), "the title area names the activity");
            assertEquals("Fix " + top.title(), d.title.getText());
            assertEquals("high", d.priority.getText());
            assertEquals(today.plusDays(7).toString(), d.due.getText());
            assertFalse(d.noDue.getSelection());
            assertEquals("from the UI test", d.notes.getText());
            assertFalse(button(d, "OK").isEnabled(), "nothing changed yet");

            d.title.setText("Harden ASLR, then reboot");
            choose(d.priority, "low");
            d.due.setText(due.toString());
            d.notes.setText("patch window: Saturday");
            assertNull(d.getErrorMessage());
            assertNull(d.error());
            assertTrue(button(d, "OK").isEnabled());
            screenshot(d.getShell(), "edit-activity-dialog");
            button(d, "OK").notifyListeners(SWT.Selection, new Event());
        });
        waitFor(() -> "Harden ASLR, then reboot".equals(activities.table.getItem(0).getText(1)),
                "the edited activity in the table");
        Instant to = Instant.now();
        assertEquals(List.of(Long.toString(before.id()), "Harden ASLR, then reboot", top.controlId(), "low",
                due.toString(), "active", before.fixedDevices() + "/" + before.targetDevices(), "tester"), cells(0));
        assertEquals(0, activities.table.getSelectionIndex(), "the edited activity stays selected");
        assertTrue(activities.edit.isEnabled());
        screenshot("activity-edited");

        // in the store: the four fields, who updated it and when; nothing else changed
        List<Remediation> stored = stored();
        assertEquals(1, stored.size());
        Remediation r = stored.get(0);
        assertTrue(!r.updated().isBefore(from) && !r.updated().isAfter(to), r.updated() + " in [" + from + ", "
                + to + "]");
        assertEquals(new Remediation(before.id(), "Harden ASLR, then reboot", top.controlId(), top.category(),
                Remediation.Scope.DEVICES, top.exposedDevices(), null, Remediation.Priority.LOW, due,
                "patch window: Saturday", "tester", before.created(), Remediation.Status.ACTIVE, null, null,
                before.targetDevices(), before.fixedDevices(), null, null, r.updated(), user), r);

        // in the CSV
        Path csv = tmp.resolve("export/activities.csv");
        join(details.export(csv));
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(List.of(String.join(",", Remediation.CSV_COLUMNS), before.id() + ",\"Harden ASLR, then reboot\","
                + top.controlId() + "," + top.category().name().toLowerCase(Locale.ROOT).replace('_', '-')
                + ",devices," + String.join(" ", top.exposedDevices()) + ",low," + due + ",active,,,"
                + before.targetDevices() + "," + before.fixedDevices() + ",tester," + before.created()
                + ",patch window: Saturday," + r.updated() + "," + user + ",,"), lines);

        // "attention required": the due date removed
        clickAndDrive(activities.edit, EditActivityDialog.class, d -> {
            assertEquals("Harden ASLR, then reboot", d.title.getText());
            assertEquals("low", d.priority.getText());
            assertEquals(due.toString(), d.due.getText());
            d.noDue.setSelection(true);
            d.noDue.notifyListeners(SWT.Selection, new Event());
            assertFalse(d.due.isEnabled());
            button(d, "OK").notifyListeners(SWT.Selection, new Event());
        });
        waitFor(() -> "attention required".equals(activities.table.getItem(0).getText(4)),
                "the activity without a due date");
        assertNull(stored().get(0).due());

        // cancelled through its button and the confirmation: final, so it cannot be edited
        clickAndDrive(activities.cancel, MessageDialog.class, m -> {
            assertEquals("Bulwark", m.getShell().getText());
            button(m, "OK").notifyListeners(SWT.Selection, new Event());
        });
        waitFor(() -> "cancelled".equals(activities.table.getItem(0).getText(5)), "the cancelled activity");
        assertEquals(0, activities.table.getSelectionIndex());
        assertFalse(activities.edit.isEnabled(), "a cancelled activity cannot be edited");
        assertFalse(activities.complete.isEnabled(), "nor completed");
        assertFalse(activities.cancel.isEnabled(), "nor cancelled again");
        assertEquals(Remediation.Status.CANCELLED, stored().get(0).status());
        assertEquals(user, stored().get(0).cancelledBy());
        activities.table.deselectAll();
        activities.table.notifyListeners(SWT.Selection, new Event());
        assertFalse(activities.edit.isEnabled(), "nothing selected");
        assertFalse(activities.complete.isEnabled(), "nothing selected");
    }

    @Test
    void aBadDueDateIsShownInTheEditDialogAndNothingIsWritten() throws Exception {
        Row top = recommendations.shown().get(0);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        submitActivity(top, today.plusDays(7));
        List<Remediation> before = stored();
        List<String> shown = cells(0);

        clickAndDrive(activities.edit, EditActivityDialog.class, d -> {
            d.notes.setText("changed, but never saved");
            d.due.setText("2020-01-01");
            assertEquals("The due date 2020-01-01 is in the past (today is " + today + " UTC).",
                    d.getErrorMessage());
            assertFalse(button(d, "OK").isEnabled());
            // even pressed, OK does not close the dialog nor write anything
            button(d, "OK").notifyListeners(SWT.Selection, new Event());
            assertFalse(d.getShell().isDisposed(), "the dialog stays open");

            d.due.setText("31.12.2030");
            assertEquals("\"31.12.2030\" is not a date: enter the due date as YYYY-MM-DD.", d.getErrorMessage());
            assertFalse(button(d, "OK").isEnabled());
            screenshot(d.getShell(), "edit-activity-bad-date");

            d.due.setText(today.plusDays(9).toString());
            d.title.setText("  ");
            assertEquals("The title is required.", d.getErrorMessage());
            assertFalse(button(d, "OK").isEnabled());
            d.title.setText("Fix it");
            assertNull(d.getErrorMessage());
            assertTrue(button(d, "OK").isEnabled());
            button(d, "Cancel").notifyListeners(SWT.Selection, new Event());
        });
        settle();
        assertEquals(before, stored(), "nothing written");
        assertNull(stored().get(0).updated());
        assertEquals(shown, cells(0));
    }

    @Test
    void storedExceptionsAreListedAnActiveOneIsEditedInTheDialogAndCancelledAndTheScoreFollows() throws Exception {
        Snapshot before = now();
        Row top = recommendations.shown().get(0);
        assertEquals(Row.Status.ACTIVE, top.status());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Instant created = today.minusDays(1).atTime(9, 30).toInstant(ZoneOffset.UTC);
        Instant expires = today.plusDays(30).atStartOfDay(ZoneOffset.UTC).toInstant();
        String user = System.getProperty("user.name", "workbench");
        // through the details part's create path: one that expired today at 00:00 UTC, one active with credit
        join(details.createException(new ControlException("ex-uiold", top.controlId(), ControlException.Scope.GLOBAL,
                null, Justification.RISK_ACCEPTED, "tester", created, today.atStartOfDay(ZoneOffset.UTC).toInstant(),
                null)));
        join(details.createException(new ControlException("ex-uitest2", top.controlId(),
                ControlException.Scope.GLOBAL, null, Justification.THIRD_PARTY_CONTROL, "tester",
                created.plusSeconds(60), expires, "covered by the data-centre firewall")));
        waitFor(() -> exceptions.table.getItemCount() == 2 && now().row(top.controlId()) != null
                && now().row(top.controlId()).status() == Row.Status.EXCEPTION, "both exceptions in the part");
        left.setSelection(2);
        String yesterday = today.minusDays(1).toString();
        assertEquals(List.of("ID", "Status", "Control", "Scope", "Expires (UTC)", "Justification", "Author",
                "Created (UTC)", "Notes"), java.util.Arrays.stream(exceptions.table.getColumns()).map(c -> c.getText())
                        .toList());
        // newest first
        assertEquals(List.of("ex-uitest2", "active", top.controlId(), "global",
                today.plusDays(30) + " 00:00", "third-party-control", "tester", yesterday + " 09:31", "covered by the data-centre firewall"),
                exceptionCells(0));
        assertEquals(List.of("ex-uiold", "expired", top.controlId(), "global", today + " 00:00",
                "risk-accepted", "tester", yesterday + " 09:30", ""), exceptionCells(1));
        assertFalse(exceptions.edit.isEnabled(), "nothing selected");
        assertFalse(exceptions.cancel.isEnabled(), "nothing selected");
        double withCredit = now().score().score();
        assertTrue(withCredit > before.score().score(), withCredit + " > " + before.score().score());

        // an expired exception is listed, not editable
        selectException(1);
        assertFalse(exceptions.edit.isEnabled(), "an expired exception cannot be edited");
        assertFalse(exceptions.cancel.isEnabled(), "nor cancelled");
        assertEquals("ex-uiold: created " + yesterday + " 09:30 UTC by tester", exceptions.audit.getText());
        selectException(0);
        assertTrue(exceptions.edit.isEnabled());
        assertTrue(exceptions.cancel.isEnabled());
        assertEquals("ex-uitest2: created " + yesterday + " 09:31 UTC by tester", exceptions.audit.getText());
        right.setSelection(0);
        screenshot("exceptions");

        LocalDate newExpiry = today.plusDays(90);
        Instant from = Instant.now().truncatedTo(ChronoUnit.MICROS);
        clickAndDrive(exceptions.edit, EditExceptionDialog.class, d -> {
            // filled with the current values
            assertEquals("Edit exception", d.getShell().getText());
            assertTrue(label(d.getShell(), "Edit exception ex-uitest2"), "the title area names the exception");
            assertEquals(today.plusDays(30).toString(), d.expires.getText());
            assertEquals("Third party control (gives credit)", d.justification.getText());
            assertEquals("covered by the data-centre firewall", d.notes.getText());
            assertEquals(top.controlId() + ", global, created " + yesterday + " 09:31 UTC by tester. Change the "
                    + "expiry, justification or notes.", d.getMessage());
            assertFalse(button(d, "OK").isEnabled(), "nothing changed yet");

            d.expires.setText(newExpiry.toString());
            choose(d.justification, "Risk accepted (no credit)");
            d.notes.setText("firewall rule retired; risk accepted until the migration");
            assertNull(d.getErrorMessage());
            assertNull(d.error());
            assertNull(d.warning());
            assertTrue(button(d, "OK").isEnabled());
            screenshot(d.getShell(), "edit-exception-dialog");
            button(d, "OK").notifyListeners(SWT.Selection, new Event());
        });
        waitFor(() -> "risk-accepted".equals(exceptions.table.getItem(0).getText(5))
                && now().row(top.controlId()) != null
                && now().row(top.controlId()).status() == Row.Status.PARTIAL_EXCEPTION, "the edited exception");
        Instant to = Instant.now();
        assertEquals(List.of("ex-uitest2", "active", top.controlId(), "global", newExpiry + " 00:00",
                "risk-accepted", "tester", yesterday + " 09:31", "firewall rule retired; risk accepted until the migration"),
                exceptionCells(0));
        assertEquals(List.of("ex-uiold", "expired", top.controlId(), "global", today + " 00:00",
                "risk-accepted", "tester", yesterday + " 09:30", ""), exceptionCells(1));
        assertEquals(0, exceptions.table.getSelectionIndex(), "the edited exception stays selected");
        assertTrue(exceptions.edit.isEnabled());
        // no credit any more: the score is back where it was, the recommendation shows the exception
        assertEquals(before.score().score(), now().score().score());
        assertEquals(DashboardPart.fmt(before.score().score()), dashboard.score.getText());

        // in the store: the three fields, who updated it and when; nothing else changed
        List<StoredException> stored = storedExceptions();
        assertEquals(2, stored.size());
        StoredException e = stored.get(1);
        assertTrue(!e.updated().isBefore(from) && !e.updated().isAfter(to), e.updated() + " in [" + from + ", " + to
                + "]");
        assertEquals(new StoredException(new ControlException("ex-uitest2", top.controlId(),
                ControlException.Scope.GLOBAL, null, Justification.RISK_ACCEPTED, "tester", created.plusSeconds(60),
                newExpiry.atStartOfDay(ZoneOffset.UTC).toInstant(),
                "firewall rule retired; risk accepted until the migration"), null, null, e.updated(), user), e);
        assertEquals(new StoredException(new ControlException("ex-uiold", top.controlId(),
                ControlException.Scope.GLOBAL, null, Justification.RISK_ACCEPTED, "tester", created,
                today.atStartOfDay(ZoneOffset.UTC).toInstant(), null), null, null), stored.get(0));
        assertEquals("ex-uitest2: created " + yesterday + " 09:31 UTC by tester; updated " + utc(e.updated())
                + " UTC by " + user, exceptions.audit.getText());
        screenshot("exceptions-edited");

        // cancelled through its button and the confirmation: it stops counting, stays listed, is final
        clickAndDrive(exceptions.cancel, MessageDialog.class, m -> {
            assertEquals("Bulwark", m.getShell().getText());
            assertTrue(label(m.getShell(), "Cancel exception ex-uitest2 (" + top.controlId() + ")? It stops counting "
                    + "now, so the score and recommendations change; it stays listed as cancelled."),
                    "the confirmation names the exception");
            button(m, "OK").notifyListeners(SWT.Selection, new Event());
        });
        waitFor(() -> "cancelled".equals(exceptions.table.getItem(0).getText(1))
                && now().row(top.controlId()) != null
                && now().row(top.controlId()).status() == Row.Status.ACTIVE, "the cancelled exception");
        assertEquals(List.of("ex-uitest2", "cancelled", top.controlId(), "global",
                newExpiry + " 00:00", "risk-accepted", "tester", yesterday + " 09:31",
                "firewall rule retired; risk accepted until the migration"), exceptionCells(0));
        assertEquals(0, exceptions.table.getSelectionIndex());
        assertFalse(exceptions.edit.isEnabled(), "a cancelled exception cannot be edited");
        assertFalse(exceptions.cancel.isEnabled(), "nor cancelled again");
        StoredException c = storedExceptions().get(1);
        assertEquals(user, c.cancelledBy());
        assertTrue(!c.cancelled().isBefore(to), c.cancelled() + " >= " + to);
        assertEquals(StoredException.Status.CANCELLED, c.status(Instant.now()));
        assertEquals(new StoredException(e.exception(), c.cancelled(), user, e.updated(), user), c);
        assertEquals("ex-uitest2: created " + yesterday + " 09:31 UTC by tester; updated " + utc(e.updated())
                + " UTC by " + user + "; cancelled " + utc(c.cancelled()) + " UTC by " + user,
                exceptions.audit.getText());
        assertEquals(before.score().score(), now().score().score());
        exceptions.table.deselectAll();
        exceptions.table.notifyListeners(SWT.Selection, new Event());
        assertFalse(exceptions.edit.isEnabled(), "nothing selected");
        assertFalse(exceptions.cancel.isEnabled(), "nothing selected");
        assertEquals("", exceptions.audit.getText());
    }

    @Test
    void aBadExpiryIsShownInTheEditExceptionDialogAndNothingIsWritten() throws Exception {
        Row top = recommendations.shown().get(0);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Instant created = today.minusDays(1).atTime(9, 30).toInstant(ZoneOffset.UTC);
        // through the backend, as `bulwark exception create` would store it
        session.backend().except(new ControlException("ex-uitest3", top.controlId(), ControlException.Scope.GLOBAL,
                null, Justification.ALTERNATE_MITIGATION, "tester", created, null, "segmented network"));
        session.refresh();
        waitFor(() -> exceptions.table.getItemCount() == 1, "the exception in the part");
        left.setSelection(2);
        selectException(0);
        List<StoredException> before = storedExceptions();
        List<String> shown = exceptionCells(0);
        assertEquals(List.of("ex-uitest3", "active", top.controlId(), "global", "never",
                "alternate-mitigation", "tester", today.minusDays(1) + " 09:30", "segmented network"), shown);
        String forms = "YYYY-MM-DD (the start of that day, UTC) or never";

        clickAndDrive(exceptions.edit, EditExceptionDialog.class, d -> {
            assertEquals("never", d.expires.getText());
            d.notes.setText("changed, but never saved");
            d.expires.setText("31.12.2030");
            assertEquals("\"31.12.2030\" is not a date: enter the expiry as " + forms + ".", d.getErrorMessage());
            assertFalse(button(d, "OK").isEnabled());
            // even pressed, OK does not close the dialog nor write anything
            button(d, "OK").notifyListeners(SWT.Selection, new Event());
            assertFalse(d.getShell().isDisposed(), "the dialog stays open");

            String early = today.minusDays(2).toString();
            d.expires.setText(early);
            assertEquals("The expiry " + early + " is not after the exception's creation (" + today.minusDays(1)
                    + " 09:30 UTC).", d.getErrorMessage());
            assertFalse(button(d, "OK").isEnabled());
            screenshot(d.getShell(), "edit-exception-bad-date");

            d.expires.setText(" ");
            assertEquals("Enter the expiry as " + forms + ".", d.getErrorMessage());
            assertFalse(button(d, "OK").isEnabled());

            // today 00:00 UTC: after the creation, but passed: allowed with a warning, as the command line allows it
            d.expires.setText(today.toString());
            assertNull(d.getErrorMessage());
            assertEquals("The expiry " + today + " has passed: the exception stops counting at once (expired).",
                    d.warning());
            assertEquals(d.warning(), d.getMessage());
            assertTrue(button(d, "OK").isEnabled());

            d.expires.setText("never");
            assertNull(d.getErrorMessage());
            assertNull(d.warning());
            assertTrue(button(d, "OK").isEnabled(), "the notes changed");
            button(d, "Cancel").notifyListeners(SWT.Selection, new Event());
        });
        settle();
        assertEquals(before, storedExceptions(), "nothing written");
        assertNull(storedExceptions().get(0).updated());
        assertEquals(shown, exceptionCells(0));
        assertTrue(exceptions.edit.isEnabled());
    }
}
