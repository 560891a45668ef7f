package org.bulwark.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bulwark.collector.api.Category;
import org.bulwark.operations.api.ActivityDraft;
import org.bulwark.operations.api.Location;
import org.bulwark.operations.api.OperationException;
import org.bulwark.store.api.Remediation;
import org.bulwark.ui.WorkbenchIds;
import org.bulwark.ui.WorkbenchTopics;
import org.bulwark.ui.internal.model.ActivityEdit;
import org.bulwark.ui.internal.model.Backend;
import org.bulwark.ui.internal.model.Row;
import org.bulwark.ui.internal.model.Snapshot;
import org.eclipse.e4.ui.internal.workbench.E4XMIResourceFactory;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.MApplicationElement;
import org.eclipse.e4.ui.model.application.commands.MCommand;
import org.eclipse.e4.ui.model.application.commands.MHandler;
import org.eclipse.e4.ui.model.application.impl.ApplicationPackageImpl;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.fragment.MModelFragment;
import org.eclipse.e4.ui.model.fragment.MModelFragments;
import org.eclipse.e4.ui.model.fragment.MStringModelFragment;
import org.eclipse.e4.ui.model.fragment.impl.FragmentPackageImpl;
import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The workbench's models. The application model, opened as the workbench does: Application.e4xmi and this bundle's
 * fragment, every fragment lands on an element of the application, and every part's class loads. The headless
 * model the parts call, without widgets: {@link ActivityEdit} (the "Edit activity" form) and {@link Backend} on a
 * temporary store.
 */
class WorkbenchModelTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-03-10");
    private static final Instant CREATED = Instant.parse("2026-03-01T09:00:00Z");
    private static final Remediation ACTIVE = activity(Remediation.Status.ACTIVE, LocalDate.parse("2026-03-20"),
            "please");

    @TempDir
    Path tmp;

    private static Remediation activity(Remediation.Status status, LocalDate due, String notes) {
        return new Remediation(7, "Enable ASLR", "linux.kernel.aslr", Category.OPERATING_SYSTEM,
                Remediation.Scope.DEVICES, List.of("d1"), null, Remediation.Priority.HIGH, due, notes, "alice", CREATED,
                status, status == Remediation.Status.COMPLETED ? Remediation.Completion.MANUAL : null,
                status == Remediation.Status.COMPLETED ? CREATED.plusSeconds(60) : null, 1, 0);
    }

    private static EObject load(ResourceSet rs, URL url) throws Exception {
        Resource r = rs.getResource(URI.createURI(url.toString()), true);
        return r.getContents().get(0);
    }

    @Test
    void theFragmentContributesTheSevenPartsToTheApplicationModel() throws Exception {
        ApplicationPackageImpl.init();
        FragmentPackageImpl.init();
        ResourceSet rs = new ResourceSetImpl();
        rs.getResourceFactoryRegistry().getExtensionToFactoryMap().put("e4xmi", new E4XMIResourceFactory());
        Bundle ui = FrameworkUtil.getBundle(Session.class);
        Bundle app = null;
        for (Bundle b : ui.getBundleContext().getBundles()) {
            if (b.getSymbolicName().equals("org.bulwark.ui.app")) {
                app = b;
            }
        }
        assertNotNull(app, "org.bulwark.ui.app is in the runtime");
        assertEquals("fragment.e4xmi;apply=always", ui.getHeaders().get("Model-Fragment"));
        MApplication application = (MApplication) load(rs, app.getEntry("Application.e4xmi"));
        assertEquals(WorkbenchIds.APPLICATION, application.getElementId());
        Map<String, MApplicationElement> byId = new HashMap<>();
        for (TreeIterator<EObject> it = ((EObject) application).eAllContents(); it.hasNext();) {
            if (it.next() instanceof MApplicationElement e && e.getElementId() != null) {
                byId.put(e.getElementId(), e);
            }
        }
        byId.put(application.getElementId(), application);
        for (String id : List.of(WorkbenchIds.WINDOW, WorkbenchIds.STACK_LEFT, WorkbenchIds.STACK_RIGHT)) {
            assertTrue(byId.containsKey(id), id);
        }

        MModelFragments fragments = (MModelFragments) load(rs, ui.getEntry("fragment.e4xmi"));
        List<String> parts = new ArrayList<>();
        for (MModelFragment f : fragments.getFragments()) {
            MStringModelFragment sf = (MStringModelFragment) f;
            assertTrue(byId.containsKey(sf.getParentElementId()), "fragment target " + sf.getParentElementId());
            for (MApplicationElement e : sf.getElements()) {
                if (e instanceof MPart p) {
                    parts.add(p.getElementId());
                    String uri = p.getContributionURI();
                    String prefix = "bundleclass://org.bulwark.ui/";
                    assertTrue(uri.startsWith(prefix), uri);
                    assertNotNull(ui.loadClass(uri.substring(prefix.length())));
                }
            }
        }
        assertEquals(List.of(WorkbenchIds.PART_DASHBOARD, WorkbenchIds.PART_ACTIVITIES, WorkbenchIds.PART_EXCEPTIONS,
                WorkbenchIds.PART_CHANGES, WorkbenchIds.PART_RECOMMENDATIONS, WorkbenchIds.PART_DETAILS,
                WorkbenchIds.PART_WEAKNESSES), parts);
    }

    @Test
    void everyCommandHasOneStatelessHandlerWhoseClassLoads() throws Exception {
        Bundle ui = FrameworkUtil.getBundle(Session.class);
        Map<String, String> handlers = new LinkedHashMap<>();
        for (MHandler h : TestWorkbench.elements(MHandler.class)) {
            assertNull(handlers.put(h.getCommand().getElementId(), h.getContributionURI()), "one handler of "
                    + h.getCommand().getElementId());
            String prefix = "bundleclass://org.bulwark.ui/org.bulwark.ui.internal.handlers.";
            assertTrue(h.getContributionURI().startsWith(prefix), h.getContributionURI());
            Class<?> type = ui.loadClass(h.getContributionURI().substring("bundleclass://org.bulwark.ui/".length()));
            // stateless: no fields (nor in its base classes), whatever it needs is injected at @CanExecute and
            // @Execute
            for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
                assertEquals(List.of(), List.of(c.getDeclaredFields()), c.getName());
            }
        }
        List<String> commands = TestWorkbench.elements(MCommand.class).stream().map(MCommand::getElementId).toList();
        assertEquals(commands, List.copyOf(handlers.keySet()));
        assertEquals(List.of(WorkbenchIds.COMMAND_REASSESS, WorkbenchIds.COMMAND_SUBMIT_REQUEST,
                WorkbenchIds.COMMAND_CREATE_EXCEPTION, WorkbenchIds.COMMAND_EXPORT_ACTIVITIES,
                WorkbenchIds.COMMAND_COMPLETE_ACTIVITY, WorkbenchIds.COMMAND_EDIT_ACTIVITY,
                WorkbenchIds.COMMAND_CANCEL_ACTIVITY, WorkbenchIds.COMMAND_EDIT_EXCEPTION,
                WorkbenchIds.COMMAND_CANCEL_EXCEPTION), commands);
        MCommand export = TestWorkbench.elements(MCommand.class).get(3);
        assertEquals(1, export.getParameters().size());
        assertEquals(WorkbenchIds.PARAMETER_FILE, export.getParameters().get(0).getElementId());
        assertTrue(export.getParameters().get(0).isOptional());
    }

    @Test
    void anUnchangedFormChangesNothingAndIsNoError() {
        ActivityEdit e = ActivityEdit.of(ACTIVE, "Enable ASLR", Remediation.Priority.HIGH, "2026-03-20", false,
                "please", TODAY);
        assertFalse(e.changed());
        assertNull(e.update());
        assertNull(e.error());
        // surrounding blanks are no change either
        assertFalse(ActivityEdit.of(ACTIVE, "  Enable ASLR ", Remediation.Priority.HIGH, " 2026-03-20 ", false,
                "please", TODAY).changed());
        Remediation bare = activity(Remediation.Status.ACTIVE, null, null);
        ActivityEdit none = ActivityEdit.of(bare, "Enable ASLR", Remediation.Priority.HIGH, "", true, "  ", TODAY);
        assertEquals(new ActivityEdit(null, null), none);
    }

    @Test
    void anEditAsksForWhatChangedOnly() {
        assertEquals(new Remediation.Update("Enable ASLR, then reboot", Remediation.Priority.LOW,
                LocalDate.parse("2026-04-01"), "patch window: Saturday", false),
                ActivityEdit.of(ACTIVE, " Enable ASLR, then reboot ", Remediation.Priority.LOW, "2026-04-01", false,
                        "patch window: Saturday", TODAY).update());
        assertEquals(new Remediation.Update("Reboot too", null, null, null, false),
                ActivityEdit.of(ACTIVE, "Reboot too", Remediation.Priority.HIGH, "2026-03-20", false, "please",
                        TODAY).update());
        assertEquals(new Remediation.Update(null, Remediation.Priority.MEDIUM, null, null, false),
                ActivityEdit.of(ACTIVE, "Enable ASLR", Remediation.Priority.MEDIUM, "2026-03-20", false, "please",
                        TODAY).update());
        // today is a due date the store takes
        assertEquals(new Remediation.Update(null, null, TODAY, null, false), ActivityEdit.of(ACTIVE, "Enable ASLR",
                Remediation.Priority.HIGH, "2026-03-10", false, "please", TODAY).update());
        // "attention required": the due date removed; nothing to remove when there is none
        assertEquals(new Remediation.Update(null, null, null, null, true), ActivityEdit.of(ACTIVE, "Enable ASLR",
                Remediation.Priority.HIGH, "2026-03-20", true, "please", TODAY).update());
        assertEquals(new Remediation.Update(null, null, LocalDate.parse("2026-05-01"), null, false),
                ActivityEdit.of(activity(Remediation.Status.ACTIVE, null, "please"), "Enable ASLR",
                        Remediation.Priority.HIGH, "2026-05-01", false, "please", TODAY).update());
        // blank notes remove them ("" for the store); new notes replace them as typed
        assertEquals(new Remediation.Update(null, null, null, "", false), ActivityEdit.of(ACTIVE, "Enable ASLR",
                Remediation.Priority.HIGH, "2026-03-20", false, " \n ", TODAY).update());
        assertEquals(new Remediation.Update(null, null, null, "line 1\nline 2", false), ActivityEdit.of(ACTIVE,
                "Enable ASLR", Remediation.Priority.HIGH, "2026-03-20", false, "line 1\nline 2", TODAY).update());
    }

    @Test
    void anOverdueActivityKeepsItsDueDateWhenSomethingElseChanges() {
        Remediation overdue = activity(Remediation.Status.ACTIVE, LocalDate.parse("2026-03-05"), null);
        ActivityEdit e = ActivityEdit.of(overdue, "Enable ASLR", Remediation.Priority.LOW, "2026-03-05", false, "",
                TODAY);
        assertNull(e.error());
        assertEquals(new Remediation.Update(null, Remediation.Priority.LOW, null, null, false), e.update());
    }

    @Test
    void aWrongFormIsAnErrorAndNoUpdate() {
        assertEquals(new ActivityEdit(null, "The title is required."), ActivityEdit.of(ACTIVE, "   ",
                Remediation.Priority.HIGH, "2026-03-20", false, "please", TODAY));
        assertEquals(new ActivityEdit(null, "The due date 2026-03-09 is in the past (today is 2026-03-10 UTC)."),
                ActivityEdit.of(ACTIVE, "Enable ASLR", Remediation.Priority.HIGH, "2026-03-09", false, "please",
                        TODAY));
        assertEquals(new ActivityEdit(null, "\"31.12.2026\" is not a date: enter the due date as YYYY-MM-DD."),
                ActivityEdit.of(ACTIVE, "Enable ASLR", Remediation.Priority.HIGH, "31.12.2026", false, "please",
                        TODAY));
        assertEquals(new ActivityEdit(null, "\"2026-02-30\" is not a date: enter the due date as YYYY-MM-DD."),
                ActivityEdit.of(ACTIVE, "Enable ASLR", Remediation.Priority.HIGH, "2026-02-30", false, "please",
                        TODAY));
        assertEquals(new ActivityEdit(null, "Enter the due date as YYYY-MM-DD, or choose no due date (attention "
                + "required)."), ActivityEdit.of(ACTIVE, "Enable ASLR", Remediation.Priority.HIGH, " ", false,
                        "please", TODAY));
        // completed and cancelled activities are final
        assertEquals(new ActivityEdit(null, "Activity #7 is completed and cannot be edited."), ActivityEdit.of(
                activity(Remediation.Status.COMPLETED, null, null), "Other", Remediation.Priority.LOW, "", true,
                "", TODAY));
        assertEquals(new ActivityEdit(null, "Activity #7 is cancelled and cannot be edited."), ActivityEdit.of(
                activity(Remediation.Status.CANCELLED, null, null), "Other", Remediation.Priority.LOW, "", true,
                "", TODAY));
    }

    @Test
    void theBackendUpdatesAnActivityInTheStoreAndWritesNothingWhenTheStoreRefuses() throws Exception {
        try (TestSessions sessions = new TestSessions()) {
            // no events: only the session's backend is used
            Backend backend = sessions.assessedBackend(tmp);
            Row top = backend.load().rows().get(0);
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            Remediation created = backend.submit(new ActivityDraft("Fix " + top.controlId(), top.controlId(),
                    Remediation.Scope.DEVICES, top.exposedDevices(), null, Remediation.Priority.HIGH,
                    today.plusDays(7), "first notes"), "alice");

            Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Remediation updated = backend.update(created.id(), new Remediation.Update("Fix it, then reboot",
                    Remediation.Priority.LOW, today.plusDays(30), "", false), "bob");
            Instant after = Instant.now();
            assertTrue(!updated.updated().isBefore(before) && !updated.updated().isAfter(after),
                    updated.updated() + " in [" + before + ", " + after + "]");
            Remediation expected = new Remediation(created.id(), "Fix it, then reboot", top.controlId(),
                    top.category(), Remediation.Scope.DEVICES, top.exposedDevices(), null, Remediation.Priority.LOW,
                    today.plusDays(30), null, "alice", created.created(), Remediation.Status.ACTIVE, null, null,
                    created.targetDevices(), created.fixedDevices(), null, null, updated.updated(), "bob");
            assertEquals(expected, updated);
            assertEquals(List.of(expected), backend.load().activities(), "as stored");

            Remediation noDue = backend.update(created.id(), new Remediation.Update(null, null, null, null, true),
                    "carol");
            assertNull(noDue.due());
            assertEquals("Fix it, then reboot", noDue.title());
            assertEquals("carol", noDue.updatedBy());

            // the operations refuse, and nothing is written: a past due date is wrong input, a cancelled activity
            // is final (a conflict), an unknown one is not found
            OperationException past = assertThrows(OperationException.class, () -> backend.update(created.id(),
                    new Remediation.Update(null, null, today.minusDays(1), null, false), "bob"));
            assertEquals(OperationException.Kind.INVALID_INPUT, past.kind());
            backend.cancel(created.id(), "dave");
            OperationException cancelled = assertThrows(OperationException.class, () -> backend.update(created.id(),
                    new Remediation.Update("x", null, null, null, false), "bob"));
            assertEquals(OperationException.Kind.CONFLICT, cancelled.kind());
            assertEquals(OperationException.Kind.CONFLICT, assertThrows(OperationException.class,
                    () -> backend.complete(created.id())).kind());
            assertEquals(OperationException.Kind.NOT_FOUND, assertThrows(OperationException.class,
                    () -> backend.complete(created.id() + 1000)).kind());
            Remediation stored = backend.load().activities().get(0);
            assertEquals(Remediation.Status.CANCELLED, stored.status());
            assertEquals("Fix it, then reboot", stored.title());
            assertNull(stored.due());
            assertEquals("carol", stored.updatedBy());
            assertEquals(noDue.updated(), stored.updated());
        }
    }

    private static Snapshot at(Instant at, String problem) {
        return new Snapshot(at, null, List.of(), List.of(), List.of(), Map.of(), Map.of(), List.of(), List.of(),
                List.of(), problem);
    }

    @Test
    void aSnapshotTakenBeforeTheCurrentOneIsNotPublished() {
        // two quick changes, each followed by a load: the load that started first may finish last
        Display display = Display.getDefault();
        TestBroker broker = new TestBroker(display);
        Session session = new Session(broker, new Location(tmp.resolve("data"), null), tmp);
        Snapshot later = at(CREATED.plusSeconds(2), "later");
        assertTrue(session.publish(later));
        assertFalse(session.publish(at(CREATED.plusSeconds(1), "earlier")));
        assertEquals(later, session.current());
        // the same load's second snapshot (with the stored evidence) and a newer load are published
        Snapshot evidence = at(CREATED.plusSeconds(2), "with evidence");
        assertTrue(session.publish(evidence));
        Snapshot newest = at(CREATED.plusSeconds(3), "newest");
        assertTrue(session.publish(newest));
        assertEquals(newest, session.current());
        List<Object> shown = new ArrayList<>();
        broker.on(WorkbenchTopics.SNAPSHOT, shown::add);
        while (display.readAndDispatch()) {
            // deliver what was posted
        }
        assertEquals(List.of(later, evidence, newest), shown);
    }
}
