package org.bulwark.testing.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/** Reads SCR's DTOs; loaded only when the package of {@link ServiceComponentRuntime} is wired. */
final class ScrStates {

    static final String ABSENT = "ServiceComponentRuntime is not present";

    private ScrStates() {
    }

    static String describe(BundleContext context, String type, boolean registered) {
        ServiceReference<ServiceComponentRuntime> reference = context.getServiceReference(ServiceComponentRuntime.class);
        ServiceComponentRuntime scr = reference == null ? null : context.getService(reference);
        if (scr == null) {
            return ABSENT;
        }
        try {
            List<String> components = new ArrayList<>();
            for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
                if (d.serviceInterfaces != null && Arrays.asList(d.serviceInterfaces).contains(type)) {
                    components.add(d.name + " (bundle " + d.bundle.symbolicName + ") " + state(scr, d, registered));
                }
            }
            return components.isEmpty() ? "no DS component provides it"
                    : "DS components providing it: " + String.join("; ", components);
        } finally {
            context.ungetService(reference);
        }
    }

    private static String state(ServiceComponentRuntime scr, ComponentDescriptionDTO d, boolean registered) {
        if (!scr.isComponentEnabled(d)) {
            return "disabled";
        }
        Collection<ComponentConfigurationDTO> configurations = scr.getComponentConfigurationDTOs(d);
        if (configurations.isEmpty()) {
            return "without configuration" + policy(d);
        }
        List<String> states = new ArrayList<>();
        for (ComponentConfigurationDTO c : configurations) {
            states.add(state(d, c, registered));
        }
        return String.join(", ", states);
    }

    private static String state(ComponentDescriptionDTO d, ComponentConfigurationDTO c, boolean registered) {
        String failure = c.failure == null ? "" : " (" + c.failure.lines().findFirst().orElse("") + ")";
        String invisible = registered ? "" : INVISIBLE;
        switch (c.state) {
        case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION:
            return "UNSATISFIED_CONFIGURATION" + policy(d);
        case ComponentConfigurationDTO.UNSATISFIED_REFERENCE:
            List<String> missing = new ArrayList<>();
            for (UnsatisfiedReferenceDTO u : c.unsatisfiedReferences) {
                missing.add(u.name + ": " + referenceInterface(d, u.name) + (u.target == null ? "" : " " + u.target));
            }
            return "UNSATISFIED_REFERENCE (unsatisfied reference" + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing) + ")";
        case ComponentConfigurationDTO.FAILED_ACTIVATION:
            return "FAILED_ACTIVATION" + failure;
        case ComponentConfigurationDTO.SATISFIED:
            return "SATISFIED" + failure + invisible;
        case ComponentConfigurationDTO.ACTIVE:
            return "ACTIVE" + failure + invisible;
        default:
            return "state " + c.state + failure;
        }
    }

    /** A satisfied component whose service the caller cannot see (or that came after the timeout). */
    private static final String INVISIBLE = " (its service is not visible to the caller: another version of its"
            + " package, or registered after the timeout?)";

    private static String policy(ComponentDescriptionDTO d) {
        return " (configuration policy " + d.configurationPolicy + ", PID " + String.join(", ", d.configurationPid)
                + ")";
    }

    private static String referenceInterface(ComponentDescriptionDTO d, String name) {
        for (ReferenceDTO r : d.references) {
            if (r.name.equals(name)) {
                return r.interfaceName;
            }
        }
        return "?";
    }
}
