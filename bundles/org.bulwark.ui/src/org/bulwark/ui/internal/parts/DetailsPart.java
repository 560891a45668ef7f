package org.bulwark.ui.internal.parts;

import java.util.List;
import java.util.Locale;

import org.bulwark.benchmark.api.Control;
import org.bulwark.scoring.api.Device;
import org.bulwark.scoring.api.Evidence;
import org.bulwark.scoring.api.Recommendation;
import org.bulwark.ui.WorkbenchIds;
import org.bulwark.ui.WorkbenchTopics;
import org.bulwark.ui.internal.Session;
import org.bulwark.ui.internal.model.Row;
import org.bulwark.ui.internal.model.Snapshot;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The selected recommendation: description, rationale, evidence per device (expected vs actual, and where it was
 * read), the remediation text and script (shown, never run), and the buttons of the commands Submit request,
 * Create exception (for the recommendation shown, {@link WorkbenchIds#SELECTED_RECOMMENDATION} in the part's
 * context) and Export all remediation activity data to CSV.
 */
public class DetailsPart extends SnapshotPart {

    private Session session;
    private PartCommands commands;
    private Composite root;
    Label title;
    Text body;
    Text script;
    Button submit;
    Button except;
    Button export;
    private Font mono;
    private Font bold;
    private String controlId;

    @PostConstruct
    public void create(Composite parent, Session session, PartCommands commands) {
        this.session = session;
        this.commands = commands;
        root = new Composite(parent, SWT.NONE);
        showWhile(root);
        root.setLayout(new GridLayout(3, false));
        title = new Label(root, SWT.WRAP);
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        bold = new Font(parent.getDisplay(), parent.getFont().getFontData()[0].getName(), 13, SWT.BOLD);
        title.setFont(bold);
        title.setText("Select a recommendation");
        body = new Text(root, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        Label sl = new Label(root, SWT.NONE);
        sl.setText("Remediation script (review it; Bulwark never runs it):");
        sl.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        script = new Text(root, SWT.MULTI | SWT.READ_ONLY | SWT.H_SCROLL | SWT.V_SCROLL | SWT.BORDER);
        mono = new Font(parent.getDisplay(), "Monospace", 9, SWT.NORMAL);
        script.setFont(mono);
        GridData sg = new GridData(SWT.FILL, SWT.FILL, true, false, 3, 1);
        sg.heightHint = 100;
        script.setLayoutData(sg);
        // each executes its command on the recommendation shown, kept in the part's context
        submit = commands.button(root, "Submit request…", WorkbenchIds.COMMAND_SUBMIT_REQUEST);
        except = commands.button(root, "Create exception…", WorkbenchIds.COMMAND_CREATE_EXCEPTION);
        export = commands.button(root, "Export all remediation activity data to CSV…",
                WorkbenchIds.COMMAND_EXPORT_ACTIVITIES);
        show(session.selected());
    }

    @Inject
    @Optional
    void onSelected(@UIEventTopic(WorkbenchTopics.RECOMMENDATION_SELECTED) String id) {
        if (live()) {
            show(id);
        }
    }

    /** Shows the selected recommendation as it stands in the new snapshot; UI thread only. */
    @Override
    public void show(Snapshot s) {
        show(controlId);
    }

    private Row row() {
        Snapshot s = session.current();
        return s == null || controlId == null ? null : s.row(controlId);
    }

    /** Shows the recommendation of {@code id}; UI thread only. */
    public void show(String id) {
        controlId = id;
        Snapshot s = session.current();
        Row r = row();
        // the handlers enable submit and except while the recommendation is one
        commands.select(WorkbenchIds.SELECTED_RECOMMENDATION, id);
        if (id == null || s == null) {
            return;
        }
        Control c = s.controls().get(id);
        title.setText((c != null ? c.title() : id) + "  (" + id + ")");
        StringBuilder b = new StringBuilder();
        if (r != null) {
            b.append(String.format(Locale.ROOT, "%s · weight %d · score impact +%.2f · %s · %d exposed device(s)%n%n",
                    r.category().label(), r.weight(), r.impact(), r.status().label(), r.exposedDevices().size()));
        } else {
            b.append("No longer a recommendation: every device has credit for this control.\n\n");
        }
        if (c != null) {
            if (c.description() != null && !c.description().isBlank()) {
                b.append("Description\n").append(c.description()).append("\n\n");
            }
            b.append("Rationale\n").append(nz(c.rationale()))
                    .append("\n\nRemediation (").append(c.remediation().type().label()).append(")\n")
                    .append(c.remediation().text()).append("\n\n");
        }
        b.append("Evidence\n");
        List<Recommendation.DeviceEvidence> evidence = s.evidence().get(id);
        if (evidence == null || evidence.isEmpty()) {
            b.append("No evidence stored for this control: press Re-assess to collect it.\n");
            if (r != null) {
                b.append("Exposed: ").append(String.join(", ", names(s, r.exposedDevices()))).append('\n');
            }
        } else {
            for (Recommendation.DeviceEvidence d : evidence) {
                b.append("• ").append(String.join("", names(s, List.of(d.deviceId())))).append(": ")
                        .append(d.result().state());
                if (d.result().reason() != null) {
                    b.append(" (").append(d.result().reason()).append(')');
                }
                if (d.exception() != null) {
                    b.append(" — exception ").append(d.exception().id()).append(", ")
                            .append(d.exception().justification());
                }
                b.append('\n');
                for (Evidence e : d.result().evidence()) {
                    b.append("    ").append(e.key()).append(": expected ").append(nz(e.expected()))
                            .append(", actual ").append(e.actual().isEmpty() ? "(none)" : String.join(" | ", e.actual()));
                    if (e.source() != null) {
                        b.append("  [").append(e.source().kind());
                        if (e.source().location() != null && !e.source().location().isBlank()) {
                            b.append(' ').append(e.source().location());
                        }
                        if (e.source().line() > 0) {
                            b.append(':').append(e.source().line());
                        }
                        b.append(']');
                    }
                    b.append('\n');
                }
            }
        }
        body.setText(b.toString());
        script.setText(c == null || c.remediation().script() == null ? "(no script)" : c.remediation().script());
        root.layout(true, true);
    }

    private static List<String> names(Snapshot s, List<String> ids) {
        return ids.stream().map(id -> s.devices().stream().filter(d -> d.id().equals(id)).map(Device::hostname)
                .findFirst().orElse(id)).toList();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Focus
    void focus() {
        body.setFocus();
    }

    @PreDestroy
    void dispose() {
        mono.dispose();
        bold.dispose();
    }
}
