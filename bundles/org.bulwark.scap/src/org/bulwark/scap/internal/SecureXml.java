package org.bulwark.scap.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.bulwark.scap.OvalElement;
import org.bulwark.scap.ScapContentException;

/**
 * One pass over one untrusted XML file with the JDK's StAX: no DTD (a DOCTYPE is refused), no external entities,
 * a size limit on the file, a depth limit on elements and a limit on the characters of one element's subtree.
 * Not thread-safe: one instance per file.
 */
final class SecureXml implements AutoCloseable {

    /** The largest file read (the largest SSG stream is about 40 MB). */
    static final long MAX_FILE_SIZE = 256L * 1024 * 1024;
    /** The deepest element nesting accepted (SSG content nests about 20 deep). */
    static final int MAX_DEPTH = 100;
    /** The most characters kept for one subtree read as a tree. */
    static final int MAX_TREE_CHARS = 4 * 1024 * 1024;

    private final String file;
    private final InputStream in;
    private final XMLStreamReader reader;
    private int depth;

    private SecureXml(String file, InputStream in, XMLStreamReader reader) {
        this.file = file;
        this.in = in;
        this.reader = reader;
    }

    /** Opens the file; the reader is positioned before the root element. */
    static SecureXml open(Path path) throws ScapContentException {
        String file = path.toString();
        try {
            if (!Files.isRegularFile(path)) {
                throw new ScapContentException(file, -1, "", "not a regular file");
            }
            long size = Files.size(path);
            if (size > MAX_FILE_SIZE) {
                throw new ScapContentException(file, -1, "", "file of " + size + " bytes exceeds the limit of "
                        + MAX_FILE_SIZE);
            }
            InputStream in = new java.io.BufferedInputStream(Files.newInputStream(path), 1 << 16);
            try {
                return new SecureXml(file, in, factory().createXMLStreamReader(in));
            } catch (XMLStreamException | RuntimeException e) {
                in.close();
                throw new ScapContentException(file, -1, "", "not XML: " + e.getMessage());
            }
        } catch (IOException e) {
            throw new ScapContentException(file, -1, "", "cannot be read: " + e);
        }
    }

    static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
        f.setProperty(XMLInputFactory.IS_COALESCING, Boolean.TRUE);
        f.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external entity refused: " + systemId);
        });
        return f;
    }

    String file() {
        return file;
    }

    int line() {
        return reader.getLocation() == null ? -1 : reader.getLocation().getLineNumber();
    }

    /** @return the current element's qualified name, or "" when not on an element */
    String element() {
        if (!reader.isStartElement() && !reader.isEndElement()) {
            return "";
        }
        String prefix = reader.getPrefix();
        return (prefix == null || prefix.isEmpty() ? "" : prefix + ":") + reader.getLocalName();
    }

    ScapContentException error(String reason) {
        return new ScapContentException(file, line(), element(), reason);
    }

    XMLStreamReader reader() {
        return reader;
    }

    /**
     * Advances to the next start element below the current depth, or returns false at the end tag closing the
     * element that was current when the loop began ({@code level} = its depth).
     */
    boolean nextChild(int level) throws ScapContentException {
        while (true) {
            int event = next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (depth == level + 1) {
                    return true;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && depth < level) {
                return false;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw error("unexpected end of document");
            }
        }
    }

    /** Advances to the root element. */
    void toRoot() throws ScapContentException {
        while (true) {
            int event = next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return;
            }
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw error("no root element");
            }
        }
    }

    /** @return the depth of the current element (the root is 1) */
    int depth() {
        return depth;
    }

    String attr(String local) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            if (reader.getAttributeLocalName(i).equals(local)) {
                return reader.getAttributeValue(i);
            }
        }
        return "";
    }

    String localName() {
        return reader.getLocalName();
    }

    String namespace() {
        String ns = reader.getNamespaceURI();
        return ns == null ? "" : ns;
    }

    /** Skips the current element's subtree; afterwards the reader is on its end tag. */
    void skip() throws ScapContentException {
        int level = depth;
        while (nextChild(level)) {
            skip();
        }
    }

    /**
     * Reads the current element's subtree into a tree; afterwards the reader is on its end tag.
     *
     * @param deepText whether an element's text includes its descendants' text in document order (for XCCDF
     *        prose with XHTML markup); otherwise only its own text
     */
    OvalElement tree(boolean deepText) throws ScapContentException {
        int[] budget = { MAX_TREE_CHARS };
        return tree(deepText, budget, new StringBuilder());
    }

    private OvalElement tree(boolean deepText, int[] budget, StringBuilder outer) throws ScapContentException {
        String name = reader.getLocalName();
        String ns = namespace();
        int line = line();
        int level = depth;
        Map<String, String> attributes = new HashMap<>();
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
        }
        List<OvalElement> children = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = next();
            switch (event) {
            case XMLStreamConstants.START_ELEMENT -> children.add(tree(deepText, budget, deepText ? text : null));
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                int n = reader.getTextLength();
                budget[0] -= n;
                if (budget[0] < 0) {
                    throw error("element <" + name + "> holds more than " + MAX_TREE_CHARS + " characters");
                }
                text.append(reader.getTextCharacters(), reader.getTextStart(), n);
            }
            case XMLStreamConstants.END_ELEMENT -> {
                if (depth < level) {
                    String t = deepText ? text.toString().replaceAll("\\s+", " ").trim() : text.toString().trim();
                    if (outer != null) {
                        outer.append(text);
                    }
                    return new OvalElement(name, ns, line, attributes, t, children);
                }
            }
            case XMLStreamConstants.END_DOCUMENT -> throw error("unexpected end of document");
            default -> {
                // comments and processing instructions carry nothing
            }
            }
        }
    }

    private int next() throws ScapContentException {
        try {
            int event = reader.next();
            switch (event) {
            case XMLStreamConstants.START_ELEMENT -> {
                depth++;
                if (depth > MAX_DEPTH) {
                    throw error("elements nested deeper than " + MAX_DEPTH);
                }
            }
            case XMLStreamConstants.END_ELEMENT -> depth--;
            case XMLStreamConstants.DTD -> throw error("a DOCTYPE is refused (SCAP content has no DTD)");
            case XMLStreamConstants.ENTITY_REFERENCE -> throw error("entity reference &" + reader.getLocalName()
                    + "; refused");
            default -> {
                // other events need no bookkeeping
            }
            }
            return event;
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? line() : e.getLocation().getLineNumber();
            throw new ScapContentException(file, line, "", "malformed XML: " + firstLine(e.getMessage()));
        } catch (RuntimeException e) {
            throw new ScapContentException(file, line(), "", "malformed XML: " + e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int m = message.lastIndexOf("Message: ");
        String s = m >= 0 ? message.substring(m + 9) : message;
        return s.replace('\n', ' ').trim();
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (XMLStreamException e) {
            // nothing more to release than the stream
        }
        try {
            in.close();
        } catch (IOException e) {
            // read-only
        }
    }
}
