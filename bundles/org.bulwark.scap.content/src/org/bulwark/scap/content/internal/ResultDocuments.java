package org.bulwark.scap.content.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.bulwark.scap.ResolvedProfile;
import org.bulwark.scap.Rule;
import org.bulwark.scap.ScapContent;
import org.bulwark.scap.content.ScapResultFormat;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.ScoringService;
import org.bulwark.scoring.api.XccdfResult;
import org.bulwark.scoring.api.XccdfScore;

/**
 * The result documents of an assessment of one prepared SCAP content, in OpenSCAP's shapes: an XCCDF results file
 * (the benchmark copied with the {@code TestResult} in it) or an ARF asset report collection (the data stream as the
 * report request, the target as the asset, the {@code TestResult} and one OVAL results report per OVAL component
 * the rules' checks used, which the rule results' {@code check-content-ref}s name as {@code #oval0}, …).
 */
final class ResultDocuments {

    private static final String ARFVOCAB = "http://scap.nist.gov/specifications/arf/vocabulary/relationships/1.0#";

    private final Path file;
    private final String sha256;
    private final ScapContent content;
    private final org.bulwark.scap.Benchmark xccdf;
    private final ResolvedProfile profile;
    private final String contentId;
    private final String version;
    private final ScoringService scoring;

    ResultDocuments(Path file, String sha256, ScapContent content, org.bulwark.scap.Benchmark xccdf,
            ResolvedProfile profile, String contentId, String version, ScoringService scoring) {
        this.file = file;
        this.sha256 = sha256;
        this.content = content;
        this.xccdf = xccdf;
        this.profile = profile;
        this.contentId = contentId;
        this.version = version;
        this.scoring = scoring;
    }

    /**
     * @param evaluation the collector's last evaluation: used only when it was of {@code assessment}'s root
     */
    void write(Assessment assessment, Optional<ScapCollector.Evaluation> evaluation, ScapResultFormat format,
            OutputStream out) throws IOException {
        if (assessment.benchmarks().stream().noneMatch(b -> b.id().equals(contentId))) {
            throw new IllegalArgumentException("the assessment is not of " + contentId);
        }
        Map<String, ScapCollector.RuleOutcome> outcomes = evaluation
                .filter(e -> e.root().equals(normalized(assessment.root())))
                .map(ScapCollector.Evaluation::rules).orElse(Map.of());
        TestResultXml testResult = new TestResultXml(xccdf, profile, assessment, outcomes, version, contentId);
        Map<String, XccdfResult> results = testResult.results();
        List<XccdfScore> scores = testResult.scores(results, scoring);
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            if (format == ScapResultFormat.XCCDF) {
                w.writeCharacters("\n");
                XmlCopy.copy(file, sha256, xccdf.id(), false, w, copy -> {
                    testResult.write(new XmlOut(copy, 1), null, Map.of(), scores, results);
                    copy.writeCharacters("\n");
                });
            } else {
                arf(new XmlOut(w, 0), assessment, testResult, results, scores, outcomes);
            }
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the " + format.name() + " results: " + e.getMessage(), e);
        }
    }

    private void arf(XmlOut x, Assessment assessment, TestResultXml testResult, Map<String, XccdfResult> results,
            List<XccdfScore> scores, Map<String, ScapCollector.RuleOutcome> outcomes)
            throws XMLStreamException, IOException {
        Map<String, OvalResultsXml> ovals = new LinkedHashMap<>();
        for (Rule r : xccdf.rules()) {
            ScapCollector.RuleOutcome o = outcomes.get(r.id());
            if (o != null && o.check() != null && content.oval().containsKey(o.check().href())) {
                ovals.computeIfAbsent(o.check().href(), h -> new OvalResultsXml(content.oval().get(h)))
                        .add(o.check().results());
            }
        }
        Map<String, String> reportIds = new LinkedHashMap<>();
        ovals.keySet().forEach(h -> reportIds.put(h, "oval" + reportIds.size()));
        Map<String, String> hrefs = new LinkedHashMap<>();
        reportIds.forEach((h, id) -> hrefs.put(h, "#" + id));

        x.start("arf", "asset-report-collection", XmlOut.NS_ARF).declare("arf", XmlOut.NS_ARF)
                .declare("core", XmlOut.NS_CORE).declare("ai", XmlOut.NS_AI);
        x.start("core", "relationships", XmlOut.NS_CORE).declare("arfvocab", ARFVOCAB);
        relationship(x, "arfvocab:createdFor", "collection1");
        relationship(x, "arfvocab:isAbout", "asset0");
        x.end();
        x.start("arf", "report-requests", XmlOut.NS_ARF).start("arf", "report-request", XmlOut.NS_ARF)
                .attr("id", "collection1").start("arf", "content", XmlOut.NS_ARF);
        x.writer().writeCharacters("\n");
        String component = XmlCopy.copy(file, sha256, xccdf.id(), true, x.writer(), null);
        x.wroteChildren();
        x.end().end().end();
        x.start("arf", "assets", XmlOut.NS_ARF).start("arf", "asset", XmlOut.NS_ARF).attr("id", "asset0")
                .start("ai", "computing-device", XmlOut.NS_AI);
        String host = assessment.device().hostname();
        if (!host.isBlank()) {
            x.leaf("ai", "hostname", XmlOut.NS_AI, host);
        }
        x.end().end().end();
        x.start("arf", "reports", XmlOut.NS_ARF);
        x.start("arf", "report", XmlOut.NS_ARF).attr("id", "xccdf1").start("arf", "content", XmlOut.NS_ARF);
        String benchmarkHref = component.isEmpty() ? fileName() : "#" + component;
        testResult.write(x, benchmarkHref, hrefs, scores, results);
        x.end().end();
        String time = TestResultXml.time(assessment.finished());
        for (Map.Entry<String, OvalResultsXml> oval : ovals.entrySet()) {
            x.start("arf", "report", XmlOut.NS_ARF).attr("id", reportIds.get(oval.getKey()))
                    .start("arf", "content", XmlOut.NS_ARF);
            oval.getValue().write(x, assessment.platform(), time, version);
            x.end().end();
        }
        x.end();
        x.end();
    }

    private static void relationship(XmlOut x, String type, String ref) throws XMLStreamException {
        x.start("core", "relationship", XmlOut.NS_CORE).attr("type", type).attr("subject", "xccdf1")
                .leaf("core", "ref", XmlOut.NS_CORE, ref).end();
    }

    private String fileName() {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }

    static String normalized(String root) {
        return Path.of(root).toAbsolutePath().normalize().toString();
    }
}
