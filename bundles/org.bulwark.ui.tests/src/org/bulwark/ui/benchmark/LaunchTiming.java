package org.bulwark.ui.benchmark;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.function.LongSupplier;

import org.bulwark.ui.WorkbenchTopics;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.swt.widgets.Display;

import jakarta.inject.Inject;

/**
 * The launch benchmark's probe, never in the product: an e4 add-on that hears the first
 * {@link WorkbenchTopics#DASHBOARD_SHOWN}, has every pending paint done, prints the time since the JVM started and
 * closes the workbench. {@code releng/benchmark-workbench.sh} packs it with {@code benchmark/MANIFEST.MF} and
 * {@code benchmark/fragment.e4xmi} (which adds it to the application's add-ons) into a drop-in bundle in the
 * plug-in folder of its runs only.
 */
public final class LaunchTiming {

    private final PrintStream out;
    private final long started;
    private final LongSupplier clock;
    private boolean timed; // UI thread only

    public LaunchTiming() {
        this(System.out, ManagementFactory.getRuntimeMXBean().getStartTime(), System::currentTimeMillis);
    }

    /**
     * @param started when the JVM started, in milliseconds since the epoch
     * @param clock   the time now, in the same unit
     */
    LaunchTiming(PrintStream out, long started, LongSupplier clock) {
        this.out = out;
        this.started = started;
        this.clock = clock;
    }

    /** The first dashboard with a score: painted, measured, then the workbench closes. */
    @Inject
    @Optional
    void shown(@UIEventTopic(WorkbenchTopics.DASHBOARD_SHOWN) String dashboard, @Optional IWorkbench workbench,
            @Optional UISynchronize sync) {
        if (dashboard == null || timed) {
            return;
        }
        timed = true;
        Display display = Display.getCurrent();
        if (display != null) {
            display.update();
        }
        out.printf(Locale.ROOT, "bulwark: dashboard visible %d ms after launch (%s)%n", clock.getAsLong() - started,
                dashboard);
        out.flush();
        if (workbench != null && sync != null) {
            sync.asyncExec(workbench::close);
        }
    }
}
