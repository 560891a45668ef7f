package org.bulwark.ui.internal.parts;

import org.bulwark.ui.WorkbenchTopics;
import org.bulwark.ui.internal.model.Snapshot;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.widgets.Control;

import jakarta.inject.Inject;

/**
 * A part that shows the workbench's snapshot: each new one ({@link WorkbenchTopics#SNAPSHOT}) is shown while the
 * part's widgets exist, that is after its {@code @PostConstruct} and until they are disposed.
 */
public abstract class SnapshotPart {

    private Control widget;

    /** Shows {@code s}; UI thread only. */
    public abstract void show(Snapshot s);

    /** Shows each new snapshot while {@code w} exists: called from {@code @PostConstruct} once it is created. */
    final void showWhile(Control w) {
        this.widget = w;
    }

    /** @return whether the part's widgets exist and are not disposed (events for it may be shown) */
    final boolean live() {
        return widget != null && !widget.isDisposed();
    }

    @Inject
    @Optional
    void onSnapshot(@UIEventTopic(WorkbenchTopics.SNAPSHOT) Snapshot snapshot) {
        if (live()) {
            show(snapshot);
        }
    }
}
