package org.bulwark.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;

/** {@link TestServices}: what a test registers is gone after it, the last registered first. */
class TestServicesTest {

    /** A service type no one registers but these tests. */
    interface Probe {
    }

    private static final String FILTER = "(org.bulwark.testing.test=extension)";

    private final BundleContext context = FrameworkUtil.getBundle(TestServicesTest.class).getBundleContext();

    @RegisterExtension
    final TestServices services = new TestServices();

    @Test
    void registeredForTheTest() throws Exception {
        Probe probe = new Probe() {
        };
        Registration<Probe> r = services.register(Probe.class, probe, Map.of("org.bulwark.testing.test", "extension"));
        assertSame(probe, Services.await(Probe.class));
        assertEquals(1, context.getServiceReferences(Probe.class, FILTER).size());
        assertEquals("org.bulwark.testing", r.reference().getBundle().getSymbolicName(),
                "in the test class's bundle (a fragment's host)");
        // unregistered after the test: see unregisteredAfterEachTest()
    }

    @AfterAll
    static void unregisteredAfterEachTest() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(TestServicesTest.class).getBundleContext();
        assertEquals(List.of(), List.copyOf(context.getServiceReferences(Probe.class, FILTER)));
    }

    @Test
    void unregisteredInReverseOrder() throws Exception {
        TestServices own = new TestServices(context);
        List<Object> unregistered = new ArrayList<>();
        ServiceListener listener = event -> {
            if (event.getType() == ServiceEvent.UNREGISTERING) {
                unregistered.add(event.getServiceReference().getProperty("name"));
            }
        };
        context.addServiceListener(listener, "(objectClass=" + Probe.class.getName() + ")");
        try {
            Registration<Probe> first = own.register(Probe.class, new Probe() {
            }, Map.of("name", "first"));
            Registration<Probe> closed = own.register(Probe.class, new Probe() {
            }, Map.of("name", "closed early"));
            own.register(Probe.class, new Probe() {
            }, Map.of("name", "last"));
            closed.close();
            own.afterEach(null);
            assertEquals(List.of("closed early", "last", "first"), unregistered);
            assertFalse(first.registered());
            assertEquals(null, context.getServiceReference(Probe.class));
            own.afterEach(null); // nothing left
            assertEquals(3, unregistered.size());
        } finally {
            context.removeServiceListener(listener);
        }
    }
}
