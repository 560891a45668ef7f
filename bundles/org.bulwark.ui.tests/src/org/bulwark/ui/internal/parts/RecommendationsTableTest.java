package org.bulwark.ui.internal.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

import org.bulwark.benchmark.api.RemediationType;
import org.bulwark.collector.api.Category;
import org.bulwark.operations.api.RecommendationRow;
import org.bulwark.scoring.api.Recommendation;
import org.bulwark.ui.internal.Session;
import org.bulwark.ui.internal.TestBroker;
import org.bulwark.ui.internal.TestSessions;
import org.bulwark.ui.internal.jobs.LoadJob;
import org.bulwark.ui.internal.model.Column;
import org.bulwark.ui.internal.model.Row;
import org.bulwark.ui.internal.model.RowQuery;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recommendations table with 10,000 rows on real widgets: every column sorts (both ways), search and category
 * filter, each measured including the repaint of the visible rows. The medians go to
 * {@code target/benchmark/workbench-table.txt} (releng/benchmark-workbench.sh prints them); the bound asserted
 * here is loose (a shared build machine), the README has the figures.
 */
class RecommendationsTableTest {

    static final int ROWS = 10_000;

    @TempDir
    Path tmp;

    static List<Row> rows(int n) {
        Random random = new Random(42);
        RemediationType[] types = { RemediationType.CONFIGURATION_CHANGE, RemediationType.SOFTWARE_UPDATE,
                RemediationType.SOFTWARE_UNINSTALL, RemediationType.ACCOUNT_CHANGE, RemediationType.FILE_PERMISSIONS };
        String[] words = { "ssh", "kernel", "audit", "firewall", "password", "mount", "module", "service" };
        List<Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<String> devices = new ArrayList<>();
            for (int d = random.nextInt(20); d >= 0; d--) {
                devices.add("device-" + d);
            }
            String id = String.format(Locale.ROOT, "bench.control.%05d", i);
            String title = "Control " + i + ": the " + words[random.nextInt(words.length)] + " setting is hardened";
            Category category = Category.values()[random.nextInt(5)];
            double impact = random.nextDouble() * 3;
            int weight = 1 + random.nextInt(10);
            Recommendation.Status status = Recommendation.Status.values()[random.nextInt(3)];
            rows.add(new Row(new RecommendationRow(id, title, category, weight, impact, devices,
                    status == Recommendation.Status.ACTIVE ? 0 : 1, status, types[random.nextInt(types.length)],
                    null, null)));
        }
        return rows;
    }

    private static long median(Display display, RecommendationsPart part, Supplier<RowQuery> query) {
        long[] times = new long[7];
        for (int i = 0; i < times.length; i++) {
            RowQuery q = query.get();
            long start = System.nanoTime();
            part.apply(q);
            part.table.update(); // paints the visible rows: SetData for each of them
            times[i] = System.nanoTime() - start;
            while (display.readAndDispatch()) {
                // drain
            }
        }
        Arrays.sort(times);
        return times[times.length / 2] / 1_000;
    }

    @Test
    void tenThousandRowsSortAndFilterOnEveryColumn() throws Exception {
        Display display = Display.getDefault();
        Shell shell = new Shell(display);
        shell.setLayout(new FillLayout());
        try (TestSessions sessions = new TestSessions()) {
            Session session = sessions.open(new TestBroker(display), tmp.resolve("data"), tmp);
            RecommendationsPart part = new RecommendationsPart();
            part.create(shell, session, null);
            shell.setSize(1200, 800);
            shell.open();
            Job.getJobManager().join(LoadJob.FAMILY, null);
            while (display.readAndDispatch()) {
                // the empty store's snapshot
            }
            List<Row> rows = rows(ROWS);
            long start = System.nanoTime();
            part.setRows(rows);
            part.table.update();
            long load = (System.nanoTime() - start) / 1_000;
            assertEquals(ROWS, part.table.getItemCount());

            List<String> report = new ArrayList<>();
            report.add(String.format(Locale.ROOT, "rows %d; set rows (impact descending) %.1f ms", ROWS, load / 1e3));
            long worst = load;
            for (Column c : Column.values()) {
                for (boolean descending : new boolean[] { false, true }) {
                    RowQuery q = new RowQuery("", null, c, descending);
                    long t = median(display, part, () -> q);
                    List<Row> shown = part.shown();
                    assertEquals(ROWS, shown.size());
                    for (int i = 1; i < shown.size(); i++) {
                        int cmp = c.order().compare(shown.get(i - 1), shown.get(i));
                        assertTrue(descending ? cmp >= 0 : cmp <= 0, c + " row " + i);
                    }
                    assertEquals(shown.get(0).text(c), part.table.getItem(0).getText(c.ordinal()));
                    report.add(String.format(Locale.ROOT, "sort %-11s %-4s %.1f ms", c, descending ? "desc" : "asc",
                            t / 1e3));
                    worst = Math.max(worst, t);
                }
            }
            long search = median(display, part, () -> RowQuery.DEFAULT.withSearch("firewall"));
            long expected = rows.stream().filter(r -> r.title().contains("firewall")).count();
            assertEquals(expected, part.shown().size());
            report.add(String.format(Locale.ROOT, "filter search \"firewall\" (%d rows) %.1f ms", expected,
                    search / 1e3));
            long category = median(display, part, () -> RowQuery.DEFAULT.withCategory(Category.NETWORK));
            long network = rows.stream().filter(r -> r.category() == Category.NETWORK).count();
            assertEquals(network, part.table.getItemCount());
            report.add(String.format(Locale.ROOT, "filter category Network (%d rows) %.1f ms", network,
                    category / 1e3));
            worst = Math.max(worst, Math.max(search, category));
            report.add(String.format(Locale.ROOT, "worst %.1f ms", worst / 1e3));
            write(report);
            assertTrue(worst < 2_000_000, "10,000 rows sort/filter in " + worst / 1e3 + " ms");
        } finally {
            shell.dispose();
        }
    }

    private static void write(List<String> report) throws IOException {
        report.forEach(System.out::println);
        Path dir = Path.of(System.getProperty("bulwark.screenshots", "target/screenshots")).resolveSibling("benchmark");
        Files.createDirectories(dir);
        Files.write(dir.resolve("workbench-table.txt"), report);
    }
}
