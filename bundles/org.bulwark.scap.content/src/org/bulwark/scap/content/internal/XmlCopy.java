package org.bulwark.scap.content.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * Copies the assessed content into a result document, in one pass over its file: the whole document (a data
 * stream for an ARF report request) or the XCCDF 1.2 {@code Benchmark} with a given id (for an XCCDF results
 * file). The copy starts with every namespace in scope at the copied element, so that it stands alone. The file
 * is read as untrusted XML is read everywhere else (no DTD, no external entities, a depth limit), and its bytes
 * must still have the sha256 they had when the content was read: a file changed since the assessment is refused
 * rather than reported with results that are not its own.
 */
final class XmlCopy {

    static final String XCCDF = "http://checklists.nist.gov/xccdf/1.2";
    static final String DS = "http://scap.nist.gov/schema/scap/source/1.2";
    private static final int MAX_DEPTH = 100;

    /** Writes Bulwark's elements into the copied benchmark, before its end tag (or its {@code signature}). */
    interface Hook {
        void write(XMLStreamWriter out) throws XMLStreamException;
    }

    private XmlCopy() {
    }

    /**
     * @param benchmarkId the benchmark to copy, or to find the data stream component of
     * @param whole copy the whole document (the hook is not used) rather than the benchmark
     * @return the id of the data stream {@code component} holding the benchmark, or {@code ""} when it is not in
     *         one (a plain XCCDF file)
     * @throws IOException when the file cannot be read, is not XML, has no such benchmark, or its sha256 is no
     *         longer {@code sha256}
     */
    static String copy(Path file, String sha256, String benchmarkId, boolean whole, XMLStreamWriter out, Hook hook)
            throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
        String component;
        try (InputStream raw = Files.newInputStream(file);
                DigestInputStream in = new DigestInputStream(new BufferedInputStream(raw, 1 << 16), digest)) {
            try {
                // the JDK's reader closes its stream at the end of the document: the rest is drained after it
                XMLStreamReader r = factory().createXMLStreamReader(new java.io.FilterInputStream(in) {
                    @Override
                    public void close() {
                        // closed by the try-with-resources
                    }
                });
                component = new Pass(file, benchmarkId, whole, r, out, hook).run();
                in.transferTo(OutputStream.nullOutputStream()); // the bytes after the root element count too
                r.close();
            } catch (XMLStreamException e) {
                throw new IOException(file + ": " + (e.getLocation() == null ? "" : "line "
                        + e.getLocation().getLineNumber() + ": ") + "cannot be copied: " + firstLine(e.getMessage()),
                        e);
            }
        }
        String now = HexFormat.of().formatHex(digest.digest());
        if (!now.equalsIgnoreCase(sha256)) {
            throw new IOException(file + ": changed since it was assessed (sha256 " + sha256 + " then, " + now
                    + " now): assess it again");
        }
        return component;
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

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    /** One pass: the reader's events, copied while inside the copied element. */
    private static final class Pass {
        private final Path file;
        private final String benchmarkId;
        private final boolean whole;
        private final XMLStreamReader r;
        private final XMLStreamWriter out;
        private final Hook hook;
        private final Deque<Map<String, String>> scopes = new ArrayDeque<>();
        private final Deque<String> components = new ArrayDeque<>();
        private String component;
        private int copying; // depth inside the copied element; 0 when outside
        private boolean copied;
        private boolean hooked;

        Pass(Path file, String benchmarkId, boolean whole, XMLStreamReader r, XMLStreamWriter out, Hook hook) {
            this.file = file;
            this.benchmarkId = benchmarkId;
            this.whole = whole;
            this.r = r;
            this.out = out;
            this.hook = hook;
        }

        String run() throws XMLStreamException, IOException {
            while (r.hasNext()) {
                switch (r.next()) {
                    case XMLStreamConstants.START_ELEMENT -> start();
                    case XMLStreamConstants.END_ELEMENT -> end();
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE, XMLStreamConstants.CDATA -> {
                        if (copying > 0) {
                            out.writeCharacters(r.getText());
                        }
                    }
                    case XMLStreamConstants.COMMENT -> {
                        if (copying > 0) {
                            out.writeComment(r.getText());
                        }
                    }
                    case XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                        if (copying > 0) {
                            out.writeProcessingInstruction(r.getPITarget(), r.getPIData());
                        }
                    }
                    case XMLStreamConstants.DTD -> throw new IOException(file + ": has a DOCTYPE, which is refused");
                    default -> {
                        // start and end of the document
                    }
                }
            }
            if (component == null) {
                throw new IOException(file + ": holds no XCCDF 1.2 Benchmark " + benchmarkId);
            }
            return component;
        }

        private void start() throws XMLStreamException, IOException {
            if (scopes.size() == MAX_DEPTH) {
                throw new IOException(file + ": line " + r.getLocation().getLineNumber() + ": elements nest deeper "
                        + "than " + MAX_DEPTH);
            }
            Map<String, String> declared = new LinkedHashMap<>();
            for (int i = 0; i < r.getNamespaceCount(); i++) {
                declared.put(r.getNamespacePrefix(i) == null ? "" : r.getNamespacePrefix(i), r.getNamespaceURI(i));
            }
            boolean isComponent = DS.equals(r.getNamespaceURI()) && "component".equals(r.getLocalName());
            components.push(isComponent ? nonNull(r.getAttributeValue(null, "id")) : "");
            boolean isBenchmark = XCCDF.equals(r.getNamespaceURI()) && "Benchmark".equals(r.getLocalName())
                    && benchmarkId.equals(r.getAttributeValue(null, "id"));
            if (isBenchmark && component == null) {
                component = components.stream().filter(c -> !c.isEmpty()).findFirst().orElse("");
            }
            if (copying == 1 && !whole && !hooked && XCCDF.equals(r.getNamespaceURI())
                    && "signature".equals(r.getLocalName())) {
                hooked = true;
                hook.write(out);
            }
            boolean begins = copying == 0 && !copied && (whole ? scopes.isEmpty() : isBenchmark);
            Map<String, String> write = declared;
            if (begins) {
                write = new LinkedHashMap<>();
                for (var it = scopes.descendingIterator(); it.hasNext(); ) {
                    write.putAll(it.next());
                }
                write.putAll(declared);
            }
            scopes.push(declared);
            if (copying == 0 && !begins) {
                return;
            }
            copying++;
            out.writeStartElement(nonNull(r.getPrefix()), r.getLocalName(), nonNull(r.getNamespaceURI()));
            for (Map.Entry<String, String> ns : write.entrySet()) {
                if (ns.getKey().isEmpty()) {
                    out.writeDefaultNamespace(nonNull(ns.getValue()));
                } else {
                    out.writeNamespace(ns.getKey(), nonNull(ns.getValue()));
                }
            }
            for (int i = 0; i < r.getAttributeCount(); i++) {
                String prefix = nonNull(r.getAttributePrefix(i));
                if (prefix.isEmpty()) {
                    out.writeAttribute(r.getAttributeLocalName(i), r.getAttributeValue(i));
                } else {
                    out.writeAttribute(prefix, nonNull(r.getAttributeNamespace(i)), r.getAttributeLocalName(i),
                            r.getAttributeValue(i));
                }
            }
        }

        private void end() throws XMLStreamException {
            scopes.pop();
            components.pop();
            if (copying == 0) {
                return;
            }
            if (copying == 1) {
                if (!whole && !hooked) {
                    hooked = true;
                    hook.write(out);
                }
                copied = true;
            }
            copying--;
            out.writeEndElement();
        }

        private static String nonNull(String s) {
            return s == null ? "" : s;
        }
    }
}
