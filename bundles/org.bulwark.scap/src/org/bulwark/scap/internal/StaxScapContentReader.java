package org.bulwark.scap.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bulwark.scap.Benchmark;
import org.bulwark.scap.CpeItem;
import org.bulwark.scap.OvalDefinitions;
import org.bulwark.scap.ScapContent;
import org.bulwark.scap.ScapContentException;
import org.bulwark.scap.ScapContentReader;
import org.bulwark.scap.Tailoring;
import org.osgi.service.component.annotations.Component;

/**
 * Reads SCAP content with the JDK's StAX in one pass per file (no DOM): a source data stream collection (SCAP
 * 1.2 or 1.3), a plain XCCDF 1.2 benchmark (with the OVAL files its checks name beside it) or a plain OVAL 5
 * definitions file. Stateless and thread-safe; nothing is done at activation.
 */
@Component(service = ScapContentReader.class)
public final class StaxScapContentReader implements ScapContentReader {

    static final String DS = "http://scap.nist.gov/schema/scap/source/1.2";
    static final String CAT = "urn:oasis:names:tc:entity:xmlns:xml:catalog";
    static final String XLINK = "http://www.w3.org/1999/xlink";

    @Override
    public ScapContent read(Path file) throws ScapContentException {
        try (SecureXml x = SecureXml.open(file)) {
            x.toRoot();
            String root = x.localName();
            String ns = x.namespace();
            ScapContent content;
            if (ns.equals(DS) && root.equals("data-stream-collection")) {
                content = new DataStream(x).read();
            } else if (ns.equals(XccdfParser.NS) && root.equals("Benchmark")) {
                content = plainBenchmark(file, x);
            } else if (ns.equals(OvalParser.NS) && root.equals("oval_definitions")) {
                OvalDefinitions d = new OvalParser(x).definitions(name(file));
                content = new ScapContent(x.file(), "", List.of(), Map.of(d.id(), d), List.of());
            } else if (ns.equals(XccdfParser.NS) && root.equals("Tailoring")) {
                throw x.error("an XCCDF tailoring file, not content: give it as the tailoring of a benchmark");
            } else if (ns.equals(XccdfParser.NS_11)) {
                throw x.error("unsupported XCCDF version 1.1 (XCCDF 1.2 is read)");
            } else {
                throw x.error("not SCAP content: the root element is {" + ns + "}" + root);
            }
            x.finish();
            return content;
        }
    }

    @Override
    public Tailoring readTailoring(Path file, Benchmark benchmark) throws ScapContentException {
        try (SecureXml x = SecureXml.open(file)) {
            x.toRoot();
            if (!x.namespace().equals(XccdfParser.NS) || !x.localName().equals("Tailoring")) {
                throw x.error("not an XCCDF 1.2 tailoring file: the root element is {" + x.namespace() + "}"
                        + x.localName());
            }
            Tailoring t = new XccdfParser(x).tailoring(benchmark);
            x.finish();
            return t;
        }
    }

    private static String name(Path file) {
        Path n = file.getFileName();
        return n == null ? file.toString() : n.toString();
    }

    /**
     * A plain benchmark: every check-content-ref href names a file in the same directory (never a path); the
     * OVAL ones are read, each once.
     */
    private ScapContent plainBenchmark(Path file, SecureXml x) throws ScapContentException {
        XccdfParser parser = new XccdfParser(x);
        Benchmark b = parser.benchmark();
        Map<String, OvalDefinitions> oval = new LinkedHashMap<>();
        for (XccdfParser.ContentRefAt ref : parser.contentRefs()) {
            String href = ref.href();
            if (href.contains("/") || href.contains("\\") || href.equals(".") || href.equals("..")) {
                throw ref.where().error("href", "\"" + Where.clip(href)
                        + "\" is not the name of a file beside the benchmark");
            }
            Path sibling = file.resolveSibling(href);
            if (!Files.isRegularFile(sibling)) {
                throw ref.where().error("href", "the check content file \"" + Where.clip(href)
                        + "\" is missing beside the benchmark");
            }
            if (!ref.system().equals(OvalParser.NS)) {
                continue;
            }
            OvalDefinitions d = oval.get(href);
            if (d == null) {
                d = readOval(sibling, href);
                oval.put(href, d);
            }
            definition(ref, d);
        }
        return new ScapContent(x.file(), "", List.of(b), oval, List.of());
    }

    private OvalDefinitions readOval(Path file, String id) throws ScapContentException {
        try (SecureXml x = SecureXml.open(file)) {
            x.toRoot();
            if (!x.namespace().equals(OvalParser.NS) || !x.localName().equals("oval_definitions")) {
                throw x.error("not an OVAL 5 definitions file");
            }
            OvalDefinitions d = new OvalParser(x).definitions(id);
            x.finish();
            return d;
        }
    }

    private static void definition(XccdfParser.ContentRefAt ref, OvalDefinitions d) throws ScapContentException {
        if (!ref.name().isEmpty() && !d.definitions().containsKey(ref.name())) {
            throw ref.where().error("name", "unknown OVAL definition \"" + Where.clip(ref.name()) + "\" in "
                    + ref.href());
        }
    }

    /** One data stream collection being read. */
    private static final class DataStream {

        private enum Kind {
            BENCHMARK, OVAL, CPE, OTHER
        }

        private record BenchmarkAt(String component, Benchmark benchmark, List<XccdfParser.ContentRefAt> refs) {
        }

        private record CpeAt(String component, List<CpeParser.ItemAt> items) {
        }

        private final SecureXml x;
        private final Map<String, String> crefs = new HashMap<>();
        private final Map<String, Map<String, String>> catalogs = new HashMap<>();
        private final Map<String, Kind> components = new LinkedHashMap<>();
        private final Map<String, OvalDefinitions> ovals = new LinkedHashMap<>();
        private final List<BenchmarkAt> benchmarks = new ArrayList<>();
        private final List<CpeAt> cpes = new ArrayList<>();
        private String scapVersion = "";

        DataStream(SecureXml x) {
            this.x = x;
        }

        ScapContent read() throws ScapContentException {
            int level = x.depth();
            while (x.nextChild(level)) {
                if (!x.namespace().equals(DS)) {
                    x.skip();
                    continue;
                }
                switch (x.localName()) {
                case "data-stream" -> dataStream();
                case "component" -> component();
                case "extended-component" -> {
                    id();
                    x.skip();
                }
                default -> x.skip();
                }
            }
            if (scapVersion.isEmpty()) {
                throw new ScapContentException(x.file(), "a data stream collection without a data-stream");
            }
            return resolve();
        }

        private String id() throws ScapContentException {
            String id = x.required("id");
            if (components.putIfAbsent(id, Kind.OTHER) != null) {
                throw x.error("id", "duplicate component id \"" + Where.clip(id) + "\"");
            }
            return id;
        }

        private void dataStream() throws ScapContentException {
            String version = x.required("scap-version");
            if (!version.equals("1.2") && !version.equals("1.3")) {
                throw x.error("scap-version", "unsupported SCAP version \"" + Where.clip(version)
                        + "\" (1.2 and 1.3 are read)");
            }
            scapVersion = version;
            refs(x.depth());
        }

        /** Collects the component-refs below the data-stream, at any depth, with their catalogs. */
        private void refs(int level) throws ScapContentException {
            while (x.nextChild(level)) {
                if (!(x.namespace().equals(DS) && x.localName().equals("component-ref"))) {
                    refs(x.depth());
                    continue;
                }
                String id = x.required("id");
                String href = x.attr("href");
                if (href.isEmpty()) {
                    throw x.error("href", "required attribute missing");
                }
                if (crefs.putIfAbsent(id, href) != null) {
                    throw x.error("id", "duplicate component-ref id \"" + Where.clip(id) + "\"");
                }
                Map<String, String> catalog = new HashMap<>();
                int refLevel = x.depth();
                while (x.nextChild(refLevel)) {
                    if (x.namespace().equals(CAT) && x.localName().equals("catalog")) {
                        int catLevel = x.depth();
                        while (x.nextChild(catLevel)) {
                            if (x.namespace().equals(CAT) && x.localName().equals("uri")) {
                                catalog.put(x.required("name"), x.required("uri"));
                            }
                            x.skip();
                        }
                    } else {
                        x.skip();
                    }
                }
                catalogs.put(id, catalog);
            }
        }

        private void component() throws ScapContentException {
            String id = id();
            int level = x.depth();
            while (x.nextChild(level)) {
                String ns = x.namespace();
                String root = x.localName();
                if (ns.equals(XccdfParser.NS) && root.equals("Benchmark")) {
                    XccdfParser p = new XccdfParser(x);
                    benchmarks.add(new BenchmarkAt(id, p.benchmark(), p.contentRefs()));
                    components.put(id, Kind.BENCHMARK);
                } else if (ns.equals(XccdfParser.NS_11) && root.equals("Benchmark")) {
                    throw x.error("unsupported XCCDF version 1.1 (XCCDF 1.2 is read)");
                } else if (ns.equals(OvalParser.NS) && root.equals("oval_definitions")) {
                    ovals.put(id, new OvalParser(x).definitions(id));
                    components.put(id, Kind.OVAL);
                } else if (ns.equals(CpeParser.NS) && root.equals("cpe-list")) {
                    cpes.add(new CpeAt(id, new CpeParser(x).items()));
                    components.put(id, Kind.CPE);
                } else {
                    x.skip();
                }
            }
        }

        /** @return the component an href used in component {@code from} names, or null */
        private String target(String from, String href) {
            if (href.startsWith("#")) {
                return component(href);
            }
            for (Map.Entry<String, String> cref : crefs.entrySet()) {
                if (cref.getValue().equals("#" + from)) {
                    String uri = catalogs.getOrDefault(cref.getKey(), Map.of()).get(href);
                    if (uri != null) {
                        return component(uri);
                    }
                }
            }
            return null;
        }

        private String component(String uri) {
            if (!uri.startsWith("#")) {
                return null;
            }
            String id = uri.substring(1);
            String via = crefs.get(id);
            if (via != null) {
                id = via.startsWith("#") ? via.substring(1) : "";
            }
            return components.containsKey(id) ? id : null;
        }

        private ScapContent resolve() throws ScapContentException {
            Map<String, OvalDefinitions> byName = new LinkedHashMap<>();
            for (Map<String, String> catalog : catalogs.values()) {
                for (Map.Entry<String, String> e : catalog.entrySet()) {
                    String c = component(e.getValue());
                    if (c != null && ovals.containsKey(c)) {
                        byName.put(e.getKey(), ovals.get(c));
                    }
                }
            }
            for (Map.Entry<String, OvalDefinitions> e : ovals.entrySet()) {
                if (!byName.containsValue(e.getValue())) {
                    byName.put(e.getKey(), e.getValue());
                }
            }
            List<Benchmark> list = new ArrayList<>();
            for (BenchmarkAt b : benchmarks) {
                for (XccdfParser.ContentRefAt ref : b.refs()) {
                    check(b.component(), ref.system(), ref.href(), ref.name(), "name", ref.where());
                }
                list.add(b.benchmark());
            }
            List<CpeItem> items = new ArrayList<>();
            for (CpeAt c : cpes) {
                for (CpeParser.ItemAt i : c.items()) {
                    if (i.check() != null) {
                        check(c.component(), OvalParser.NS, i.item().checkHref(), i.item().checkDefinition(),
                                "", i.check());
                    }
                    items.add(i.item());
                }
            }
            return new ScapContent(x.file(), scapVersion, list, byName, items);
        }

        private void check(String from, String system, String href, String name, String nameAttribute, Where where)
                throws ScapContentException {
            String target = target(from, href);
            if (target == null) {
                throw where.error("href", "\"" + Where.clip(href) + "\" names no component of the data stream");
            }
            if (!system.equals(OvalParser.NS)) {
                return;
            }
            OvalDefinitions d = ovals.get(target);
            if (d == null) {
                throw where.error("href", "\"" + Where.clip(href) + "\" is not an OVAL definitions component");
            }
            if (!name.isEmpty() && !d.definitions().containsKey(name)) {
                throw where.error(nameAttribute, "unknown OVAL definition \""
                        + Where.clip(name) + "\" in " + href);
            }
        }
    }
}
