package org.bulwark.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import org.bulwark.report.api.ReportFormat;
import org.bulwark.report.api.ReportReader;
import org.bulwark.report.api.ReportWriter;
import org.bulwark.report.api.ReportedAssessment;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The writer and the reader are DS components: found as services, they round-trip a report. */
class ServicesTest {

    private static <T> T service(Class<T> type) throws InterruptedException {
        BundleContext context = FrameworkUtil.getBundle(ServicesTest.class).getBundleContext();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(5_000);
            assertNotNull(service, type.getSimpleName() + " service");
            return service;
        } finally {
            tracker.close();
        }
    }

    @Test
    void writerAndReaderAreServices() throws Exception {
        ReportWriter writer = service(ReportWriter.class);
        ReportReader reader = service(ReportReader.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(Fixtures.assessment(), ReportFormat.JSON, out);
        ReportedAssessment back = reader.read("service.json", new ByteArrayInputStream(out.toByteArray()));
        assertEquals(Fixtures.DEVICE, back.device());
        assertEquals(6, back.controls().size());
    }
}
