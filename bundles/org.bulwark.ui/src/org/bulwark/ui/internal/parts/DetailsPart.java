package org.bulwark.ui.internal.parts;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.bulwark.benchmark.api.Control;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.Device;
import org.bulwark.scoring.api.Evidence;
import org.bulwark.scoring.api.Recommendation;
import org.bulwark.store.api.Remediation;
import org.bulwark.ui.WorkbenchTopics;
import org.bulwark.ui.internal.Session;
import org.bulwark.ui.internal.model.Row;
import org.bulwark.ui.internal.model.Snapshot;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The selected recommendation: description, rationale, evidence per device (expected vs actual, and where it was
 * read), the remediation text and script (shown, never run), and the actions Submit request, Create exception and
 * Export all remediation activity data to CSV. Store work runs in Jobs.
 */
public class DetailsPart {

    private Session session;
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
    public void create(Composite parent, Session session) {
        this.session = session;
        root = new Composite(parent, SWT.NONE);
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
        submit = new Button(root, SWT.PUSH);
        submit.setText("Submit request…");
        submit.addListener(SWT.Selection, e -> {
            Row r = row();
            if (r != null) {
                new RequestDialog(root.getShell(), r).openForResult().ifPresent(this::submit);
            }
        });
        except = new Button(root, SWT.PUSH);
        except.setText("Create exception…");
        except.addListener(SWT.Selection, e -> {
            Row r = row();
            if (r != null) {
                new ExceptionDialog(root.getShell(), r, session.current()).openForResult().ifPresent(this::createException);
            }
        });
        export = new Button(root, SWT.PUSH);
        export.setText("Export all remediation activity data to CSV…");
        export.addListener(SWT.Selection, e -> {
            FileDialog fd = new FileDialog(root.getShell(), SWT.SAVE);
            fd.setFileName("remediation-activities.csv");
            fd.setOverwrite(true);
            String file = fd.open();
            if (file != null) {
                export(Path.of(file));
            }
        });
        show(session.selected());
    }

    @Inject
    @Optional
    void onSelected(@UIEventTopic(WorkbenchTopics.RECOMMENDATION_SELECTED) String id) {
        if (root != null && !root.isDisposed()) {
            show(id);
        }
    }

    @Inject
    @Optional
    void onSnapshot(@UIEventTopic(WorkbenchTopics.SNAPSHOT) Snapshot snapshot) {
        if (root != null && !root.isDisposed()) {
            show(controlId);
        }
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
        boolean enabled = r != null;
        submit.setEnabled(enabled);
        except.setEnabled(enabled);
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

    /** Stores a remediation activity in a Job; the activities part and the dashboard follow. */
    public Job submit(Remediation.Request request) {
        return run("Submitting the remediation request", () -> session.backend().submit(request),
                "The remediation request was not stored");
    }

    /** Stores an exception in a Job; scores and status follow. */
    public Job createException(ControlException exception) {
        return run("Creating the exception", () -> session.backend().except(exception),
                "The exception was not stored");
    }

    /** Exports every remediation activity to {@code file} in a Job. */
    public Job export(Path file) {
        return run("Exporting remediation activities", () -> session.backend().exportActivities(file),
                "The CSV was not written");
    }

    interface Work {
        Object run() throws Exception;
    }

    private Job run(String name, Work work, String failure) {
        org.eclipse.swt.widgets.Display display = root.getDisplay();
        Job job = Job.create(name, monitor -> {
            try {
                work.run();
            } catch (Exception e) {
                display.asyncExec(() -> {
                    if (!root.isDisposed()) {
                        MessageDialog.openError(root.getShell(), "Bulwark", failure + ": " + e.getMessage()
                                + "\n\nNothing was changed; correct the input and try again.");
                    }
                });
                return Status.error(failure + ": " + e.getMessage(), e);
            }
            session.broker().post(WorkbenchTopics.ACTIVITIES_CHANGED, name);
            session.refresh();
            return Status.OK_STATUS;
        });
        job.schedule();
        return job;
    }

    /** @return a new exception id like the command line's, {@code ex-} and 8 hex digits */
    static String newExceptionId() {
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        return "ex-" + HexFormat.of().formatHex(random);
    }

    static Instant endOfDay(LocalDate d) {
        return d.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
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
