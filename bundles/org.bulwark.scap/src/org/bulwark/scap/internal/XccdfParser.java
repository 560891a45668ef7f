package org.bulwark.scap.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bulwark.scap.Benchmark;
import org.bulwark.scap.Group;
import org.bulwark.scap.OvalElement;
import org.bulwark.scap.Profile;
import org.bulwark.scap.Rule;
import org.bulwark.scap.ScapContentException;
import org.bulwark.scap.Tailoring;
import org.bulwark.scap.Value;

/**
 * Reads an XCCDF 1.2 {@code Benchmark} or {@code Tailoring} element in the one pass of a {@link SecureXml}, and
 * checks its internal references (profile selections and refinements, exported values, {@code #platform} ids)
 * once the element is read. The references leaving the benchmark ({@code check-content-ref}) are collected for
 * the caller, who knows the components. One instance per element; not thread-safe.
 */
final class XccdfParser {

    static final String NS = "http://checklists.nist.gov/xccdf/1.2";
    static final String NS_11 = "http://checklists.nist.gov/xccdf/1.1";
    static final String CPE_LANG = "http://cpe.mitre.org/language/2.0";

    /** A {@code check-content-ref} as written, for the caller to resolve. */
    record ContentRefAt(String system, String href, String name, Where where) {
    }

    private enum Kind {
        RULE_OR_GROUP("rule or group"), VALUE("value"), PROFILE("profile"), PLATFORM("platform");

        final String text;

        Kind(String text) {
            this.text = text;
        }
    }

    private record Ref(Kind kind, String id, String attribute, Where where) {
    }

    private final SecureXml x;
    private final List<Ref> refs = new ArrayList<>();
    private final List<ContentRefAt> contentRefs = new ArrayList<>();
    private final Set<String> items = new HashSet<>();
    private final Set<String> rulesAndGroups = new HashSet<>();
    private final Set<String> values = new HashSet<>();
    private final List<Group> groups = new ArrayList<>();
    private final List<Rule> rules = new ArrayList<>();
    private final List<Value> valueList = new ArrayList<>();
    private final List<Profile> profiles = new ArrayList<>();
    private final Map<String, OvalElement> cpePlatforms = new LinkedHashMap<>();

    XccdfParser(SecureXml x) {
        this.x = x;
    }

    /** @return the check-content-refs of the benchmark read, in document order */
    List<ContentRefAt> contentRefs() {
        return contentRefs;
    }

    /** Reads the Benchmark element the reader is on, to its end tag, and checks its internal references. */
    Benchmark benchmark() throws ScapContentException {
        String id = x.required("id");
        String title = "";
        String version = "";
        List<String> platforms = new ArrayList<>();
        Map<String, Where> profileIds = new HashMap<>();
        int level = x.depth();
        while (x.nextChild(level)) {
            String ns = x.namespace();
            if (ns.equals(CPE_LANG) && x.localName().equals("platform-specification")) {
                platformSpecification();
                continue;
            }
            if (!ns.equals(NS)) {
                x.skip();
                continue;
            }
            switch (x.localName()) {
            case "title" -> title = first(title, x.text());
            case "version" -> version = x.text();
            case "platform" -> platforms.add(platform());
            case "Profile" -> {
                Where at = x.where();
                Profile p = profile();
                if (profileIds.putIfAbsent(p.id(), at) != null) {
                    throw at.error("id", "duplicate profile id \"" + p.id() + "\"");
                }
                profiles.add(p);
            }
            case "Value" -> value("");
            case "Group" -> group("");
            case "Rule" -> rule("");
            default -> x.skip();
            }
        }
        for (Ref r : refs) {
            boolean known = switch (r.kind) {
            case RULE_OR_GROUP -> rulesAndGroups.contains(r.id);
            case VALUE -> values.contains(r.id);
            case PROFILE -> profileIds.containsKey(r.id);
            case PLATFORM -> cpePlatforms.containsKey(r.id.substring(1));
            };
            if (!known) {
                throw r.where.error(r.attribute, "unknown " + r.kind.text + " \"" + Where.clip(r.id) + "\"");
            }
        }
        checkExtends(profiles, Map.of());
        return new Benchmark(id, version, title, platforms, cpePlatforms, profiles, groups, rules, valueList);
    }

    /**
     * Reads the Tailoring element the reader is on and checks it against the benchmark it tailors.
     */
    Tailoring tailoring(Benchmark benchmark) throws ScapContentException {
        for (Group g : benchmark.groups()) {
            rulesAndGroups.add(g.id());
        }
        for (Rule r : benchmark.rules()) {
            rulesAndGroups.add(r.id());
        }
        for (Value v : benchmark.values()) {
            values.add(v.id());
        }
        Map<String, Profile> base = new HashMap<>();
        for (Profile p : benchmark.profiles()) {
            base.put(p.id(), p);
        }
        String id = x.required("id");
        String href = "";
        String version = "";
        Set<String> ids = new HashSet<>();
        int level = x.depth();
        while (x.nextChild(level)) {
            if (!x.namespace().equals(NS)) {
                x.skip();
                continue;
            }
            switch (x.localName()) {
            case "benchmark" -> {
                href = x.attr("href");
                x.skip();
            }
            case "version" -> version = x.text();
            case "Profile" -> {
                Where at = x.where();
                Profile p = profile();
                if (!ids.add(p.id())) {
                    throw at.error("id", "duplicate profile id \"" + p.id() + "\"");
                }
                profiles.add(p);
            }
            default -> x.skip();
            }
        }
        for (Ref r : refs) {
            boolean known = switch (r.kind) {
            case RULE_OR_GROUP -> rulesAndGroups.contains(r.id);
            case VALUE -> values.contains(r.id);
            case PROFILE -> ids.contains(r.id) || base.containsKey(r.id);
            case PLATFORM -> benchmark.cpePlatforms().containsKey(r.id.substring(1));
            };
            if (!known) {
                throw r.where.error(r.attribute, "unknown " + r.kind.text + " \"" + Where.clip(r.id) + "\""
                        + (r.kind == Kind.PROFILE ? " in the tailoring or benchmark " + benchmark.id() : ""));
            }
        }
        checkExtends(profiles, base);
        return new Tailoring(x.file(), id, href, version, profiles);
    }

    /** Refuses a profile that extends itself through a chain. */
    private void checkExtends(List<Profile> own, Map<String, Profile> base) throws ScapContentException {
        Map<String, Profile> ownById = new HashMap<>();
        for (Profile p : own) {
            ownById.put(p.id(), p);
        }
        for (Profile p : own) {
            ProfileResolver.chain(p, ownById, base, x.file());
        }
    }

    private void platformSpecification() throws ScapContentException {
        int level = x.depth();
        while (x.nextChild(level)) {
            if (x.namespace().equals(CPE_LANG) && x.localName().equals("platform")) {
                Where at = x.where();
                String id = x.required("id");
                OvalElement platform = x.tree(false);
                if (cpePlatforms.putIfAbsent(id, platform) != null) {
                    throw at.error("id", "duplicate platform id \"" + id + "\"");
                }
            } else {
                x.skip();
            }
        }
    }

    private String platform() throws ScapContentException {
        String idref = x.required("idref");
        if (idref.startsWith("#")) {
            refs.add(new Ref(Kind.PLATFORM, idref, "idref", x.where()));
        }
        x.skip();
        return idref;
    }

    private Profile profile() throws ScapContentException {
        String id = x.required("id");
        String ext = x.attr("extends");
        if (!ext.isEmpty()) {
            refs.add(new Ref(Kind.PROFILE, ext, "extends", x.where()));
        }
        String title = "";
        String description = "";
        List<Profile.Selection> selections = new ArrayList<>();
        Map<String, String> refineValues = new LinkedHashMap<>();
        Map<String, String> setValues = new LinkedHashMap<>();
        List<Profile.RefineRule> refineRules = new ArrayList<>();
        int level = x.depth();
        while (x.nextChild(level)) {
            if (!x.namespace().equals(NS)) {
                x.skip();
                continue;
            }
            switch (x.localName()) {
            case "title" -> title = first(title, x.text());
            case "description" -> description = first(description, x.text());
            case "select" -> {
                String idref = ref(Kind.RULE_OR_GROUP);
                selections.add(new Profile.Selection(idref, x.bool("selected", true)));
                x.skip();
            }
            case "refine-value" -> {
                String idref = ref(Kind.VALUE);
                refineValues.put(idref, x.attr("selector"));
                x.skip();
            }
            case "set-value" -> {
                String idref = ref(Kind.VALUE);
                setValues.put(idref, x.raw(null));
            }
            case "refine-rule" -> {
                String idref = ref(Kind.RULE_OR_GROUP);
                String weight = x.attr("weight");
                if (!weight.isEmpty()) {
                    weight(weight);
                }
                refineRules.add(new Profile.RefineRule(idref, x.attr("severity"), weight, x.attr("role"),
                        x.attr("selector")));
                x.skip();
            }
            default -> x.skip();
            }
        }
        return new Profile(id, title, description, ext, selections, refineValues, setValues, refineRules);
    }

    private String ref(Kind kind) throws ScapContentException {
        String idref = x.required("idref");
        refs.add(new Ref(kind, idref, "idref", x.where()));
        return idref;
    }

    private String item(Set<String> kind) throws ScapContentException {
        String id = x.required("id");
        if (!items.add(id)) {
            throw x.error("id", "duplicate item id \"" + Where.clip(id) + "\"");
        }
        kind.add(id);
        return id;
    }

    private void group(String parent) throws ScapContentException {
        String id = item(rulesAndGroups);
        boolean selected = x.bool("selected", true);
        String title = "";
        List<String> platforms = new ArrayList<>();
        int index = groups.size();
        groups.add(null);
        int level = x.depth();
        while (x.nextChild(level)) {
            if (!x.namespace().equals(NS)) {
                x.skip();
                continue;
            }
            switch (x.localName()) {
            case "title" -> title = first(title, x.text());
            case "platform" -> platforms.add(platform());
            case "Value" -> value(id);
            case "Group" -> group(id);
            case "Rule" -> rule(id);
            default -> x.skip();
            }
        }
        groups.set(index, new Group(id, title, selected, parent, platforms));
    }

    private void value(String group) throws ScapContentException {
        String id = item(values);
        String type = x.attr("type").isEmpty() ? "string" : x.attr("type");
        String operator = x.attr("operator").isEmpty() ? "equals" : x.attr("operator");
        String title = "";
        String defaultValue = "";
        Map<String, String> selectors = new LinkedHashMap<>();
        int level = x.depth();
        while (x.nextChild(level)) {
            if (!x.namespace().equals(NS)) {
                x.skip();
                continue;
            }
            switch (x.localName()) {
            case "title" -> title = first(title, x.text());
            case "value" -> {
                String selector = x.attr("selector");
                Where at = x.where();
                String v = x.raw(null);
                if (selector.isEmpty()) {
                    defaultValue = v;
                } else if (selectors.putIfAbsent(selector, v) != null) {
                    throw at.error("selector", "duplicate selector \"" + Where.clip(selector) + "\"");
                }
            }
            default -> x.skip();
            }
        }
        valueList.add(new Value(id, title, type, operator, group, defaultValue, selectors));
    }

    private void rule(String group) throws ScapContentException {
        String id = item(rulesAndGroups);
        boolean selected = x.bool("selected", true);
        String severity = x.attr("severity").isEmpty() ? "unknown" : x.attr("severity");
        double weight = x.attr("weight").isEmpty() ? 1.0 : weight(x.attr("weight"));
        String title = "";
        String rationale = "";
        List<Rule.Ident> idents = new ArrayList<>();
        List<Rule.Reference> references = new ArrayList<>();
        List<String> fixTexts = new ArrayList<>();
        List<Rule.Fix> fixes = new ArrayList<>();
        List<String> platforms = new ArrayList<>();
        List<Rule.Check> checks = new ArrayList<>();
        Optional<Rule.ComplexCheck> complex = Optional.empty();
        int level = x.depth();
        while (x.nextChild(level)) {
            if (!x.namespace().equals(NS)) {
                x.skip();
                continue;
            }
            switch (x.localName()) {
            case "title" -> title = first(title, x.text());
            case "rationale" -> rationale = first(rationale, x.text());
            case "ident" -> {
                String system = x.required("system");
                idents.add(new Rule.Ident(system, x.text()));
            }
            case "reference" -> {
                String href = x.attr("href");
                references.add(new Rule.Reference(href, x.text()));
            }
            case "fixtext" -> fixTexts.add(x.text());
            case "fix" -> fixes.add(fix());
            case "platform" -> platforms.add(platform());
            case "check" -> checks.add(check());
            case "complex-check" -> {
                if (complex.isPresent()) {
                    throw x.error("a rule holds at most one complex-check");
                }
                complex = Optional.of(complexCheck());
            }
            default -> x.skip();
            }
        }
        rules.add(new Rule(id, title, severity, weight, selected, group, idents, references, rationale, fixTexts,
                fixes, platforms, checks, complex));
    }

    private double weight(String text) throws ScapContentException {
        try {
            double w = Double.parseDouble(text.trim());
            if (w >= 0 && w <= 10_000 && !Double.isNaN(w)) {
                return w;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw x.error("weight", "not a weight (a decimal from 0): \"" + Where.clip(text) + "\"");
    }

    private Rule.Fix fix() throws ScapContentException {
        String system = x.attr("system");
        String id = x.attr("id");
        List<Rule.Sub> subs = new ArrayList<>();
        String text = x.raw(sb -> {
            if (x.namespace().equals(NS) && x.localName().equals("sub")) {
                subs.add(new Rule.Sub(sb.length(), x.required("idref")));
                x.skip();
                return true;
            }
            return false;
        });
        return new Rule.Fix(system, id, text, subs);
    }

    private Rule.Check check() throws ScapContentException {
        String system = x.required("system");
        String selector = x.attr("selector");
        boolean multi = x.bool("multi-check", false);
        List<Rule.ContentRef> contentRefs = new ArrayList<>();
        List<Rule.Export> exports = new ArrayList<>();
        int level = x.depth();
        while (x.nextChild(level)) {
            if (!x.namespace().equals(NS)) {
                x.skip();
                continue;
            }
            switch (x.localName()) {
            case "check-export" -> {
                String valueId = x.required("value-id");
                refs.add(new Ref(Kind.VALUE, valueId, "value-id", x.where()));
                exports.add(new Rule.Export(valueId, x.required("export-name")));
                x.skip();
            }
            case "check-content-ref" -> {
                Rule.ContentRef ref = new Rule.ContentRef(x.required("href"), x.attr("name"));
                contentRefs.add(ref);
                contentRefs().add(new ContentRefAt(system, ref.href(), ref.name(), x.where()));
                x.skip();
            }
            default -> x.skip();
            }
        }
        return new Rule.Check(system, selector, multi, contentRefs, exports);
    }

    private Rule.ComplexCheck complexCheck() throws ScapContentException {
        String operator = x.attr("operator").isEmpty() ? "AND" : x.attr("operator");
        if (!operator.equals("AND") && !operator.equals("OR")) {
            throw x.error("operator", "not AND or OR: \"" + Where.clip(operator) + "\"");
        }
        boolean negate = x.bool("negate", false);
        List<Rule.Check> checks = new ArrayList<>();
        List<Rule.ComplexCheck> nested = new ArrayList<>();
        int level = x.depth();
        while (x.nextChild(level)) {
            if (x.namespace().equals(NS) && x.localName().equals("check")) {
                checks.add(check());
            } else if (x.namespace().equals(NS) && x.localName().equals("complex-check")) {
                nested.add(complexCheck());
            } else {
                x.skip();
            }
        }
        return new Rule.ComplexCheck(operator, negate, checks, nested);
    }

    private static String first(String current, String read) {
        return current.isEmpty() ? read : current;
    }
}
