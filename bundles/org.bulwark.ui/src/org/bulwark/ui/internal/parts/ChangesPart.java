package org.bulwark.ui.internal.parts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.bulwark.scoring.api.Device;
import org.bulwark.scoring.api.ResultState;
import org.bulwark.store.api.AssessmentDiff;
import org.bulwark.store.api.AssessmentSummary;
import org.bulwark.ui.WorkbenchTopics;
import org.bulwark.ui.internal.Session;
import org.bulwark.ui.internal.jobs.PartJob;
import org.bulwark.ui.internal.model.Figures;
import org.bulwark.ui.internal.model.Snapshot;
import org.bulwark.ui.internal.model.Timeline;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * A device's change timeline (the device chosen above it, at first the one assessed last): one row per two
 * consecutive stored assessments, newest first — when, the score before → after, its delta, the points moved and
 * how many controls changed — and below, the selected row's changes (control, result before → after, the points
 * each moved, title, kind, the exception involved), in the vocabulary of the store's diff that
 * {@code bulwark diff} and the server's {@code /api/machines/{id}/changes} use. The timeline is read in a
 * {@link PartJob} (the newest {@link #PAGE} pairs, more on "Show older"), again after each snapshot.
 */
public class ChangesPart extends SnapshotPart {

    /** How many pairs are read at a time. */
    static final int PAGE = 50;

    private Session session;
    Combo device;
    Label summary;
    Table pairs;
    Label detail;
    Table changes;
    Button older;
    private final List<String> deviceIds = new ArrayList<>();
    private Instant seen;
    private long requests;
    private int limit = PAGE;
    private Timeline timeline;

    @PostConstruct
    public void create(Composite parent, Session session) {
        this.session = session;
        Composite root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(3, false));
        Label l = new Label(root, SWT.NONE);
        l.setText("Device");
        device = new Combo(root, SWT.READ_ONLY);
        GridData dg = new GridData(SWT.BEGINNING, SWT.CENTER, false, false);
        dg.widthHint = 220;
        device.setLayoutData(dg);
        device.addListener(SWT.Selection, e -> {
            limit = PAGE;
            request();
        });
        summary = new Label(root, SWT.WRAP);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        summary.setText("Loading the change timeline…");

        SashForm sash = new SashForm(root, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        Composite top = new Composite(sash, SWT.NONE);
        top.setLayout(new GridLayout(1, false));
        pairs = Tables.create(top, SWT.NONE, 1);
        showWhile(pairs);
        Tables.columns(pairs, new String[][] { { "Assessed", "175" }, { "Score", "105" }, { "Δ score", "70" },
                { "Δ earned / possible", "140" }, { "Changes", "70" }, { "Previous assessment", "200" } });
        pairs.addListener(SWT.Selection, e -> showChanges());
        older = new Button(top, SWT.PUSH);
        older.setText("Show older");
        older.setEnabled(false);
        older.addListener(SWT.Selection, e -> {
            limit += PAGE;
            request();
        });

        Composite bottom = new Composite(sash, SWT.NONE);
        bottom.setLayout(new GridLayout(1, false));
        detail = new Label(bottom, SWT.WRAP);
        detail.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        changes = Tables.create(bottom, SWT.NONE, 1);
        Tables.columns(changes, new String[][] { { "Control", "225" }, { "Result", "110" }, { "Earned Δ", "80" },
                { "Possible Δ", "90" }, { "Title", "300" }, { "Kind", "140" }, { "Exception", "90" } });
        sash.setWeights(55, 45);
        session.showOrLoad(this::show);
    }

    /** Follows the snapshot's devices, and reads the chosen device's timeline again after each new snapshot. */
    @Override
    public void show(Snapshot s) {
        String was = chosen();
        List<Device> devices = s.devices();
        Map<String, Integer> names = new HashMap<>();
        devices.forEach(d -> names.merge(d.hostname(), 1, Integer::sum));
        deviceIds.clear();
        device.removeAll();
        for (Device d : devices) {
            deviceIds.add(d.id());
            device.add(names.get(d.hostname()) > 1 ? d.hostname() + " (" + d.id() + ")" : d.hostname());
        }
        String choose = was != null && deviceIds.contains(was) ? was : lastAssessed(s);
        device.select(Math.max(0, deviceIds.indexOf(choose)));
        device.getParent().layout(true);
        if (!s.at().equals(seen) || !Objects.equals(was, chosen())) {
            seen = s.at(); // a snapshot published again with the stored evidence is the same store
            request();
        }
    }

    /** @return the device of the newest stored assessment, or {@code null} */
    private static String lastAssessed(Snapshot s) {
        List<AssessmentSummary> h = s.history();
        return h.isEmpty() ? null : h.get(h.size() - 1).device().id();
    }

    /** @return the id of the chosen device, or {@code null} when there is none */
    String chosen() {
        int i = device.getSelectionIndex();
        return i >= 0 && i < deviceIds.size() ? deviceIds.get(i) : null;
    }

    /** Reads the chosen device's timeline in a job; {@link #onTimeline} shows it. */
    private void request() {
        String id = chosen();
        if (id == null) {
            render(new Timeline(++requests, null, List.of(), 0, null));
            return;
        }
        long request = ++requests;
        int n = limit;
        new PartJob("Reading the change timeline", () -> session.backend().timeline(request, id, n),
                session.broker(), WorkbenchTopics.CHANGES).schedule();
    }

    @Inject
    @Optional
    void onTimeline(@UIEventTopic(WorkbenchTopics.CHANGES) Timeline t) {
        if (live()) {
            showTimeline(t);
        }
    }

    /** Shows {@code t} when it answers the latest request (an older answer is dropped); UI thread only. */
    public void showTimeline(Timeline t) {
        if (t.request() == requests) {
            render(t);
        }
    }

    private void render(Timeline t) {
        Long was = selectedTo();
        timeline = t;
        pairs.removeAll();
        for (AssessmentDiff d : t.diffs()) {
            TableItem item = new TableItem(pairs, SWT.NONE);
            item.setText(new String[] { Figures.time(d.to().finished()),
                    Figures.number(d.from().score(), 1) + " → " + Figures.number(d.to().score(), 1),
                    Figures.signed(d.scoreDelta(), 1),
                    Figures.signed(d.to().points().earned() - d.from().points().earned(), 4) + " / "
                            + Figures.signed(d.to().points().possible() - d.from().points().possible(), 4),
                    Integer.toString(d.changes().size()), "#" + d.from().id() + " · "
                            + Figures.time(d.from().finished()) });
        }
        older.setEnabled(t.more());
        if (t.problem() != null) {
            summary.setText(t.problem());
        } else if (t.deviceId() == null) {
            summary.setText("No device is stored yet: press Re-assess.");
        } else if (t.pairs() == 0) {
            summary.setText("Fewer than two assessments of this device are stored: its timeline starts with the "
                    + "next one (Re-assess).");
        } else {
            summary.setText(t.pairs() + (t.pairs() == 1 ? " pair" : " pairs") + " of consecutive assessments, "
                    + "newest first" + (t.more() ? " (the newest " + t.diffs().size() + " shown)" : ""));
        }
        int row = 0;
        for (int i = 0; was != null && i < t.diffs().size(); i++) {
            if (t.diffs().get(i).to().id() == was) {
                row = i;
            }
        }
        if (!t.diffs().isEmpty()) {
            pairs.setSelection(row);
        }
        showChanges();
        summary.getParent().layout(true, true);
    }

    /** @return the id of the later assessment of the selected pair, or {@code null} */
    private Long selectedTo() {
        AssessmentDiff d = selected();
        return d == null ? null : d.to().id();
    }

    /** @return the diff of the selected row, or {@code null} */
    AssessmentDiff selected() {
        int i = pairs.getSelectionIndex();
        return timeline != null && i >= 0 && i < timeline.diffs().size() ? timeline.diffs().get(i) : null;
    }

    private void showChanges() {
        changes.removeAll();
        AssessmentDiff d = selected();
        if (d == null) {
            detail.setText("");
            return;
        }
        detail.setText((d.changes().isEmpty() ? "Nothing moved the score" : d.changes().size()
                + (d.changes().size() == 1 ? " change" : " changes")) + " from assessment #" + d.from().id()
                + " to #" + d.to().id() + " (" + Figures.time(d.to().finished()) + ")");
        for (AssessmentDiff.Change c : d.changes()) {
            TableItem item = new TableItem(changes, SWT.NONE);
            item.setText(new String[] { c.controlId(), state(c.before()) + " → " + state(c.after()),
                    Figures.signed(c.earnedDelta(), 4), Figures.signed(c.possibleDelta(), 4),
                    c.title() == null ? "" : c.title(), c.kind().name(),
                    c.exceptionId() == null ? "" : c.exceptionId() });
        }
        detail.getParent().layout(true);
    }

    private static String state(ResultState s) {
        return s == null ? Figures.NONE : s.name();
    }

    /** @return the timeline shown, or {@code null} before the first */
    public Timeline timeline() {
        return timeline;
    }

    @Focus
    void focus() {
        pairs.setFocus();
    }
}
