package org.bulwark.ui.internal.handlers;

import java.util.Optional;

import org.bulwark.ui.internal.Session;
import org.bulwark.ui.internal.jobs.ChangeJob;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.widgets.Shell;

/**
 * A change the user asked for through a command (in its dialog, or by confirming it).
 *
 * @param name    what the job does, e.g. {@code Completing remediation activity #3}
 * @param failure the start of the error message, e.g. {@code Activity #3 was not completed}
 * @param change  the change
 */
record Asked(String name, String failure, ChangeJob.Change change) {

    /** @return the {@link ChangeJob} of {@code asked}, scheduled, posting to {@code topic}; {@code null} if none */
    static ChangeJob start(Optional<Asked> asked, String topic, Session session, UISynchronize sync, Shell shell) {
        return asked.map(a -> new ChangeJob(session, sync, shell, a.name(), a.failure(), topic, a.change()).start())
                .orElse(null);
    }
}
