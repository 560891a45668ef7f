package org.bulwark.ui.internal.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bulwark.collector.api.Category;
import org.bulwark.store.api.AssessmentSummary;
import org.bulwark.ui.WorkbenchTopics;
import org.bulwark.ui.internal.jobs.ReassessJob;
import org.bulwark.ui.internal.model.Row;
import org.bulwark.ui.internal.model.Snapshot;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.Test;

/** The dashboard: the score, the category tiles that filter the recommendations, re-assessing. */
class DashboardPartTest extends PartsTestBase {

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
    void theExposureTileAndTheChartShowTheExposureEachAssessmentWasStoredWith() throws Exception {
        Snapshot s = now();
        assertEquals("—", dashboard.exposure.getText(), "no feed: no exposure");
        AssessmentSummary a = s.history().get(s.history().size() - 1);
        AssessmentSummary earlier = new AssessmentSummary(a.id() - 1, a.device(), a.started().minusSeconds(3600),
                a.finished().minusSeconds(3600), a.content(), a.points(), a.categories(), a.coverage(), a.complete(),
                Optional.of(62.5));
        AssessmentSummary newest = new AssessmentSummary(a.id(), a.device(), a.started(), a.finished(), a.content(),
                a.points(), a.categories(), a.coverage(), a.complete(), Optional.of(37.495));
        Snapshot with = new Snapshot(s.at(), s.score(), s.rows(), List.of(earlier, newest), s.devices(),
                s.controls(), s.evidence(), s.notAssessed(), s.activities(), s.exceptions(), s.problem());
        assertEquals(Map.of(a.device().id(), 37.495), with.lastExposures(), "the newest one counts");
        dashboard.show(with);
        settle();
        assertEquals("37.5 medium", dashboard.exposure.getText());
        assertEquals("as last assessed · 1 of 1 device", dashboard.exposureDetail.getText());
        assertEquals(List.of(Optional.of(62.5), Optional.of(37.495)), dashboard.chart.history().stream()
                .map(AssessmentSummary::exposure).toList());
        screenshot("dashboard-exposure");
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
        finish(job);
        assertEquals(IStatus.CANCEL, job.getResult().getSeverity());
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
        List<Object> shown = new CopyOnWriteArrayList<>();
        broker.on(WorkbenchTopics.DASHBOARD_SHOWN, shown::add);

        // the Re-assess button executes the Re-assess command, whose handler schedules the job
        dashboard.reassess.notifyListeners(SWT.Selection, new Event());
        Job[] running = Job.getJobManager().find(ReassessJob.class);
        assertEquals(1, running.length, "one re-assessment");
        join(running[0]);
        waitFor(() -> now() != before && now().history().size() == 2, "the re-assessed snapshot");
        assertTrue(now().score().score() > before.score().score(),
                now().score().score() + " > " + before.score().score());
        assertEquals(null, now().row(aslr.controlId()));
        assertEquals(2, dashboard.chart.history().size());
        // what the dashboard shows, posted for observers such as the launch benchmark
        assertEquals(String.format(Locale.ROOT, "%s · %.1f of %.1f points · %d active recommendations",
                DashboardPart.fmt(now().score().score()), now().score().points().earned(),
                now().score().points().possible(), now().active(null)), shown.get(shown.size() - 1));
        assertEquals(dashboard.score.getText() + " · " + dashboard.points.getText(), shown.get(shown.size() - 1));
        screenshot("dashboard-after-reassess");
    }
}
