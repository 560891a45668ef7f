package org.bulwark.scap.content.internal;

import java.util.ArrayDeque;
import java.util.Deque;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The elements Bulwark writes into a result document, indented two spaces a level, on a StAX writer that
 * {@link XmlCopy} copies content into too. Each element of ours is in one namespace with one prefix (or none),
 * declared where the caller says.
 */
final class XmlOut {

    static final String NS_XCCDF = XmlCopy.XCCDF;
    static final String NS_ARF = "http://scap.nist.gov/schema/asset-reporting-format/1.1";
    static final String NS_CORE = "http://scap.nist.gov/schema/reporting-core/1.1";
    static final String NS_AI = "http://scap.nist.gov/schema/asset-identification/1.1";
    static final String NS_OVAL_RESULTS = "http://oval.mitre.org/XMLSchema/oval-results-5";
    static final String NS_OVAL_SC = "http://oval.mitre.org/XMLSchema/oval-system-characteristics-5";
    static final String NS_OVAL = "http://oval.mitre.org/XMLSchema/oval-common-5";

    private final XMLStreamWriter out;
    private final Deque<Boolean> hasChildren = new ArrayDeque<>();
    private int depth;

    XmlOut(XMLStreamWriter out, int depth) {
        this.out = out;
        this.depth = depth;
    }

    XMLStreamWriter writer() {
        return out;
    }

    /** Opens an element on a new line. */
    XmlOut start(String prefix, String local, String ns) throws XMLStreamException {
        if (!hasChildren.isEmpty()) {
            hasChildren.pop();
            hasChildren.push(Boolean.TRUE);
        }
        newline();
        out.writeStartElement(prefix, local, ns);
        hasChildren.push(Boolean.FALSE);
        depth++;
        return this;
    }

    XmlOut declare(String prefix, String ns) throws XMLStreamException {
        if (prefix.isEmpty()) {
            out.writeDefaultNamespace(ns);
        } else {
            out.writeNamespace(prefix, ns);
        }
        return this;
    }

    /** Adds an attribute to the element just opened; nothing for a {@code null} value. */
    XmlOut attr(String name, String value) throws XMLStreamException {
        if (value != null) {
            out.writeAttribute(name, value);
        }
        return this;
    }

    XmlOut text(String text) throws XMLStreamException {
        out.writeCharacters(XmlOut.clean(text));
        return this;
    }

    /** Closes the element opened last; on a new line when it has elements of its own. */
    XmlOut end() throws XMLStreamException {
        depth--;
        if (hasChildren.pop()) {
            newline();
        }
        out.writeEndElement();
        return this;
    }

    /** An element with text only. */
    XmlOut leaf(String prefix, String local, String ns, String text) throws XMLStreamException {
        return start(prefix, local, ns).text(text).end();
    }

    /** Marks the element opened last as having children that someone else wrote (e.g. a copy). */
    void wroteChildren() {
        hasChildren.pop();
        hasChildren.push(Boolean.TRUE);
    }

    private void newline() throws XMLStreamException {
        out.writeCharacters("\n" + "  ".repeat(Math.max(depth, 0)));
    }

    /** @return {@code s} without the characters XML 1.0 cannot hold (controls other than tab, line feed, CR) */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF
                    || Character.isSurrogate(c) && !validSurrogate(s, i);
            if (bad && b == null) {
                b = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (b != null && !bad) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
