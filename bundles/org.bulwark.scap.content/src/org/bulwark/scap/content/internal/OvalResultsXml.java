package org.bulwark.scap.content.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import javax.xml.stream.XMLStreamException;

import org.bulwark.collector.api.PlatformFacts;
import org.bulwark.scap.OvalDefinitions;
import org.bulwark.scap.OvalElement;
import org.bulwark.scap.oval.OvalOutcome;
import org.bulwark.scap.oval.OvalResult;
import org.bulwark.scap.oval.OvalTestResult;

/**
 * The OVAL 5 results of one OVAL component, as far as the assessment evaluated it: each definition a rule's check
 * reached and each test of those, with its result, thin (without the definitions and the collected items, which
 * the evidence holds). A definition evaluated with different external variables for different rules is reported
 * once, as first evaluated.
 */
final class OvalResultsXml {

    private static final String[] DIRECTIVES = { "definition_true", "definition_false", "definition_unknown",
            "definition_error", "definition_not_evaluated", "definition_not_applicable" };

    private final OvalDefinitions definitions;
    private final Map<String, OvalResult> results = new LinkedHashMap<>();

    OvalResultsXml(OvalDefinitions definitions) {
        this.definitions = definitions;
    }

    void add(Collection<OvalResult> evaluated) {
        evaluated.forEach(r -> results.putIfAbsent(r.definitionId(), r));
    }

    /** Writes {@code oval_results}, declaring its namespaces. */
    void write(XmlOut x, PlatformFacts platform, String time, String version) throws XMLStreamException {
        String ns = XmlOut.NS_OVAL_RESULTS;
        x.start("", "oval_results", ns).declare("", ns).declare("oval", XmlOut.NS_OVAL);
        generator(x, ns, time, version);
        x.start("", "directives", ns);
        for (String d : DIRECTIVES) {
            x.start("", d, ns).attr("reported", "true").attr("content", "thin").end();
        }
        x.end();
        x.start("", "results", ns).start("", "system", ns);
        Map<String, OvalTestResult> tests = new LinkedHashMap<>();
        if (!results.isEmpty()) {
            x.start("", "definitions", ns);
            for (OvalResult r : results.values()) {
                OvalElement def = definitions.definitions().get(r.definitionId());
                x.start("", "definition", ns).attr("definition_id", r.definitionId())
                        .attr("version", version(def)).attr("result", result(r.outcome()));
                message(x, ns, r.outcome(), r.message());
                x.end();
                r.tests().forEach(t -> tests.putIfAbsent(t.testId(), t));
            }
            x.end();
        }
        if (!tests.isEmpty()) {
            x.start("", "tests", ns);
            for (OvalTestResult t : tests.values()) {
                OvalElement test = definitions.tests().get(t.testId());
                x.start("", "test", ns).attr("test_id", t.testId()).attr("version", version(test))
                        .attr("check_existence", attribute(test, "check_existence", "at_least_one_exists"))
                        .attr("check", attribute(test, "check", "all"))
                        .attr("result", result(t.outcome()));
                message(x, ns, t.outcome(), t.message());
                x.end();
            }
            x.end();
        }
        String sc = XmlOut.NS_OVAL_SC;
        x.start("", "oval_system_characteristics", sc).declare("", sc);
        generator(x, sc, time, version);
        x.start("", "system_info", sc);
        x.leaf("", "os_name", sc, platform.osName().isEmpty() ? platform.osFamily() : platform.osName());
        x.leaf("", "os_version", sc, platform.osVersion());
        x.leaf("", "architecture", sc, platform.arch());
        x.leaf("", "primary_host_name", sc, platform.hostname());
        x.start("", "interfaces", sc).end();
        x.end();
        x.end();
        x.end().end();
        x.end();
    }

    private void generator(XmlOut x, String ns, String time, String version) throws XMLStreamException {
        x.start("", "generator", ns);
        x.leaf("oval", "product_name", XmlOut.NS_OVAL, TestResultXml.SCANNER);
        x.leaf("oval", "product_version", XmlOut.NS_OVAL, version);
        x.leaf("oval", "schema_version", XmlOut.NS_OVAL,
                definitions.schemaVersion().isBlank() ? "5.11" : definitions.schemaVersion());
        x.leaf("oval", "timestamp", XmlOut.NS_OVAL, time);
        x.end();
    }

    private static void message(XmlOut x, String ns, OvalOutcome outcome, String message) throws XMLStreamException {
        if (outcome != OvalOutcome.TRUE && outcome != OvalOutcome.FALSE && message != null && !message.isBlank()) {
            x.start("", "message", ns).attr("level", outcome == OvalOutcome.ERROR ? "error" : "info").text(message)
                    .end();
        }
    }

    private static String version(OvalElement e) {
        String v = e == null ? "" : e.attribute("version");
        return v.matches("[0-9]+") ? v : "0";
    }

    private static String attribute(OvalElement e, String name, String otherwise) {
        String v = e == null ? "" : e.attribute(name);
        return v.isEmpty() ? otherwise : v;
    }

    /** @return the OVAL results enumeration's value */
    static String result(OvalOutcome o) {
        return o.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
