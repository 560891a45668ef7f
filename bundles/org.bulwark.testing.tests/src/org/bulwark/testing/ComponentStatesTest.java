package org.bulwark.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * A failed {@link Services#await} names the state of the DS components that would provide the type: bundles made
 * here hold one component per state, as descriptors only (no classes: only the failing component tries to load its
 * class). The {@code probes} bundle imports this package; the {@code strangers} bundle exports a package of the
 * same name, another version of it, so its satisfied component's service is not visible to the tests.
 */
@TestInstance(Lifecycle.PER_CLASS)
class ComponentStatesTest {

    interface Unsatisfied {
    }

    interface Disabled {
    }

    interface Unconfigured {
    }

    interface Failing {
    }

    interface Invisible {
    }

    private static final String BSN = "org.bulwark.testing.probes";
    private static final String STRANGERS = "org.bulwark.testing.strangers";
    private static final Duration SHORT = Duration.ofMillis(200);
    private final List<Bundle> installed = new ArrayList<>();

    @BeforeAll
    void installProbes() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(ComponentStatesTest.class).getBundleContext();
        installed.add(context.installBundle("memory:" + BSN, new ByteArrayInputStream(jar(BSN,
                "Import-Package", "org.bulwark.testing;version=\"[1,2)\"", Map.of(
                "unsatisfied", component("", Unsatisfied.class,
                        "<reference name=\"store\" interface=\"probes.Store\" target=\"(kind=h2)\"/>"
                                + "<reference name=\"clock\" interface=\"probes.Clock\"/>"),
                "disabled", component("enabled=\"false\"", Disabled.class, ""),
                "unconfigured", component("configuration-policy=\"require\" configuration-pid=\"probes.config\"",
                        Unconfigured.class, ""),
                "failing", component("", Failing.class, ""))))));
        installed.add(context.installBundle("memory:" + STRANGERS, new ByteArrayInputStream(jar(STRANGERS,
                "Export-Package", "org.bulwark.testing;version=\"0.1.0\"",
                Map.of("invisible", component("", Invisible.class, ""))))));
        for (Bundle b : installed) {
            b.start();
        }
    }

    @AfterAll
    void uninstallProbes() throws Exception {
        for (Bundle b : installed) {
            b.uninstall();
        }
    }

    private static String component(String attributes, Class<?> type, String reference) {
        String name = type.getSimpleName();
        return """
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="%s" %s>
                  <implementation class="probes.%s"/>
                  <service><provide interface="%s"/></service>
                  %s
                </scr:component>
                """.formatted(name, attributes, name, type.getName(), reference);
    }

    private static byte[] jar(String bsn, String packageHeader, String packages, Map<String, String> components) {
        TestBundle jar = TestBundle.of(bsn, "1.0.0").header("Service-Component", "OSGI-INF/*.xml")
                .header(packageHeader, packages);
        components.forEach((name, xml) -> jar.entry("OSGI-INF/" + name + ".xml", xml));
        return jar.bytes();
    }

    private static String failure(Class<?> type) {
        return assertThrows(AssertionError.class, () -> Services.await(type, SHORT)).getMessage();
    }

    @Test
    void unsatisfiedReferencesAreNamed() {
        assertEquals("no org.bulwark.testing.ComponentStatesTest$Unsatisfied service within 200 ms; DS components"
                + " providing it: Unsatisfied (bundle " + BSN + ") UNSATISFIED_REFERENCE (unsatisfied references"
                + " store: probes.Store (kind=h2), clock: probes.Clock)", failure(Unsatisfied.class));
    }

    @Test
    void aDisabledComponentIsNamed() {
        assertEquals("no org.bulwark.testing.ComponentStatesTest$Disabled service within 200 ms; DS components"
                + " providing it: Disabled (bundle " + BSN + ") disabled", failure(Disabled.class));
    }

    @Test
    void aMissingConfigurationIsNamed() {
        assertEquals("no org.bulwark.testing.ComponentStatesTest$Unconfigured service within 200 ms; DS components"
                + " providing it: Unconfigured (bundle " + BSN + ") without configuration (configuration policy"
                + " require, PID probes.config)", failure(Unconfigured.class));
    }

    @Test
    void aFailedActivationIsNamed() {
        assertEquals("no org.bulwark.testing.ComponentStatesTest$Failing service within 200 ms"
                + " (bundle " + BSN + " registers one, but getting it returned null: did its component fail to"
                + " activate?); DS components providing it: Failing (bundle " + BSN + ") SATISFIED",
                failure(Failing.class));
    }

    @Test
    void aServiceTheCallerCannotSeeIsNamed() {
        assertEquals("no org.bulwark.testing.ComponentStatesTest$Invisible service within 200 ms; DS components"
                + " providing it: Invisible (bundle " + STRANGERS + ") SATISFIED (its service is not visible to the"
                + " caller: another version of its package, or registered after the timeout?)",
                failure(Invisible.class));
    }
}
