package org.bulwark.ui.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

import org.bulwark.ui.WorkbenchIds;
import org.bulwark.ui.internal.TestWorkbench;
import org.eclipse.e4.ui.model.application.MAddon;
import org.eclipse.e4.ui.model.application.MApplicationElement;
import org.eclipse.e4.ui.model.fragment.MModelFragments;
import org.eclipse.e4.ui.model.fragment.MStringModelFragment;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The launch benchmark's probe and the drop-in bundle releng/benchmark-workbench.sh builds of it: its manifest and
 * model fragment, and what it prints and does when the dashboard first shows a score.
 */
class LaunchTimingTest {

    /** @return {@code path} in this test bundle (a fragment: not the host's entries) */
    private static URL entry(String path) {
        Bundle host = FrameworkUtil.getBundle(LaunchTimingTest.class);
        for (Bundle b : host.getBundleContext().getBundles()) {
            if (b.getSymbolicName().equals("org.bulwark.ui.tests")) {
                return b.getEntry(path);
            }
        }
        throw new AssertionError("org.bulwark.ui.tests is not in the runtime");
    }

    @Test
    void theDropInAddsTheProbeToTheApplicationsAddOns() throws Exception {
        URL url = entry("benchmark/fragment.e4xmi");
        assertNotNull(url, "benchmark/fragment.e4xmi");
        MModelFragments fragments = (MModelFragments) TestWorkbench.load(url);
        assertEquals(1, fragments.getFragments().size());
        MStringModelFragment f = (MStringModelFragment) fragments.getFragments().get(0);
        assertEquals(WorkbenchIds.APPLICATION, f.getParentElementId());
        assertEquals("addons", f.getFeaturename());
        List<MApplicationElement> elements = f.getElements();
        assertEquals(1, elements.size());
        assertEquals("bundleclass://org.bulwark.ui.benchmark/" + LaunchTiming.class.getName(),
                ((MAddon) elements.get(0)).getContributionURI());

        try (InputStream in = entry("benchmark/MANIFEST.MF").openStream()) {
            Attributes a = new Manifest(in).getMainAttributes();
            assertEquals("org.bulwark.ui.benchmark;singleton:=true", a.getValue("Bundle-SymbolicName"));
            assertEquals("fragment.e4xmi;apply=always", a.getValue("Model-Fragment"));
            // what LaunchTiming imports
            assertEquals("org.bulwark.ui;version=\"[1.2,2)\",jakarta.inject,org.eclipse.e4.core.di.annotations,"
                    + "org.eclipse.e4.ui.di,org.eclipse.e4.ui.workbench,org.eclipse.swt.widgets",
                    a.getValue("Import-Package"));
        }
    }

    @Test
    void theFirstDashboardIsMeasuredOnceThenTheWorkbenchCloses() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long[] now = { 3_600 };
        LaunchTiming timing = new LaunchTiming(new PrintStream(out, true, StandardCharsets.UTF_8), 1_000,
                () -> now[0]);
        AtomicInteger closed = new AtomicInteger();
        IWorkbench workbench = (IWorkbench) Proxy.newProxyInstance(IWorkbench.class.getClassLoader(),
                new Class<?>[] { IWorkbench.class }, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        closed.incrementAndGet();
                    }
                    return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
                });
        TestWorkbench.DisplaySync sync = new TestWorkbench.DisplaySync(Display.getDefault()) {
            @Override
            public void asyncExec(Runnable runnable) {
                runnable.run();
            }
        };
        timing.shown(null, workbench, sync); // injected before any event: nothing
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        timing.shown("52.2 · 43.8 of 84.0 points · 69 active recommendations", workbench, sync);
        now[0] = 9_000;
        timing.shown("60.0 · 50.4 of 84.0 points · 60 active recommendations", workbench, sync);
        assertEquals("bulwark: dashboard visible 2600 ms after launch (52.2 · 43.8 of 84.0 points · 69 active "
                + "recommendations)" + System.lineSeparator(), out.toString(StandardCharsets.UTF_8));
        assertEquals(1, closed.get());
    }
}
