package org.bulwark.report.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;

import org.bulwark.report.api.ReportFormat;
import org.bulwark.report.api.ReportWriter;
import org.bulwark.report.api.ReportedAssessment;
import org.bulwark.report.api.ReportedExposure;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.FleetScore;
import org.osgi.service.component.annotations.Component;

/** The {@link ReportWriter} service: stateless, thread-safe. */
@Component(service = ReportWriter.class)
public final class ReportService implements ReportWriter {

    private final JsonReport json = new JsonReport();
    private final CsvReport csv = new CsvReport();
    private final HtmlReport html = new HtmlReport();
    private final JunitReport junit = new JunitReport();
    private final SarifReport sarif = new SarifReport();
    private final TextReport text = new TextReport();
    private final FleetText fleet = new FleetText();

    @Override
    public void write(Assessment assessment, ReportFormat format, OutputStream out, String fullReport,
            ReportedExposure exposure) throws IOException {
        Objects.requireNonNull(assessment, "assessment");
        Objects.requireNonNull(out, "out");
        switch (Objects.requireNonNull(format, "format")) {
            case JSON -> json.write(assessment, out, exposure);
            case CSV -> csv.write(assessment, out);
            case HTML -> html.write(assessment, out, exposure);
            case TEXT -> text.write(assessment, out, fullReport, exposure);
            case UPLOAD -> json.writeUpload(assessment, out);
            case JUNIT -> junit.write(assessment, out);
            case SARIF -> sarif.write(assessment, out);
        }
    }

    @Override
    public void writeFleet(FleetScore score, List<ReportedAssessment> reports, OutputStream out) throws IOException {
        fleet.write(Objects.requireNonNull(score, "score"), Objects.requireNonNull(reports, "reports"),
                Objects.requireNonNull(out, "out"));
    }

    @Override
    public void writeCsv(List<String> columns, List<List<String>> rows, OutputStream out) throws IOException {
        csv.table(Objects.requireNonNull(columns, "columns"), Objects.requireNonNull(rows, "rows"),
                Objects.requireNonNull(out, "out"));
    }
}
