package org.bulwark.scap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bulwark.scap.Benchmark;
import org.bulwark.scap.CpeItem;
import org.bulwark.scap.OvalDefinitions;
import org.bulwark.scap.OvalElement;
import org.bulwark.scap.Profile;
import org.bulwark.scap.Rule;
import org.bulwark.scap.ScapContent;
import org.bulwark.scap.Value;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SCAP Security Guide content Debian ships in {@code ssg-debian} 0.1.65-1, read exactly. The expected
 * figures were counted in the files with other tools (grep, Python's ElementTree). Skipped, saying so, where the
 * package is not installed.
 */
class SsgContentTest {

    static final Path SSG = Path.of("/usr/share/xml/scap/ssg/content");
    static final Path DS11 = SSG.resolve("ssg-debian11-ds.xml");
    private static final String P = "xccdf_org.ssgproject.content_";
    private static final String OVAL = Fixtures.OVAL_NS;

    private static ScapContent ds11;

    @BeforeAll
    static void read() throws Exception {
        if (Files.isRegularFile(DS11)) {
            ds11 = new StaxScapContentReader().read(DS11);
        }
    }

    private static ScapContent ds11() {
        assumeTrue(ds11 != null, "ssg-debian is not installed (no " + DS11 + "); apt-get install ssg-debian");
        return ds11;
    }

    @Test
    void countsTheDebian11DataStream() {
        ScapContent c = ds11();
        assertEquals("1.3", c.scapVersion());
        assertEquals(1, c.benchmarks().size());
        Benchmark b = c.benchmark().orElseThrow();
        assertEquals(P + "benchmark_DEBIAN-11", b.id());
        assertEquals("0.1.65", b.version());
        assertEquals("Guide to the Secure Configuration of Debian 11", b.title());
        assertEquals(List.of("cpe:/o:debian:debian_linux:11"), b.platforms());
        assertEquals(355, b.rules().size());
        assertEquals(5, b.profiles().size());
        assertEquals(250, b.groups().size());
        assertEquals(452, b.values().size());
        assertEquals(17, b.cpePlatforms().size());
        assertEquals(P + "rule_prefer_64bit_os", b.rules().get(0).id());
        assertEquals(P + "rule_sshd_use_priv_separation", b.rules().get(354).id());
        assertEquals(P + "group_system", b.groups().get(0).id());
        assertEquals(P + "group_intro-test-non-production", b.groups().get(249).id());
        assertEquals(List.of(P + "group_system", P + "group_services", P + "group_intro"),
                b.groups().stream().filter(g -> g.parentId().isEmpty()).map(g -> g.id()).toList());
        assertEquals(343, b.rules().stream().mapToInt(r -> r.fixes().size()).sum());
        assertEquals(28, b.rules().stream().flatMap(r -> r.fixes().stream()).mapToInt(f -> f.subs().size()).sum());
        assertEquals(14842, b.rules().stream().mapToInt(r -> r.references().size()).sum());
        assertEquals(664, b.rules().stream().mapToInt(r -> r.checks().size()).sum());
        assertEquals(333, b.rules().stream().flatMap(r -> r.checks().stream()).filter(k -> k.system().equals(OVAL)).count());
        assertEquals(61, b.rules().stream().filter(r -> !r.platforms().isEmpty()).count());
        assertEquals(40, b.groups().stream().filter(g -> !g.platforms().isEmpty()).count());
        assertEquals(0, b.rules().stream().filter(r -> r.selected()).count());

        assertEquals(List.of("ssg-debian11-cpe-oval.xml", "ssg-debian11-oval.xml"),
                c.oval().keySet().stream().sorted().toList());
        OvalDefinitions oval = c.oval().get("ssg-debian11-oval.xml");
        OvalDefinitions cpeOval = c.oval().get("ssg-debian11-cpe-oval.xml");
        assertEquals(567, oval.definitions().size() + cpeOval.definitions().size());
        assertEquals(List.of("5.11", 487, 918, 998, 469, 241), List.of(oval.schemaVersion(), oval.definitions().size(),
                oval.tests().size(), oval.objects().size(), oval.states().size(), oval.variables().size()));
        assertEquals(List.of("5.11", 80, 99, 99, 58, 0), List.of(cpeOval.schemaVersion(), cpeOval.definitions().size(),
                cpeOval.tests().size(), cpeOval.objects().size(), cpeOval.states().size(), cpeOval.variables().size()));
        assertEquals(18, c.cpeItems().size());
        assertEquals(new CpeItem("cpe:/o:debian:debian_linux:11", "Debian Linux 11", "ssg-debian11-cpe-oval.xml",
                "oval:ssg-installed_OS_is_debian11:def:1"), c.cpeItems().get(17));
    }

    @Test
    void readsTheStandardProfile() {
        Benchmark b = ds11().benchmark().orElseThrow();
        Profile p = b.profiles().get(4);
        assertEquals(P + "profile_standard", p.id());
        assertEquals("Standard System Security Profile for Debian 11", p.title());
        assertEquals("This profile contains rules to ensure standard security baseline of a Debian 11 system. "
                + "Regardless of your system's workload all of these checks should pass.", p.description());
        assertEquals("", p.extendsId());
        assertEquals(275, p.selections().size());
        assertEquals(44, p.selections().stream().filter(Profile.Selection::selected).count());
        assertEquals(new Profile.Selection(P + "rule_ensure_logrotate_activated", true), p.selections().get(0));
        assertEquals(new Profile.Selection(P + "group_xwindows", false), p.selections().get(274));
        assertEquals(Map.of(P + "value_sshd_idle_timeout_value", "5_minutes", P + "value_var_sshd_set_keepalive", "0",
                P + "value_file_owner_logfiles_value", "adm", P + "value_file_groupowner_logfiles_value", "adm"),
                p.refineValues());
        assertEquals(Map.of(), p.setValues());
        assertEquals(List.of(), p.refineRules());
        assertEquals(List.of(P + "profile_anssi_np_nt28_average", P + "profile_anssi_np_nt28_high",
                P + "profile_anssi_np_nt28_minimal", P + "profile_anssi_np_nt28_restrictive", P + "profile_standard"),
                b.profiles().stream().map(Profile::id).toList());
        assertEquals(List.of(275, 277, 263, 277, 275), b.profiles().stream().map(x -> x.selections().size()).toList());
    }

    @Test
    void readsTheSshIdleTimeoutRuleAndItsValue() {
        ScapContent c = ds11();
        Benchmark b = c.benchmark().orElseThrow();
        Rule r = b.rules().stream().filter(x -> x.id().equals(P + "rule_sshd_set_idle_timeout")).findFirst().orElseThrow();
        assertEquals("Set SSH Client Alive Interval", r.title());
        assertEquals("medium", r.severity());
        assertEquals(1.0, r.weight());
        assertEquals(false, r.selected());
        assertEquals(P + "group_ssh_server", r.groupId());
        assertEquals(List.of(), r.idents());
        assertEquals(103, r.references().size());
        assertEquals(new Rule.Reference("http://www.ssi.gouv.fr/administration/bonnes-pratiques/", "BP28(R29)"),
                r.references().get(0));
        assertEquals(new Rule.Reference("", "SRG-OS-000480-VMM-002000"), r.references().get(102));
        assertEquals(11, r.references().stream().filter(x -> x.href().equals("https://www.cisecurity.org/controls/")).count());
        assertEquals("Terminating an idle ssh session within a short time period reduces the window of opportunity "
                + "for unauthorized personnel to take control of a management session enabled on the console or "
                + "console port that has been let unattended.", r.rationale());
        assertEquals(List.of(), r.fixTexts());
        assertEquals(1, r.fixes().size());
        Rule.Fix fix = r.fixes().get(0);
        assertEquals("urn:xccdf:fix:script:sh", fix.system());
        assertEquals("sshd_set_idle_timeout", fix.id());
        assertEquals(1193, fix.text().length());
        assertEquals(List.of(new Rule.Sub(141, P + "value_sshd_idle_timeout_value")), fix.subs());
        assertEquals("sshd_idle_timeout_value=''", fix.text().substring(116, 141) + "'");
        assertEquals(List.of(), r.platforms());
        assertEquals(List.of(new Rule.Check(OVAL, "", false,
                List.of(new Rule.ContentRef("ssg-debian11-oval.xml", "oval:ssg-sshd_set_idle_timeout:def:1")),
                List.of(new Rule.Export(P + "value_var_sshd_set_keepalive", "oval:ssg-var_sshd_set_keepalive:var:1"),
                        new Rule.Export(P + "value_sshd_required", "oval:ssg-sshd_required:var:1"),
                        new Rule.Export(P + "value_sshd_idle_timeout_value", "oval:ssg-sshd_idle_timeout_value:var:1"))),
                new Rule.Check("http://scap.nist.gov/schema/ocil/2", "", false, List.of(new Rule.ContentRef(
                        "ssg-debian11-ocil.xml", "ocil:ssg-sshd_set_idle_timeout_ocil:questionnaire:1")), List.of())),
                r.checks());
        assertEquals(Optional.empty(), r.complexCheck());

        Rule home = b.rules().stream().filter(x -> x.id().equals(P + "rule_partition_for_home")).findFirst().orElseThrow();
        assertEquals(List.of("#machine"), home.platforms());
        assertEquals("low", home.severity());

        Value v = b.values().stream().filter(x -> x.id().equals(P + "value_sshd_idle_timeout_value")).findFirst()
                .orElseThrow();
        assertEquals(new Value(P + "value_sshd_idle_timeout_value", "SSH session Idle time", "number", "equals",
                P + "group_ssh", "300", Map.of("10_minutes", "600", "120_minutes", "7200", "14_minutes", "840",
                        "15_minutes", "900", "30_minutes", "1800", "5_minutes", "300", "60_minutes", "3600")), v);

        OvalElement def = c.oval().get("ssg-debian11-oval.xml").definitions().get("oval:ssg-sshd_set_idle_timeout:def:1");
        assertEquals(43896, def.line());
        assertEquals(103, def.column());
        OvalElement criteria = def.child("criteria").orElseThrow();
        assertEquals("OR", criteria.attribute("operator"));
        assertEquals("oval:ssg-test_sshd_idle_timeout:tst:1", criteria.children().get(1).children().get(2).children()
                .get(0).attribute("test_ref"));
    }

    @Test
    void thePlainXccdfAndOvalFilesHoldTheSameBenchmark() throws Exception {
        Path xccdf = SSG.resolve("ssg-debian11-xccdf.xml");
        assumeTrue(Files.isRegularFile(xccdf), "ssg-debian is not installed (no " + xccdf + ")");
        ScapContent plain = new StaxScapContentReader().read(xccdf);
        // the same benchmark, but for the lines and columns of the CPE platforms' element trees
        assertEquals(withoutPositions(ds11().benchmark().orElseThrow()), withoutPositions(plain.benchmark().orElseThrow()));
        assertEquals(ds11().benchmark().orElseThrow().cpePlatforms().keySet(),
                plain.benchmark().orElseThrow().cpePlatforms().keySet());
        assertEquals(List.of("ssg-debian11-oval.xml"), List.copyOf(plain.oval().keySet()));
        OvalDefinitions a = plain.oval().get("ssg-debian11-oval.xml");
        OvalDefinitions b = ds11().oval().get("ssg-debian11-oval.xml");
        assertEquals(b.definitions().keySet(), a.definitions().keySet());
        assertEquals(b.tests().keySet(), a.tests().keySet());
        assertEquals(b.variables().keySet(), a.variables().keySet());
    }

    private static Benchmark withoutPositions(Benchmark b) {
        return new Benchmark(b.id(), b.version(), b.title(), b.platforms(), Map.of(), b.profiles(), b.groups(),
                b.rules(), b.values());
    }

    @Test
    void readsTheScap12DataStreamOfDebian10() throws Exception {
        Path ds10 = SSG.resolve("ssg-debian10-ds-1.2.xml");
        assumeTrue(Files.isRegularFile(ds10), "ssg-debian is not installed (no " + ds10 + ")");
        ScapContent c = new StaxScapContentReader().read(ds10);
        assertEquals("1.2", c.scapVersion());
        Benchmark b = c.benchmark().orElseThrow();
        assertEquals(P + "benchmark_DEBIAN-10", b.id());
        assertEquals(List.of(355, 5, 250, 452), List.of(b.rules().size(), b.profiles().size(), b.groups().size(),
                b.values().size()));
        assertEquals(567, c.oval().values().stream().mapToInt(d -> d.definitions().size()).sum());
    }
}
