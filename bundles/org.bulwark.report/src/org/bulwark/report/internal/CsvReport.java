package org.bulwark.report.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.bulwark.benchmark.api.Control;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.Evidence;
import org.bulwark.scoring.api.Recommendation;

/**
 * One row per recommendation, by descending impact (RFC 4180: CRLF line ends, fields with {@code "}, {@code ,}
 * or line breaks quoted, quotes doubled). A cell that a spreadsheet would take for a formula (starting with
 * {@code =}, {@code +}, {@code -}, {@code @}, tab or carriage return) gets a leading {@code '}. Columns:
 * {@code docs/report-formats.md}.
 */
final class CsvReport {

    static final List<String> COLUMNS = List.of("control_id", "title", "category", "weight", "score_impact",
            "exposed_devices", "status", "remediation_type", "remediation", "expected", "actual", "source");

    void write(Assessment a, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        row(w, COLUMNS);
        for (Recommendation r : a.recommendations()) {
            Control c = r.control();
            List<String> expected = new ArrayList<>();
            List<String> actual = new ArrayList<>();
            List<String> source = new ArrayList<>();
            boolean fleet = r.evidence().size() > 1;
            for (Recommendation.DeviceEvidence de : r.evidence()) {
                String prefix = fleet ? de.deviceId() + ": " : "";
                if (de.result().evidence().isEmpty()) {
                    expected.add(prefix + c.expect().describe());
                    actual.add(prefix + de.result().state() + (de.result().reason() == null ? ""
                            : " (" + de.result().reason() + ")"));
                    source.add(prefix);
                }
                for (Evidence e : de.result().evidence()) {
                    expected.add(prefix + nullToEmpty(e.expected()));
                    actual.add(prefix + Fmt.actual(e));
                    source.add(prefix + Fmt.source(e));
                }
            }
            row(w, List.of(c.id(), c.title(), Fmt.category(c.category()), Integer.toString(c.weight()),
                    Fmt.number(r.impact(), 4), Integer.toString(r.exposedDevices().size()), Fmt.status(r.status()),
                    c.remediation().type().label(), c.remediation().text(), lines(expected), lines(actual),
                    lines(source)));
        }
        w.flush();
    }

    /** Writes any table with the same escaping: the header, then the rows. */
    void table(List<String> columns, List<List<String>> rows, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        row(w, columns);
        for (List<String> r : rows) {
            row(w, r);
        }
        w.flush();
    }

    private static String lines(List<String> values) {
        return String.join("\n", values).strip();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static void row(Writer w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(cell(cells.get(i)));
        }
        w.write("\r\n");
    }

    /** @return {@code value} escaped against formula injection, then quoted as RFC 4180 asks */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf('"') >= 0 || v.indexOf(',') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
