package org.bulwark.scap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bulwark.scap.Benchmark;
import org.bulwark.scap.CpeItem;
import org.bulwark.scap.Group;
import org.bulwark.scap.OvalDefinitions;
import org.bulwark.scap.OvalElement;
import org.bulwark.scap.Profile;
import org.bulwark.scap.Rule;
import org.bulwark.scap.ScapContent;
import org.bulwark.scap.Tailoring;
import org.bulwark.scap.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every construct of the hand-written fixtures, read exactly. */
class ReaderFixtureTest {

    private static final String OVAL = Fixtures.OVAL_NS;

    @TempDir
    Path dir;

    private final StaxScapContentReader reader = new StaxScapContentReader();

    @Test
    void readsTheDataStream() throws Exception {
        Path ds = Fixtures.write(dir, "ds.xml", Fixtures.DATA_STREAM);
        ScapContent c = reader.read(ds);
        assertEquals(ds.toString(), c.file());
        assertEquals("1.3", c.scapVersion());
        assertEquals(List.of(new CpeItem("cpe:/o:debian:debian_linux:12", "Debian 12", "cpe-oval.xml", "oval:c:def:1"),
                new CpeItem("cpe:/a:sshd", "sshd", "", "")), c.cpeItems());
        assertEquals(List.of("cpe-oval.xml", "oval.xml"), c.oval().keySet().stream().sorted().toList());
        assertEquals("c-oval", c.oval().get("oval.xml").id());
        assertEquals("c-cpe-oval", c.oval().get("cpe-oval.xml").id());
        assertEquals(1, c.benchmarks().size());
        assertBenchmark(c.benchmark().orElseThrow());
        assertOval(c.oval().get("oval.xml"));
    }

    @Test
    void readsThePlainBenchmarkWithTheOvalBesideIt() throws Exception {
        Path x = Fixtures.write(dir, "bench-xccdf.xml", Fixtures.PLAIN_XCCDF);
        Fixtures.write(dir, "oval.xml", Fixtures.PLAIN_OVAL);
        Fixtures.write(dir, "ocil.xml", "<ocil xmlns=\"http://scap.nist.gov/schema/ocil/2.0\"/>");
        ScapContent c = reader.read(x);
        assertEquals("", c.scapVersion());
        assertEquals(List.of(), c.cpeItems());
        assertEquals(List.of("oval.xml"), List.copyOf(c.oval().keySet()));
        assertEquals("oval.xml", c.oval().get("oval.xml").id());
        assertBenchmark(c.benchmark().orElseThrow());
        assertOval(c.oval().get("oval.xml"));
    }

    @Test
    void readsAPlainOvalFile() throws Exception {
        Path o = Fixtures.write(dir, "only-oval.xml", Fixtures.PLAIN_OVAL);
        ScapContent c = reader.read(o);
        assertEquals(List.of(), c.benchmarks());
        assertEquals(List.of("only-oval.xml"), List.copyOf(c.oval().keySet()));
        assertOval(c.oval().get("only-oval.xml"));
    }

    @Test
    void readsATailoringAgainstItsBenchmark() throws Exception {
        Benchmark b = reader.read(Fixtures.write(dir, "ds.xml", Fixtures.DATA_STREAM)).benchmark().orElseThrow();
        Path t = Fixtures.write(dir, "tailoring.xml", Fixtures.TAILORING);
        Tailoring tailoring = reader.readTailoring(t, b);
        assertEquals(new Tailoring(t.toString(), "xccdf_t_tailoring_1", "ds.xml", "7", List.of(
                new Profile("xccdf_t_profile_mine", "Mine", "", "xccdf_t_profile_strict",
                        List.of(new Profile.Selection("xccdf_t_rule_a", false)),
                        Map.of("xccdf_t_value_timeout", "10_minutes"), Map.of(), List.of()),
                new Profile("xccdf_t_profile_mine2", "Mine too", "", "xccdf_t_profile_mine", List.of(), Map.of(),
                        Map.of("xccdf_t_value_banner", "Go away"), List.of()))), tailoring);
    }

    private static void assertBenchmark(Benchmark b) {
        assertEquals("xccdf_t_benchmark_T", b.id());
        assertEquals("1.2.3", b.version());
        assertEquals("Test benchmark", b.title());
        assertEquals(List.of("cpe:/o:debian:debian_linux:12"), b.platforms());
        assertEquals(List.of("sshd"), List.copyOf(b.cpePlatforms().keySet()));
        OvalElement platform = b.cpePlatforms().get("sshd");
        assertEquals("platform", platform.name());
        assertEquals("cpe:/a:sshd", platform.children().get(0).children().get(0).attribute("name"));
        assertEquals(List.of(
                new Profile("xccdf_t_profile_base", "Base", "The base profile.", "", List.of(
                        new Profile.Selection("xccdf_t_group_ssh", true), new Profile.Selection("xccdf_t_rule_a", true),
                        new Profile.Selection("xccdf_t_rule_b", true)),
                        Map.of("xccdf_t_value_timeout", "5_minutes"), Map.of(), List.of()),
                new Profile("xccdf_t_profile_strict", "Strict", "", "xccdf_t_profile_base", List.of(
                        new Profile.Selection("xccdf_t_rule_b", false), new Profile.Selection("xccdf_t_rule_c", true)),
                        Map.of(), Map.of("xccdf_t_value_banner", "Authorized use only"),
                        List.of(new Profile.RefineRule("xccdf_t_rule_a", "high", "5.5", "full", "strict")))),
                b.profiles());
        assertEquals(List.of(new Group("xccdf_t_group_ssh", "SSH", false, "", List.of("#sshd")),
                new Group("xccdf_t_group_sshd", "Server", true, "xccdf_t_group_ssh", List.of())), b.groups());
        assertEquals(List.of(new Value("xccdf_t_value_banner", "Banner", "string", "equals", "", "  Welcome  ", Map.of()),
                new Value("xccdf_t_value_timeout", "Timeout", "number", "less than or equal", "xccdf_t_group_ssh", "900",
                        Map.of("5_minutes", "300", "10_minutes", "600"))), b.values());
        assertEquals("300", b.values().get(1).select("5_minutes"));
        assertEquals("900", b.values().get(1).select("1_minute"));
        Rule.Check ovalA = new Rule.Check(OVAL, "strict", false, List.of(new Rule.ContentRef("oval.xml", "oval:t:def:1")),
                List.of(new Rule.Export("xccdf_t_value_timeout", "oval:t:var:1")));
        Rule.Check ocilA = new Rule.Check("http://scap.nist.gov/schema/ocil/2", "", false,
                List.of(new Rule.ContentRef("ocil.xml", "ocil:t:questionnaire:1")), List.of());
        Rule a = new Rule("xccdf_t_rule_a", "Rule A", "medium", 2.5, false, "xccdf_t_group_sshd",
                List.of(new Rule.Ident("https://ncp.nist.gov/cce", "CCE-80100-0")),
                List.of(new Rule.Reference("https://www.cisecurity.org/benchmark/debian_linux/", "5.2.16"),
                        new Rule.Reference("", "no href")),
                "Idle sessions are risky.", List.of("Set ClientAliveInterval."),
                List.of(new Rule.Fix("urn:xccdf:fix:script:sh", "fix_a",
                        "echo \"ClientAliveInterval \" >> /etc/ssh/sshd_config\n",
                        List.of(new Rule.Sub(26, "xccdf_t_value_timeout")))),
                List.of("cpe:/o:debian:debian_linux:12"), List.of(ovalA, ocilA), Optional.empty());
        Rule bRule = new Rule("xccdf_t_rule_b", "Rule B", "low", 1.0, true, "", List.of(), List.of(), "", List.of(),
                List.of(), List.of(), List.of(new Rule.Check(OVAL, "", true, List.of(new Rule.ContentRef("oval.xml", "")),
                        List.of())), Optional.empty());
        Rule.Check def1 = new Rule.Check(OVAL, "", false, List.of(new Rule.ContentRef("oval.xml", "oval:t:def:1")), List.of());
        Rule.Check def2 = new Rule.Check(OVAL, "", false, List.of(new Rule.ContentRef("oval.xml", "oval:t:def:2")), List.of());
        Rule c = new Rule("xccdf_t_rule_c", "Rule C", "unknown", 1.0, false, "", List.of(), List.of(), "", List.of(),
                List.of(), List.of(), List.of(), Optional.of(new Rule.ComplexCheck("OR", true, List.of(def1),
                        List.of(new Rule.ComplexCheck("AND", false, List.of(def2), List.of())))));
        assertEquals(List.of(a, bRule, c), b.rules());
        assertEquals("oval.xml", a.checks().get(0).href());
        assertEquals("oval:t:def:1", a.checks().get(0).name());
    }

    private static void assertOval(OvalDefinitions d) {
        assertEquals("5.11", d.schemaVersion());
        assertEquals(List.of("oval:t:def:1", "oval:t:def:2"), d.definitions().keySet().stream().sorted().toList());
        assertEquals(List.of("oval:t:tst:1"), List.copyOf(d.tests().keySet()));
        assertEquals(List.of("oval:t:obj:1", "oval:t:obj:2"), d.objects().keySet().stream().sorted().toList());
        assertEquals(List.of("oval:t:ste:1"), List.copyOf(d.states().keySet()));
        assertEquals(List.of("oval:t:var:1", "oval:t:var:2"), d.variables().keySet().stream().sorted().toList());
        OvalElement def = d.definitions().get("oval:t:def:1");
        assertEquals("definition", def.name());
        assertEquals(OVAL, def.namespace());
        assertEquals(Map.of("class", "compliance", "id", "oval:t:def:1", "version", "1"), def.attributes());
        OvalElement criteria = def.child("criteria").orElseThrow();
        assertEquals("AND", criteria.attribute("operator"));
        assertEquals(List.of("criterion", "extend_definition"), criteria.children().stream().map(OvalElement::name).toList());
        assertEquals("oval:t:tst:1", criteria.children().get(0).attribute("test_ref"));
        assertEquals("Timeout", def.child("metadata").orElseThrow().child("title").orElseThrow().text());
        OvalElement test = d.tests().get("oval:t:tst:1");
        assertEquals("textfilecontent54_test", test.name());
        assertEquals(OVAL + "#independent", test.namespace());
        assertEquals("all_exist", test.attribute("check_existence"));
        OvalElement object = d.objects().get("oval:t:obj:1");
        assertEquals("^ClientAliveInterval\\s+(\\d+)$", object.child("pattern").orElseThrow().text());
        assertEquals("pattern match", object.child("pattern").orElseThrow().attribute("operation"));
        assertEquals("/etc/ssh/sshd_config", object.child("filepath").orElseThrow().text());
        assertEquals("", object.text());
        OvalElement local = d.variables().get("oval:t:var:2");
        assertEquals("oval:t:var:1", local.children().get(0).children().get(1).attribute("var_ref"));
    }
}
