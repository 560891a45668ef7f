package org.bulwark.ui.internal.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.bulwark.scoring.api.AssessmentListener;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.AssessmentSummary;
import org.bulwark.ui.WorkbenchTopics;
import org.bulwark.ui.internal.TestBroker;
import org.bulwark.ui.internal.model.Figures;
import org.bulwark.ui.internal.model.Snapshot;
import org.bulwark.ui.internal.model.Timeline;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The changes part: a device's change timeline, one row per two consecutive assessments, and the selected row's
 * changes, as the server's {@code /api/machines/{id}/changes} gives them.
 */
class ChangesPartTest extends PartsTestBase {

    ChangesPart part;

    @BeforeEach
    void openChanges() {
        part = new ChangesPart();
        part.create(tab(left, "Changes"), session);
        broker.on(WorkbenchTopics.SNAPSHOT, o -> part.show((Snapshot) o));
        broker.on(WorkbenchTopics.CHANGES, o -> part.showTimeline((Timeline) o));
        left.setSelection(3);
    }

    @Test
    void aControlThatWentFromFailToPassIsOneRowWithItsDeltaAndTheChange() throws Exception {
        waitFor(() -> part.timeline() != null, "the first timeline");
        assertEquals(0, part.pairs.getItemCount());
        assertEquals("Fewer than two assessments of this device are stored: its timeline starts with the next one "
                + "(Re-assess).", part.summary.getText());
        assertFalse(part.older.isEnabled());

        write("etc/sysctl.d/99-bulwark.conf", "net.ipv4.ip_forward = 0\n" + ASLR + "\n");
        session.backend().reassess(AssessmentListener.NONE);
        session.refresh();
        waitFor(() -> part.timeline() != null && part.timeline().pairs() == 1, "the timeline of two assessments");

        String device = part.chosen();
        List<AssessmentSummary> h;
        try (AssessmentStore db = store()) {
            h = db.history(device, null);
        }
        assertEquals(2, h.size());
        AssessmentSummary from = h.get(0);
        AssessmentSummary to = h.get(1);
        // ASLR (weight 8) went FAIL → PASS: 8 points earned more, the same possible (a failed control counts too)
        double possible = from.points().possible();
        assertEquals(possible, to.points().possible());
        assertEquals(from.points().earned() + 8, to.points().earned());
        assertEquals(800 / possible, to.score() - from.score(), 1e-9);

        assertEquals("1 pair of consecutive assessments, newest first", part.summary.getText());
        assertEquals(1, part.pairs.getItemCount());
        assertEquals(List.of(Figures.time(to.finished()), Figures.number(from.score(), 1) + " → "
                + Figures.number(to.score(), 1), Figures.signed(800 / possible, 1), "+8 / 0", "1",
                "#" + from.id() + " · " + Figures.time(from.finished())), cells(part.pairs, 0));
        assertEquals(0, part.pairs.getSelectionIndex(), "the newest pair is selected");
        assertEquals("1 change from assessment #" + from.id() + " to #" + to.id() + " (" + Figures.time(
                to.finished()) + ")", part.detail.getText());
        assertEquals(1, part.changes.getItemCount());
        assertEquals(List.of("bulwark.linux.os.aslr", "FAIL → PASS", "+8", "0",
                "Address space layout randomization is fully enabled", "RESULT_CHANGED", ""), cells(part.changes, 0));
        assertEquals(8.0, part.selected().changes().get(0).earnedDelta());
        assertEquals(0.0, part.selected().changes().get(0).possibleDelta());
        assertFalse(part.older.isEnabled());
        screenshot("changes");
    }

    @Test
    void theChooserListsEveryDeviceStartsWithTheOneAssessedLastAndKeepsTheChoice() throws Exception {
        Path web = tmp.resolve("web-01");
        Files.createDirectories(web.resolve("etc"));
        Files.writeString(web.resolve("etc/os-release"), "ID=debian\nVERSION_ID=\"12\"\n");
        Files.writeString(web.resolve("etc/hostname"), "web-01\n");
        // a second device in the same store, as `bulwark assess --root` of another image stores it
        sessions.open(new TestBroker(null), tmp.resolve("data"), web).backend().reassess(AssessmentListener.NONE);
        session.refresh();
        waitFor(() -> part.device.getItemCount() == 2, "the second device in the chooser");
        assertEquals(Set.of("root", "web-01"), Set.copyOf(Arrays.asList(part.device.getItems())));
        assertEquals("root", part.device.getText(), "the choice is kept");

        // a part opened now starts with the device assessed last
        ChangesPart fresh = new ChangesPart();
        fresh.create(tab(left, "Changes 2"), session);
        broker.on(WorkbenchTopics.SNAPSHOT, o -> fresh.show((Snapshot) o));
        broker.on(WorkbenchTopics.CHANGES, o -> fresh.showTimeline((Timeline) o));
        waitFor(() -> fresh.timeline() != null, "the new part's timeline");
        assertEquals("web-01", fresh.device.getText());
        assertEquals(fresh.chosen(), fresh.timeline().deviceId());
        assertEquals(0, fresh.pairs.getItemCount());

        // root is assessed again: the first part shows it, the new one stays on web-01 until root is chosen
        write("etc/sysctl.d/99-bulwark.conf", "net.ipv4.ip_forward = 0\n" + ASLR + "\n");
        session.backend().reassess(AssessmentListener.NONE);
        session.refresh();
        waitFor(() -> part.timeline().pairs() == 1, "root's timeline in the first part");
        assertEquals("web-01", fresh.device.getText());
        assertEquals(0, fresh.timeline().pairs());
        choose(fresh.device, "root");
        waitFor(() -> fresh.timeline().pairs() == 1, "root's timeline in the new part");
        assertEquals(part.chosen(), fresh.timeline().deviceId());
        assertEquals(List.of("bulwark.linux.os.aslr", "FAIL → PASS", "+8", "0",
                "Address space layout randomization is fully enabled", "RESULT_CHANGED", ""), cells(fresh.changes, 0));
    }
}
