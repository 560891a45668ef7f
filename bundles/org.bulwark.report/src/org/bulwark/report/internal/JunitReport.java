package org.bulwark.report.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.bulwark.benchmark.api.Control;
import org.bulwark.scoring.api.AssessedControl;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.Evidence;
import org.bulwark.scoring.api.ResultState;

/**
 * JUnit XML (the de-facto schema CI servers read: {@code testsuites} / {@code testsuite} / {@code testcase}), so a
 * pipeline shows each control as a test: one suite per category, one case per control (name = control id,
 * classname = {@code bulwark.<category>}). FAIL is a {@code failure} with the evidence; ERROR and UNKNOWN, a check
 * that could not be decided, an {@code error}; a failure under an exception in force, NOT_APPLICABLE, NOT_CHECKED
 * and INFORMATIONAL are {@code skipped} with the reason — never a pass. The score is a property of the suites.
 */
final class JunitReport {

    void write(Assessment a, OutputStream out) throws IOException {
        Map<String, List<AssessedControl>> suites = new LinkedHashMap<>();
        for (AssessedControl c : a.controls()) {
            suites.computeIfAbsent(Fmt.categoryId(c.control().category()), k -> new ArrayList<>()).add(c);
        }
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeAttribute("name", xml("Bulwark " + a.device().hostname()));
            counts(x, a.controls(), a);
            for (Map.Entry<String, List<AssessedControl>> s : suites.entrySet()) {
                x.writeCharacters("\n  ");
                x.writeStartElement("testsuite");
                x.writeAttribute("name", "bulwark." + s.getKey());
                x.writeAttribute("hostname", xml(a.device().hostname()));
                x.writeAttribute("timestamp", a.finished().toString());
                counts(x, s.getValue(), a);
                x.writeCharacters("\n    ");
                x.writeStartElement("properties");
                property(x, "device", a.device().id());
                property(x, "score", a.score().points().hasScore() ? Fmt.number(a.score().points().score(), 4) : "none");
                x.writeEndElement();
                for (AssessedControl c : s.getValue()) {
                    testcase(x, a, c, s.getKey());
                }
                x.writeCharacters("\n  ");
                x.writeEndElement();
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the JUnit report: " + e.getMessage(), e);
        }
    }

    /** What a control is in JUnit's terms. */
    enum Outcome { PASSED, FAILURE, ERROR, SKIPPED }

    static Outcome outcome(Assessment a, AssessedControl c) {
        ResultState s = c.result().state();
        return switch (s) {
            case PASS -> Outcome.PASSED;
            case FAIL -> JsonReport.exceptionsFor(a, c.control().id()).isEmpty() ? Outcome.FAILURE : Outcome.SKIPPED;
            case ERROR, UNKNOWN -> Outcome.ERROR;
            default -> Outcome.SKIPPED;
        };
    }

    private static void counts(XMLStreamWriter x, List<AssessedControl> controls, Assessment a)
            throws XMLStreamException {
        int[] n = new int[Outcome.values().length];
        for (AssessedControl c : controls) {
            n[outcome(a, c).ordinal()]++;
        }
        x.writeAttribute("tests", Integer.toString(controls.size()));
        x.writeAttribute("failures", Integer.toString(n[Outcome.FAILURE.ordinal()]));
        x.writeAttribute("errors", Integer.toString(n[Outcome.ERROR.ordinal()]));
        x.writeAttribute("skipped", Integer.toString(n[Outcome.SKIPPED.ordinal()]));
    }

    private static void property(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeCharacters("\n      ");
        x.writeEmptyElement("property");
        x.writeAttribute("name", name);
        x.writeAttribute("value", xml(value));
    }

    private static void testcase(XMLStreamWriter x, Assessment a, AssessedControl c, String category)
            throws XMLStreamException {
        Control control = c.control();
        x.writeCharacters("\n    ");
        x.writeStartElement("testcase");
        x.writeAttribute("name", xml(control.id()));
        x.writeAttribute("classname", "bulwark." + category);
        Outcome o = outcome(a, c);
        String reason = c.result().reason() == null ? "" : c.result().reason();
        switch (o) {
        case FAILURE -> detail(x, "failure", control.title() + ": " + control.expect().describe(), "FAIL", c);
        case ERROR -> detail(x, "error", control.title() + ": " + (reason.isEmpty() ? "could not be checked"
                : reason), c.result().state().name(), c);
        case SKIPPED -> {
            x.writeEmptyElement("skipped");
            x.writeAttribute("message", xml(skipped(a, c, reason)));
        }
        case PASSED -> {
            // a passing control has no child
        }
        }
        x.writeEndElement();
    }

    private static String skipped(Assessment a, AssessedControl c, String reason) {
        List<ControlException> exceptions = JsonReport.exceptionsFor(a, c.control().id());
        if (c.result().state() == ResultState.FAIL && !exceptions.isEmpty()) {
            ControlException e = exceptions.get(0);
            return "FAIL under exception " + e.id() + " (" + Fmt.kebab(e.justification()) + ")";
        }
        String state = c.result().state().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return reason.isEmpty() ? state : state + ": " + reason;
    }

    private static void detail(XMLStreamWriter x, String element, String message, String type, AssessedControl c)
            throws XMLStreamException {
        x.writeStartElement(element);
        x.writeAttribute("message", xml(Fmt.oneLine(message)));
        x.writeAttribute("type", type);
        StringBuilder text = new StringBuilder();
        for (Evidence e : c.result().evidence()) {
            text.append(Fmt.evidenceLine(e)).append('\n');
        }
        x.writeCharacters(xml(text.toString()));
        x.writeEndElement();
    }

    /**
     * @return {@code s} with every character XML 1.0 does not allow (control characters a hostile file may hold,
     *         lone surrogates) replaced by U+FFFD, so that the document stays well-formed
     */
    static String xml(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(ch).append(s.charAt(++i));
                continue;
            }
            ok = ch == 0x9 || ch == 0xA || ch == 0xD || ch >= 0x20 && ch <= 0xD7FF || ch >= 0xE000 && ch <= 0xFFFD;
            b.append(ok ? ch : '\uFFFD');
        }
        return b.toString();
    }
}
