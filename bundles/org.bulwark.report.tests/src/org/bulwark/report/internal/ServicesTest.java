package org.bulwark.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;

import org.bulwark.report.api.ReportFormat;
import org.bulwark.report.api.ReportReader;
import org.bulwark.report.api.ReportWriter;
import org.bulwark.report.api.ReportedAssessment;
import org.bulwark.testing.Services;
import org.junit.jupiter.api.Test;

/** The writer and the reader are DS components: found as services, they round-trip a report. */
class ServicesTest {

    @Test
    void writerAndReaderAreServices() throws Exception {
        ReportWriter writer = Services.await(ReportWriter.class, Duration.ofSeconds(5));
        ReportReader reader = Services.await(ReportReader.class, Duration.ofSeconds(5));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(Fixtures.assessment(), ReportFormat.JSON, out);
        ReportedAssessment back = reader.read("service.json", new ByteArrayInputStream(out.toByteArray()));
        assertEquals(Fixtures.DEVICE, back.device());
        assertEquals(6, back.controls().size());
    }
}
