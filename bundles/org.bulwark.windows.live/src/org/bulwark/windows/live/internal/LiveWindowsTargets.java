package org.bulwark.windows.live.internal;

import java.util.Optional;
import java.util.function.Supplier;

import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.windows.api.WindowsTarget;
import org.bulwark.windows.api.WindowsTargets;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Windows targets, live ones included. A collector holds one {@link WindowsTargets}, so this component, ranked above
 * the offline one, hands an offline context to it ({@code offline}: any other {@code WindowsTargets}) and serves a
 * live context itself, only when {@code os.name} starts with "Windows"; elsewhere a live context is empty and no
 * Win32 call is made, so JNA's native library is never loaded on Linux. Nothing happens at activation: the calls
 * are made when a collector reads a view. Thread-safe.
 */
@Component(service = WindowsTargets.class, property = "service.ranking:Integer=10")
public final class LiveWindowsTargets implements WindowsTargets {

    static final String NAME = "org.bulwark.windows.live.internal.LiveWindowsTargets";

    private final WindowsTargets offline;
    private final boolean windows;
    private final Supplier<Win32Calls> calls;

    @Activate
    public LiveWindowsTargets(@Reference(target = "(!(component.name=" + NAME + "))") WindowsTargets offline) {
        this(offline, System.getProperty("os.name", "").startsWith("Windows"), NativeWin32Calls::new);
    }

    LiveWindowsTargets(WindowsTargets offline, boolean windows, Supplier<Win32Calls> calls) {
        this.offline = offline;
        this.windows = windows;
        this.calls = calls;
    }

    @Override
    public Optional<WindowsTarget> open(AssessmentContext context) {
        if (!context.live()) {
            return offline.open(context);
        }
        if (!windows) {
            return Optional.empty();
        }
        return Optional.of(new LiveTarget(calls.get()));
    }
}
