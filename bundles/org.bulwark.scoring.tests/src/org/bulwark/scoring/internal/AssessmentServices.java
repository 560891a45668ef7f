package org.bulwark.scoring.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.concurrent.TimeUnit;

import org.bulwark.scoring.api.AssessmentService;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/** The OSGi tests' way to the assessment service component. */
final class AssessmentServices {

    private AssessmentServices() {
    }

    /** @return the AssessmentService, waiting up to 10 s for the component to activate */
    static AssessmentService await(BundleContext context) throws InterruptedException {
        ServiceTracker<AssessmentService, AssessmentService> tracker = new ServiceTracker<>(context,
                AssessmentService.class, null);
        tracker.open();
        AssessmentService service = tracker.waitForService(TimeUnit.SECONDS.toMillis(10));
        assertNotNull(service, "the AssessmentService component must activate");
        return service;
    }
}
