package org.bulwark.ui.internal.parts;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.bulwark.operations.api.DeviceExposure;
import org.bulwark.operations.api.ExposureReport;
import org.bulwark.ui.WorkbenchTopics;
import org.bulwark.ui.internal.Session;
import org.bulwark.ui.internal.jobs.PartJob;
import org.bulwark.ui.internal.model.Exposure;
import org.bulwark.ui.internal.model.Figures;
import org.bulwark.ui.internal.model.Snapshot;
import org.bulwark.vulnerability.api.Finding;
import org.bulwark.vulnerability.api.SoftwareRecommendation;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Weaknesses: the fleet's exposure score (0 to 100, lower is better) and band, a warning when the feeds are stale,
 * each device with an inventory (host, release, score and band, findings — or why it has no score), the selected
 * device's findings (vulnerability, source package, installed and fixed versions, state, severity, risk), and the
 * software recommendations ("Update X to version Y", devices, findings, exposure impact). Without an advisory
 * feed it says so and shows no score: a 0 would claim a clean fleet. Computed by
 * {@code VulnerabilityOperations.exposure} over every stored device in a {@link PartJob}, again after each
 * snapshot (a re-assessment brings a new inventory).
 */
public class WeaknessesPart extends SnapshotPart {

    /** What is said when no advisory feed is imported. */
    static final String NO_ADVISORY_FEED = "No advisory feed imported: bulwark feeds import FILE… (the Debian "
            + "Security Tracker JSON or OSV records). Until then there is no exposure score.";

    private Session session;
    private Composite root;
    Label score;
    Label band;
    Label over;
    Label warning;
    Table devices;
    Label reasons;
    Label findingsTitle;
    Table findings;
    Table recommendations;
    private Font big;
    private Color caution;
    private Instant seen;
    private long requests;
    private Exposure exposure;

    @PostConstruct
    public void create(Composite parent, Session session) {
        this.session = session;
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(3, false));
        FontData fd = parent.getFont().getFontData()[0];
        big = new Font(parent.getDisplay(), fd.getName(), 32, SWT.BOLD);
        caution = new Color(255, 236, 179);
        root.addListener(SWT.Dispose, e -> {
            big.dispose();
            caution.dispose();
        });

        Label title = new Label(root, SWT.NONE);
        title.setText("Exposure score (0 to 100, lower is better; the secure score stays configuration only)");
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        score = new Label(root, SWT.NONE);
        score.setFont(big);
        score.setText("…");
        band = new Label(root, SWT.NONE);
        band.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false));
        over = new Label(root, SWT.WRAP);
        over.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        over.setText("Matching the stored inventories against the feeds…");
        warning = new Label(root, SWT.WRAP);
        warning.setBackground(caution);
        GridData wg = new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1);
        wg.exclude = true;
        warning.setLayoutData(wg);
        warning.setVisible(false);

        SashForm sash = new SashForm(root, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        Composite top = section(sash);
        label(top, "Devices");
        devices = Tables.create(top, SWT.NONE, 1);
        showWhile(devices);
        Tables.columns(devices, new String[][] { { "Device", "140" }, { "Release", "160" }, { "Exposure", "85" },
                { "Band", "75" }, { "Findings", "70" }, { "Not matched because", "600" } });
        devices.addListener(SWT.Selection, e -> showFindings());
        reasons = new Label(top, SWT.WRAP);
        GridData rg = new GridData(SWT.FILL, SWT.CENTER, true, false);
        rg.widthHint = 400; // wraps at the part's width rather than widening it
        reasons.setLayoutData(rg);
        Composite middle = section(sash);
        findingsTitle = label(middle, "Findings");
        findings = Tables.create(middle, SWT.NONE, 1);
        Tables.columns(findings, new String[][] { { "Vulnerability", "130" }, { "Source package", "135" },
                { "Installed", "145" }, { "Fixed in", "145" }, { "State", "95" }, { "Severity", "75" },
                { "Risk", "60" } });
        Composite bottom = section(sash);
        label(bottom, "Software recommendations (highest exposure impact first; secure score impact 0)");
        recommendations = Tables.create(bottom, SWT.NONE, 1);
        Tables.columns(recommendations, new String[][] { { "Recommendation", "340" }, { "Type", "65" },
                { "Devices", "65" }, { "Findings", "70" }, { "Exposure impact", "130" }, { "Software", "260" } });
        sash.setWeights(35, 35, 30);
        session.showOrLoad(this::show);
    }

    private static Composite section(Composite sash) {
        Composite c = new Composite(sash, SWT.NONE);
        GridLayout l = new GridLayout(1, false);
        l.marginWidth = 0;
        c.setLayout(l);
        return c;
    }

    private static Label label(Composite parent, String text) {
        Label l = new Label(parent, SWT.NONE);
        l.setText(text);
        l.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return l;
    }

    /** Computes the exposure again after each new snapshot (the same store published again is skipped). */
    @Override
    public void show(Snapshot s) {
        if (s.at().equals(seen)) {
            return;
        }
        seen = s.at();
        long request = ++requests;
        new PartJob("Computing the exposure", () -> session.backend().exposure(request, Instant.now()),
                session.broker(), WorkbenchTopics.EXPOSURE).schedule();
    }

    @Inject
    @Optional
    void onExposure(@UIEventTopic(WorkbenchTopics.EXPOSURE) Exposure e) {
        if (live()) {
            showExposure(e);
        }
    }

    /** Shows {@code e} when it answers the latest request (an older answer is dropped); UI thread only. */
    public void showExposure(Exposure e) {
        if (e.request() != requests) {
            return;
        }
        String was = selectedDevice() == null ? null : selectedDevice().deviceId();
        exposure = e;
        devices.removeAll();
        recommendations.removeAll();
        ExposureReport r = e.report();
        if (r == null) {
            showFindings();
            reasons.setText("");
            score.setText(Figures.NONE);
            band.setText("");
            over.setText("");
            warn(e.problem());
            root.layout(true, true);
            return;
        }
        boolean noFeed = e.noAdvisoryFeed();
        long matched = r.devices().stream().filter(d -> d.score().isPresent()).count();
        score.setText(noFeed ? Figures.NONE : r.score().map(v -> Figures.number(v, 1)).orElse(Figures.NONE));
        band.setText(noFeed ? "" : r.band().map(Enum::name).orElse(""));
        int n = r.devices().size();
        over.setText(n == 0 ? "No stored device has a software inventory yet: re-assess a Debian or Ubuntu machine."
                : noFeed ? "no exposure score (" + n + (n == 1 ? " device" : " devices") + " with an inventory)"
                        : "over " + matched + " of " + n + " devices with an inventory");
        if (noFeed) {
            warn(NO_ADVISORY_FEED);
        } else if (r.stale()) {
            warn("Stale: " + String.join(", ", e.staleFeeds()) + " (feeds older than 7 days): the exposure may "
                    + "miss recent vulnerabilities; import them again (bulwark feeds import, bulwark feeds update).");
        } else {
            warn(null);
        }
        for (DeviceExposure d : r.devices()) {
            TableItem item = new TableItem(devices, SWT.NONE);
            item.setText(new String[] { d.hostname(), d.release(),
                    noFeed ? Figures.NONE : d.score().map(v -> Figures.number(v, 1)).orElse(Figures.NONE),
                    noFeed ? "" : d.band().map(Enum::name).orElse(""),
                    d.score().isPresent() ? findings(d) : "", d.reason() });
        }
        int row = -1;
        for (int i = 0; i < r.devices().size(); i++) {
            DeviceExposure d = r.devices().get(i);
            if (d.deviceId().equals(was) || row < 0 && d.score().isPresent() && !noFeed) {
                row = i; // the device shown before, else the first matched one
            }
        }
        if (row >= 0) {
            devices.setSelection(row);
        }
        showFindings();
        List<String> why = r.devices().stream().filter(d -> !d.reason().isEmpty())
                .map(d -> d.hostname() + ": not matched: " + d.reason()).toList();
        reasons.setText(why.size() <= 5 ? String.join("\n", why)
                : String.join("\n", why.subList(0, 5)) + "\n… and " + (why.size() - 5) + " more");
        ((GridData) reasons.getLayoutData()).exclude = why.isEmpty();
        reasons.setVisible(!why.isEmpty());
        for (SoftwareRecommendation s : noFeed ? List.<SoftwareRecommendation>of() : r.recommendations()) {
            TableItem item = new TableItem(recommendations, SWT.NONE);
            item.setText(new String[] { s.name(), s.remediationType().name().toLowerCase(Locale.ROOT),
                    Integer.toString(s.exposedDevices()), Integer.toString(s.findings().size()),
                    Figures.number(s.exposureImpact(), 2), String.join(", ", s.binaries()) });
        }
        root.layout(true, true);
    }

    /** @return the selected device's exposure, or {@code null} */
    DeviceExposure selectedDevice() {
        int i = devices.getSelectionIndex();
        ExposureReport r = exposure == null ? null : exposure.report();
        return r != null && i >= 0 && i < r.devices().size() ? r.devices().get(i) : null;
    }

    /** Shows the open vulnerabilities of the selected device. */
    private void showFindings() {
        findings.removeAll();
        DeviceExposure d = exposure != null && exposure.noAdvisoryFeed() ? null : selectedDevice();
        findingsTitle.setText(d == null ? "Findings (select a device)" : "Findings on " + d.hostname() + ": "
                + d.findings().size() + " open" + (d.undetermined().isEmpty() ? ""
                        : ", " + d.undetermined().size() + " undetermined (not counted)"));
        for (Finding f : d == null ? List.<Finding>of() : d.findings()) {
            TableItem item = new TableItem(findings, SWT.NONE);
            item.setText(new String[] { f.vulnId(), f.sourcePackage(), f.installedSourceVersion(),
                    f.fixedVersion().orElse(Figures.NONE), f.state().name(), f.severity().name(),
                    Figures.number(f.risk(), 3) });
        }
    }

    private static String findings(DeviceExposure d) {
        return d.findings().size() + (d.undetermined().isEmpty() ? "" : " (+" + d.undetermined().size()
                + " undetermined)");
    }

    private void warn(String text) {
        warning.setText(text == null ? "" : text);
        warning.setVisible(text != null);
        ((GridData) warning.getLayoutData()).exclude = text == null;
    }

    /** @return the exposure shown, or {@code null} before the first */
    public Exposure exposure() {
        return exposure;
    }

    @Focus
    void focus() {
        devices.setFocus();
    }
}
