package org.bulwark.ui.internal.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.bulwark.scoring.api.Recommendation;
import org.bulwark.ui.WorkbenchIds;
import org.bulwark.ui.internal.Session;
import org.bulwark.ui.internal.TestBroker;
import org.bulwark.ui.internal.TestSessions;
import org.bulwark.ui.internal.model.Row;
import org.bulwark.ui.internal.model.Snapshot;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.Test;

/** The details of a recommendation, its evidence, and its commands: submit a request, create an exception, export. */
class DetailsPartTest extends PartsTestBase {

    /** Shows the top recommendation in the details, as a click in the recommendations table does. */
    private Row showTop() {
        Row top = recommendations.shown().get(0);
        select(recommendations.table, 0);
        assertEquals(top.controlId(), session.selected());
        return top;
    }

    /** Asks for an activity through the details part's Submit request button and its dialog. */
    private void request(String title, String priority, LocalDate due, String notes) throws Exception {
        clickAndDrive(details.submit, RequestDialog.class, d -> {
            assertEquals("Submit remediation request", d.getShell().getText());
            d.titleText.setText(title);
            choose(d.priority, priority);
            assertTrue(d.hasDue.getSelection(), "a due date by default");
            d.due.setDate(due.getYear(), due.getMonthValue() - 1, due.getDayOfMonth());
            d.notes.setText(notes);
            button(d, "OK").notifyListeners(SWT.Selection, new Event());
        });
    }

    @Test
    void afterARestartTheDetailsShowTheEvidenceOfTheStoredReport() throws Exception {
        Row top = now().rows().get(0);
        List<Recommendation.DeviceEvidence> live = now().evidence().get(top.controlId());
        assertNotNull(live, "evidence of the assessment run in this session");
        try (TestSessions other = new TestSessions()) {
            Session restarted = other.open(new TestBroker(display), tmp.resolve("data"), root);
            Snapshot loaded = restarted.backend().load();
            assertTrue(loaded.evidence().isEmpty(), "nothing assessed in the restarted session");
            Snapshot stored = restarted.backend().withStoredEvidence(loaded);
            List<Recommendation.DeviceEvidence> evidence = stored.evidence().get(top.controlId());
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
        Row top = showTop();
        assertTrue(details.title.getText().contains(top.controlId()), details.title.getText());
        assertTrue(details.submit.isEnabled());

        LocalDate due = LocalDate.now().plusDays(7);
        request("Fix " + top.title(), "high", due, "from the UI test");
        waitFor(() -> activities.table.getItemCount() == 1, "the activity in the activities part");
        assertEquals("Fix " + top.title(), activities.table.getItem(0).getText(1));
        assertEquals(top.controlId(), activities.table.getItem(0).getText(2));
        assertEquals(due.toString(), activities.table.getItem(0).getText(4));
        assertEquals("active", activities.table.getItem(0).getText(5));
        assertEquals(USER, activities.table.getItem(0).getText(7));

        Path csv = tmp.resolve("export/activities.csv");
        join(execute(WorkbenchIds.PART_DETAILS, WorkbenchIds.COMMAND_EXPORT_ACTIVITIES,
                Map.of(WorkbenchIds.PARAMETER_FILE, csv.toString())));
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

        // cancelled through the activities part: still listed, as cancelled, and exported with who and when
        select(activities.table, 0);
        clickAndDrive(activities.cancel, MessageDialog.class, m -> button(m, "OK").notifyListeners(SWT.Selection,
                new Event()));
        waitFor(() -> "cancelled".equals(activities.table.getItem(0).getText(5)), "the activity shown as cancelled");
        join(execute(WorkbenchIds.PART_DETAILS, WorkbenchIds.COMMAND_EXPORT_ACTIVITIES,
                Map.of(WorkbenchIds.PARAMETER_FILE, csv.toString())));
        settle(); // what the jobs posted to the UI thread runs while the parts exist
        String row = Files.readAllLines(csv, StandardCharsets.UTF_8).get(1);
        assertTrue(row.contains(",cancelled,") && row.endsWith("," + USER), row);
    }

    @Test
    void anExceptionWithCreditChangesTheStatusAndRaisesTheScore() throws Exception {
        Snapshot before = now();
        Row top = showTop();
        assertEquals(Row.Status.ACTIVE, top.status());
        assertTrue(details.except.isEnabled());
        clickAndDrive(details.except, ExceptionDialog.class, d -> {
            assertEquals("Create exception for " + top.controlId(), d.getShell().getText());
            choose(d.justification, "Third party control (gives credit)");
            choose(d.scope, "Global");
            d.expires.setSelection(false);
            d.notes.setText("covered by the data-centre firewall");
            button(d, "OK").notifyListeners(SWT.Selection, new Event());
        });
        waitFor(() -> now() != before && now().row(top.controlId()) != null
                && now().row(top.controlId()).status() == Row.Status.EXCEPTION, "the exception status");
        assertTrue(now().score().score() > before.score().score(),
                now().score().score() + " > " + before.score().score());
        assertEquals(DashboardPart.fmt(now().score().score()), dashboard.score.getText());
        assertEquals(before.active(null) - 1, now().active(null));
        assertEquals(1, exceptions.table.getItemCount());
    }
}
