package org.bulwark.ui.internal.parts;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.bulwark.collector.api.Category;
import org.bulwark.scoring.api.AssessmentListener;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.Remediation;
import org.bulwark.store.api.StoredException;
import org.bulwark.ui.WorkbenchIds;
import org.bulwark.ui.WorkbenchTopics;
import org.bulwark.ui.internal.Session;
import org.bulwark.ui.internal.TestBroker;
import org.bulwark.ui.internal.TestSessions;
import org.bulwark.ui.internal.TestWorkbench;
import org.bulwark.ui.internal.jobs.LoadJob;
import org.bulwark.ui.internal.model.Snapshot;
import org.eclipse.core.runtime.jobs.Job;
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
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parts on real SWT widgets (under Xvfb in the build), wired as in the workbench: the real assessment,
 * scoring, store and report services of the test runtime, a temporary store, a fixture filesystem assessed as a
 * mounted root, and the commands and handlers of fragment.e4xmi ({@link TestWorkbench}) which the parts' buttons
 * execute in each part's context. Screenshots go to {@code target/screenshots/}.
 */
abstract class PartsTestBase {

    static final String ASLR = "kernel.randomize_va_space = 2";
    /** Who changes activities and exceptions in the workbench. */
    static final String USER = Session.user();

    @TempDir
    Path tmp;
    Display display;
    Shell shell;
    TestBroker broker;
    TestSessions sessions;
    Session session;
    TestWorkbench workbench;
    Path root;
    DashboardPart dashboard;
    RecommendationsPart recommendations;
    DetailsPart details;
    ActivitiesPart activities;
    ExceptionsPart exceptions;
    /** The commands of each part, by part id. */
    final Map<String, PartCommands> commands = new java.util.HashMap<>();
    CTabFolder left;
    CTabFolder right;

    @BeforeEach
    void open() throws Exception {
        display = Display.getDefault();
        root = tmp.resolve("root");
        write("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n");
        write("etc/sysctl.d/99-bulwark.conf", "net.ipv4.ip_forward = 0\n");
        broker = new TestBroker(display);
        sessions = new TestSessions();
        session = sessions.open(broker, tmp.resolve("data"), root);
        // the first assessment of the fixture, as `bulwark assess --root` would store it
        session.backend().reassess(AssessmentListener.NONE);

        shell = new Shell(display);
        shell.setText("Bulwark");
        shell.setLayout(new FillLayout());
        workbench = new TestWorkbench(session, shell);
        SashForm sash = new SashForm(shell, SWT.HORIZONTAL);
        left = new CTabFolder(sash, SWT.BORDER);
        right = new CTabFolder(sash, SWT.BORDER);
        dashboard = new DashboardPart();
        dashboard.create(tab(left, "Dashboard"), session, commands(WorkbenchIds.PART_DASHBOARD), null);
        activities = new ActivitiesPart();
        activities.create(tab(left, "Remediation activities"), session, commands(WorkbenchIds.PART_ACTIVITIES));
        exceptions = new ExceptionsPart();
        exceptions.create(tab(left, "Exceptions"), session, commands(WorkbenchIds.PART_EXCEPTIONS));
        recommendations = new RecommendationsPart();
        recommendations.create(tab(right, "Security recommendations"), session, null);
        details = new DetailsPart();
        details.create(tab(right, "Recommendation details"), session, commands(WorkbenchIds.PART_DETAILS));
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

    private PartCommands commands(String partId) {
        PartCommands c = TestWorkbench.commands(workbench.part(partId));
        commands.put(partId, c);
        return c;
    }

    static Composite tab(CTabFolder folder, String text) {
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
        if (broker != null) {
            broker.close(); // what the jobs posted and the display has not run yet goes nowhere
        }
        if (shell != null) {
            shell.dispose();
        }
        if (workbench != null) {
            workbench.close();
        }
        sessions.close();
    }

    void write(String path, String text) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    void waitFor(BooleanSupplier condition, String what) {
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

    void settle() {
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

    /** Waits for {@code job} (a handler's result: not {@code null}) while the display runs; it must succeed. */
    void join(Object job) throws InterruptedException {
        assertNotNull(job, "the handler scheduled a job");
        Job j = (Job) job;
        finish(j);
        assertTrue(j.getResult().isOK(), j.getResult().toString());
    }

    /** Waits for {@code job} to finish while the display runs. */
    void finish(Job job) throws InterruptedException {
        while (job.getResult() == null) {
            if (!display.readAndDispatch()) {
                Thread.sleep(10);
            }
        }
    }

    /** Executes {@code commandId} through the handler service in the context of part {@code partId}. */
    Object execute(String partId, String commandId, Map<String, ?> parameters) {
        return commands.get(partId).execute(commandId, parameters);
    }

    void screenshot(String name) throws IOException {
        screenshot(shell, name);
    }

    void screenshot(Shell of, String name) throws IOException {
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

    Snapshot now() {
        return session.current();
    }

    interface Driver<T> {
        void drive(T window) throws Exception;
    }

    /**
     * Clicks {@code button}, and drives the modal {@code type} window it opens (see {@link #drive}).
     */
    <T extends Window> void clickAndDrive(Button button, Class<T> type, Driver<T> driver) throws Exception {
        assertTrue(button.isEnabled(), button.getText() + " is enabled");
        drive(() -> {
            button.notifyListeners(SWT.Selection, new Event());
            return null;
        }, type, driver, button.getText());
    }

    /**
     * Runs {@code action} and drives the modal {@code type} window it opens (a dialog runs its own event loop: the
     * driver runs in it); the window must be closed by the driver. A failing driver closes the window as its close
     * box would (cancel) and fails the test. With a {@code null} action, waits for the window (one opened later,
     * such as a job's error dialog).
     *
     * @return what {@code action} returned
     */
    <T extends Window, R> R drive(Callable<R> action, Class<T> type, Driver<T> driver, String what)
            throws Exception {
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
        R result = null;
        if (action != null) {
            result = action.call();
        } else {
            while (!driven.get() && failure.get() == null && System.currentTimeMillis() < end) {
                if (!display.readAndDispatch()) {
                    Thread.sleep(10);
                }
            }
        }
        stop.set(true);
        if (failure.get() != null) {
            throw new AssertionError("while " + type.getSimpleName() + " was open: " + failure.get(), failure.get());
        }
        assertTrue(driven.get(), what + " opened a " + type.getSimpleName());
        return result;
    }

    /** @return the button labelled {@code label} (mnemonics ignored) in {@code window} */
    static Button button(Window window, String label) {
        Button b = find(window.getShell(), label);
        assertNotNull(b, "a button " + label);
        return b;
    }

    static Button find(Control c, String label) {
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
    static boolean label(Control c, String text) {
        if (c instanceof Label l && l.getText().equals(text)) {
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

    static void choose(Combo combo, String item) {
        combo.select(combo.indexOf(item));
        combo.notifyListeners(SWT.Selection, new Event());
    }

    /** Selects row {@code row} of {@code table} as a click does. */
    void select(Table table, int row) {
        table.setSelection(row);
        table.notifyListeners(SWT.Selection, new Event());
        settle();
    }

    /** @return the cells of row {@code row} of {@code table} */
    static List<String> cells(Table table, int row) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < table.getColumnCount(); i++) {
            cells.add(table.getItem(row).getText(i));
        }
        return cells;
    }

    /** @return the store opened on the test's data directory; the caller closes it */
    AssessmentStore store() throws Exception {
        return session.backend().open();
    }

    List<Remediation> stored() throws Exception {
        Job.getJobManager().join(LoadJob.FAMILY, null);
        try (AssessmentStore db = store()) {
            return db.remediations();
        }
    }

    List<StoredException> storedExceptions() throws Exception {
        Job.getJobManager().join(LoadJob.FAMILY, null);
        try (AssessmentStore db = store()) {
            return db.exceptions();
        }
    }
}
