package org.bulwark.ui.internal.parts;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bulwark.collector.api.Category;
import org.bulwark.scoring.api.Coverage;
import org.bulwark.scoring.api.Device;
import org.bulwark.scoring.api.DeviceScore;
import org.bulwark.scoring.api.FleetScore;
import org.bulwark.scoring.api.Points;
import org.bulwark.ui.WorkbenchIds;
import org.bulwark.ui.WorkbenchTopics;
import org.bulwark.ui.internal.Session;
import org.bulwark.ui.internal.model.Snapshot;
import org.bulwark.vulnerability.api.ExposureBand;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * The dashboard: the secure score (large, with raw points), the five category tiles (score, active
 * recommendations; a click opens the recommendations filtered to the category), coverage with a link to what was
 * not assessed, the exposure score as last assessed (a click opens the weaknesses), the secure and exposure scores
 * over time, and the devices when the store holds several.
 */
public class DashboardPart extends SnapshotPart {

    private Session session;
    private EPartService parts;
    private Composite root;
    Label score;
    Label points;
    Label status;
    final Map<Category, Composite> tiles = new EnumMap<>(Category.class);
    private final Map<Category, Label[]> tileLabels = new EnumMap<>(Category.class);
    Link coverage;
    Composite exposureTile;
    Label exposure;
    Label exposureDetail;
    ScoreChart chart;
    Table devices;
    private Label devicesTitle;
    Button reassess;
    private Font big;
    private Font medium;

    @PostConstruct
    public void create(Composite parent, Session session, PartCommands commands, @Optional EPartService parts) {
        this.session = session;
        this.parts = parts;
        root = new Composite(parent, SWT.NONE);
        showWhile(root);
        root.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_WIDGET_BACKGROUND));
        root.setLayout(new GridLayout(5, true));
        FontData fd = parent.getFont().getFontData()[0];
        big = new Font(parent.getDisplay(), fd.getName(), 40, SWT.BOLD);
        medium = new Font(parent.getDisplay(), fd.getName(), 16, SWT.BOLD);

        Label title = new Label(root, SWT.NONE);
        title.setText("Secure score");
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
        reassess = commands.button(root, "Re-assess", WorkbenchIds.COMMAND_REASSESS);
        reassess.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));
        score = new Label(root, SWT.NONE);
        score.setFont(big);
        score.setText("…");
        score.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        exposureTile = new Composite(root, SWT.BORDER);
        exposureTile.setLayout(new GridLayout(1, false));
        exposureTile.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, false, 2, 1));
        exposureTile.setToolTipText("Show the weaknesses, matched against the feeds as they are now");
        Label caption = new Label(exposureTile, SWT.NONE);
        caption.setText("Exposure score (lower is better)");
        exposure = new Label(exposureTile, SWT.NONE);
        exposure.setFont(medium);
        exposure.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        exposureDetail = new Label(exposureTile, SWT.NONE);
        exposureDetail.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        for (Control ctl : new Control[] { exposureTile, caption, exposure, exposureDetail }) {
            ctl.setCursor(parent.getDisplay().getSystemCursor(SWT.CURSOR_HAND));
            ctl.addListener(SWT.MouseUp, e -> openWeaknesses());
        }
        points = new Label(root, SWT.NONE);
        points.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 5, 1));
        points.setText("Loading the latest assessment from the store…");

        for (Category c : Category.values()) {
            Composite tile = new Composite(root, SWT.BORDER);
            tile.setLayout(new GridLayout(1, false));
            GridData gd = new GridData(SWT.FILL, SWT.FILL, true, false);
            gd.widthHint = 150;
            tile.setLayoutData(gd);
            tile.setData("category", c);
            tile.setToolTipText("Show the " + c.label() + " recommendations");
            Label name = new Label(tile, SWT.NONE);
            name.setText(c.label());
            Label value = new Label(tile, SWT.NONE);
            value.setFont(medium);
            value.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            Label active = new Label(tile, SWT.NONE);
            active.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            for (Control ctl : new Control[] { tile, name, value, active }) {
                ctl.setCursor(parent.getDisplay().getSystemCursor(SWT.CURSOR_HAND));
                ctl.addListener(SWT.MouseUp, e -> openCategory(c));
            }
            tiles.put(c, tile);
            tileLabels.put(c, new Label[] { value, active });
        }

        coverage = new Link(root, SWT.NONE);
        coverage.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 5, 1));
        coverage.addListener(SWT.Selection, e -> showNotAssessed());
        status = new Label(root, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 5, 1));

        Label over = new Label(root, SWT.NONE);
        over.setText("Scores over time");
        over.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 5, 1));
        chart = new ScoreChart(root);
        GridData cg = new GridData(SWT.FILL, SWT.FILL, true, true, 5, 1);
        cg.heightHint = 180;
        chart.canvas().setLayoutData(cg);

        devicesTitle = new Label(root, SWT.NONE);
        devicesTitle.setText("Devices");
        devicesTitle.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 5, 1));
        devices = new Table(root, SWT.BORDER | SWT.FULL_SELECTION);
        devices.setHeaderVisible(true);
        Tables.columns(devices, new String[][] { { "Device", "200" }, { "Score", "80" }, { "Points", "140" },
                { "Coverage", "100" } });
        GridData dg = new GridData(SWT.FILL, SWT.FILL, true, false, 5, 1);
        dg.heightHint = 90;
        devices.setLayoutData(dg);

        session.showOrLoad(this::show);
    }

    /** Shows {@code s}; UI thread only. */
    @Override
    public void show(Snapshot s) {
        FleetScore fs = s.score();
        if (fs == null) {
            score.setText("—");
            points.setText(s.problem() != null ? "" : "No assessment stored yet: press Re-assess.");
        } else {
            score.setText(fmt(fs.score()));
            Points p = fs.points();
            points.setText(String.format(Locale.ROOT, "%.1f of %.1f points · %d active recommendations",
                    p.earned(), p.possible(), s.active(null)));
        }
        status.setText(s.problem() == null ? "" : s.problem());
        for (Category c : Category.values()) {
            Label[] l = tileLabels.get(c);
            Points p = fs == null ? null : fs.categories().get(c);
            l[0].setText(p == null || !p.hasScore() ? "—" : fmt(p.score()));
            l[1].setText(s.active(c) + " active");
        }
        if (fs != null) {
            Coverage cv = fs.coverage();
            coverage.setText(String.format(Locale.ROOT,
                    "Coverage %.0f%%: %d passed, %d failed, %d errors, %d unknown, %d not checked, %d not applicable"
                            + (s.notAssessed().isEmpty() ? "" : " · <a>%d not assessed…</a>"),
                    100 * cv.ratio(), cv.passed(), cv.failed(), cv.errors(), cv.unknown(), cv.notChecked(),
                    cv.notApplicable(), s.notAssessed().size()));
        } else {
            coverage.setText("");
        }
        showExposure(s);
        chart.setHistory(s.history());
        devices.removeAll();
        boolean several = s.devices().size() > 1;
        for (Device d : s.devices()) {
            DeviceScore ds = fs == null ? null : fs.device(d.id());
            TableItem item = new TableItem(devices, SWT.NONE);
            item.setText(new String[] { d.hostname(), ds == null ? "—" : fmt(ds.points().score()),
                    ds == null ? "" : String.format(Locale.ROOT, "%.1f / %.1f", ds.points().earned(),
                            ds.points().possible()),
                    ds == null ? "" : String.format(Locale.ROOT, "%.0f%%", 100 * ds.coverage().ratio()) });
        }
        devices.setVisible(several);
        devicesTitle.setVisible(several);
        ((GridData) devices.getLayoutData()).exclude = !several;
        ((GridData) devicesTitle.getLayoutData()).exclude = !several;
        root.layout(true, true);
        if (fs != null) {
            session.broker().post(WorkbenchTopics.DASHBOARD_SHOWN, score.getText() + " · " + points.getText());
        }
    }

    /**
     * The exposure tile: the mean of the devices' exposure scores as their newest stored assessments recorded them
     * (what the chart shows), with Defender's band; the Weaknesses part matches against the feeds as they are now.
     */
    private void showExposure(Snapshot s) {
        Map<String, Double> last = s.lastExposures();
        if (last.isEmpty()) {
            exposure.setText("—");
            exposureDetail.setText(s.history().isEmpty() ? "" : "no feed matched yet: import feeds, re-assess");
            return;
        }
        double mean = last.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        exposure.setText(fmt(mean) + " " + ExposureBand.of(mean).name().toLowerCase(Locale.ROOT));
        exposureDetail.setText("as last assessed · " + last.size() + " of " + s.devices().size()
                + (s.devices().size() == 1 ? " device" : " devices"));
    }

    /** Opens the weaknesses (what a click on the exposure tile does). */
    public void openWeaknesses() {
        if (parts != null) {
            parts.showPart(WorkbenchIds.PART_WEAKNESSES, EPartService.PartState.ACTIVATE);
        }
    }

    /** Opens the recommendations filtered to {@code c} (what a tile click does). */
    public void openCategory(Category c) {
        session.selectCategory(c);
        if (parts != null) {
            parts.showPart(WorkbenchIds.PART_RECOMMENDATIONS, EPartService.PartState.ACTIVATE);
        }
    }

    private void showNotAssessed() {
        Snapshot s = session.current();
        if (s == null) {
            return;
        }
        List<String> lines = new ArrayList<>(s.notAssessed());
        if (lines.size() > 40) {
            int more = lines.size() - 40;
            lines = new ArrayList<>(lines.subList(0, 40));
            lines.add("… and " + more + " more");
        }
        MessageDialog.openInformation(root.getShell(), "Not assessed",
                "These counted controls could not be decided (no credit, no failure):\n\n" + String.join("\n", lines)
                        + "\n\nRe-assess as root, or see the collector messages in the report.");
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.1f", v);
    }

    @Focus
    void focus() {
        score.setFocus();
    }

    @PreDestroy
    void dispose() {
        big.dispose();
        medium.dispose();
    }
}
