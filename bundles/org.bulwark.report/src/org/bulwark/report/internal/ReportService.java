package org.bulwark.report.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

import org.bulwark.report.api.ReportFormat;
import org.bulwark.report.api.ReportWriter;
import org.bulwark.scoring.api.Assessment;
import org.osgi.service.component.annotations.Component;

/** The {@link ReportWriter} service: stateless, thread-safe. */
@Component(service = ReportWriter.class)
public final class ReportService implements ReportWriter {

    private final JsonReport json = new JsonReport();
    private final CsvReport csv = new CsvReport();
    private final HtmlReport html = new HtmlReport();
    private final TextReport text = new TextReport();

    @Override
    public void write(Assessment assessment, ReportFormat format, OutputStream out, String fullReport)
            throws IOException {
        Objects.requireNonNull(assessment, "assessment");
        Objects.requireNonNull(out, "out");
        switch (Objects.requireNonNull(format, "format")) {
            case JSON -> json.write(assessment, out);
            case CSV -> csv.write(assessment, out);
            case HTML -> html.write(assessment, out);
            case TEXT -> text.write(assessment, out, fullReport);
        }
    }
}
