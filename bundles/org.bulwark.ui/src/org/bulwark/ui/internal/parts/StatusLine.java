package org.bulwark.ui.internal.parts;

import org.bulwark.ui.WorkbenchTopics;
import org.bulwark.ui.internal.jobs.ReassessJob;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/** The status line (a tool control in the bottom trim): the re-assessment's progress and a Cancel button. */
public class StatusLine {

    private Label message;
    private ProgressBar bar;
    private Button cancel;
    @Inject
    UISynchronize sync;
    private final JobChangeAdapter listener = new JobChangeAdapter() {
        @Override
        public void running(IJobChangeEvent event) {
            update(event, true);
        }

        @Override
        public void done(IJobChangeEvent event) {
            update(event, false);
        }

        private void update(IJobChangeEvent event, boolean running) {
            if (event.getJob() instanceof ReassessJob && sync != null) {
                sync.asyncExec(() -> busy(running));
            }
        }
    };

    @PostConstruct
    public void create(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(3, false);
        layout.marginHeight = 1;
        c.setLayout(layout);
        message = new Label(c, SWT.NONE);
        message.setLayoutData(new GridData(420, SWT.DEFAULT));
        message.setText("Ready");
        bar = new ProgressBar(c, SWT.INDETERMINATE);
        bar.setLayoutData(new GridData(160, SWT.DEFAULT));
        cancel = new Button(c, SWT.PUSH);
        cancel.setText("Cancel");
        cancel.addListener(SWT.Selection, e -> {
            for (Job job : Job.getJobManager().find(ReassessJob.class)) {
                job.cancel();
            }
        });
        busy(false);
        Job.getJobManager().addJobChangeListener(listener);
    }

    void busy(boolean running) {
        if (bar.isDisposed()) {
            return;
        }
        bar.setVisible(running);
        cancel.setVisible(running);
    }

    @Inject
    @Optional
    void progress(@UIEventTopic(WorkbenchTopics.PROGRESS) String text) {
        if (message != null && !message.isDisposed()) {
            message.setText(text);
            message.getParent().layout();
        }
    }

    @PreDestroy
    void dispose() {
        Job.getJobManager().removeJobChangeListener(listener);
    }
}
