package org.bulwark.report.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.bulwark.report.api.ReportFormat;
import org.bulwark.scoring.api.Assessment;

/** Renders through the service class, as callers do. */
final class Render {

    private Render() {
    }

    static String render(Assessment a, ReportFormat format, String fullReport) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ReportService().write(a, format, out, fullReport);
        return out.toString(StandardCharsets.UTF_8);
    }

    static String render(Assessment a, ReportFormat format) throws IOException {
        return render(a, format, null);
    }
}
