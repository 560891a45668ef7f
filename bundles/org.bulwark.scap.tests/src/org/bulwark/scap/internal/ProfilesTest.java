package org.bulwark.scap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bulwark.scap.Benchmark;
import org.bulwark.scap.Group;
import org.bulwark.scap.Profile;
import org.bulwark.scap.ResolvedProfile;
import org.bulwark.scap.Rule;
import org.bulwark.scap.ScapContentException;
import org.bulwark.scap.Tailoring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Profiles resolved: extends chains, group selection, values, refinements; the fixture's and SSG's. */
class ProfilesTest {

    private static final String T = "xccdf_t_";

    @TempDir
    Path dir;

    private final StaxScapContentReader reader = new StaxScapContentReader();
    private final DefaultScapProfiles profiles = new DefaultScapProfiles(reader);

    @Test
    void resolvesTheFixturesProfilesAndTailoring() throws Exception {
        Path ds = Fixtures.write(dir, "ds.xml", Fixtures.DATA_STREAM);
        Path t = Fixtures.write(dir, "tailoring.xml", Fixtures.TAILORING);
        List<ResolvedProfile> all = profiles.profiles(ds, Optional.of(t));
        assertEquals(List.of(T + "profile_base", T + "profile_strict", T + "profile_mine", T + "profile_mine2"),
                all.stream().map(p -> p.profile().id()).toList());
        assertEquals(List.of(false, false, true, true), all.stream().map(ResolvedProfile::fromTailoring).toList());
        assertEquals(List.of(List.of(T + "rule_a", T + "rule_b"), List.of(T + "rule_a", T + "rule_c"),
                List.of(T + "rule_c"), List.of(T + "rule_c")), all.stream().map(ResolvedProfile::selectedRules).toList());
        assertEquals(List.of(Map.of(T + "value_banner", "  Welcome  ", T + "value_timeout", "300"),
                Map.of(T + "value_banner", "Authorized use only", T + "value_timeout", "300"),
                Map.of(T + "value_banner", "Authorized use only", T + "value_timeout", "600"),
                Map.of(T + "value_banner", "Go away", T + "value_timeout", "600")),
                all.stream().map(ResolvedProfile::values).toList());
        Profile.RefineRule high = new Profile.RefineRule(T + "rule_a", "high", "5.5", "full", "strict");
        assertEquals(List.of(Map.of(), Map.of(T + "rule_a", high), Map.of(T + "rule_a", high), Map.of(T + "rule_a", high)),
                all.stream().map(ResolvedProfile::refinedRules).toList());
        assertEquals(List.of(T + "benchmark_T"), all.stream().map(ResolvedProfile::benchmarkId).distinct().toList());
    }

    @Test
    void aTailoringProfileMayShadowTheOneItExtends() throws Exception {
        Benchmark b = reader.read(Fixtures.write(dir, "ds.xml", Fixtures.DATA_STREAM)).benchmark().orElseThrow();
        Path t = Fixtures.write(dir, "t.xml", Fixtures.TAILORING.replace(
                "<x:Profile id=\"xccdf_t_profile_mine\" extends=\"xccdf_t_profile_strict\">",
                "<x:Profile id=\"xccdf_t_profile_strict\" extends=\"xccdf_t_profile_strict\">").replace(
                "extends=\"xccdf_t_profile_mine\"", "extends=\"xccdf_t_profile_strict\""));
        Tailoring tailoring = reader.readTailoring(t, b);
        ResolvedProfile strict = profiles.resolve(b, Optional.of(tailoring), T + "profile_strict");
        assertEquals(true, strict.fromTailoring());
        assertEquals(List.of(T + "rule_c"), strict.selectedRules());
        assertEquals("600", strict.values().get(T + "value_timeout"));
        ResolvedProfile mine2 = profiles.resolve(b, Optional.of(tailoring), T + "profile_mine2");
        assertEquals(List.of(T + "rule_c"), mine2.selectedRules());
        assertEquals("Go away", mine2.values().get(T + "value_banner"));
        ResolvedProfile untailored = profiles.resolve(b, Optional.empty(), T + "profile_strict");
        assertEquals(List.of(T + "rule_a", T + "rule_c"), untailored.selectedRules());

        ScapContentException e = assertThrows(ScapContentException.class,
                () -> profiles.resolve(b, Optional.of(tailoring), T + "profile_nope"));
        assertEquals(t + ": no profile \"xccdf_t_profile_nope\" in benchmark xccdf_t_benchmark_T or its tailoring",
                e.getMessage());
    }

    @Test
    void resolvesSsgDebian11Profiles() throws Exception {
        assumeTrue(Files.isRegularFile(SsgContentTest.DS11), "ssg-debian is not installed (no " + SsgContentTest.DS11 + ")");
        List<ResolvedProfile> all = profiles.profiles(SsgContentTest.DS11, Optional.empty());
        // counted with Python's ElementTree: rules selected, and every group holding them selected
        assertEquals(List.of(45, 50, 24, 49, 44), all.stream().map(p -> p.selectedRules().size()).toList());
        ResolvedProfile standard = all.get(4);
        String p = "xccdf_org.ssgproject.content_";
        // in document order
        assertEquals(p + "rule_partition_for_home", standard.selectedRules().get(0));
        assertEquals(p + "rule_sshd_disable_root_login", standard.selectedRules().get(43));
        assertEquals(452, standard.values().size());
        assertEquals("300", standard.values().get(p + "value_sshd_idle_timeout_value"));
        assertEquals("0", standard.values().get(p + "value_var_sshd_set_keepalive"));
        assertEquals("adm", standard.values().get(p + "value_file_owner_logfiles_value"));
        assertEquals("root@localhost", standard.values().get(p + "value_var_aide_scan_notification_email"));
    }

    @Test
    void aTailoringSelectingEveryRuleOfSsgDebian11() throws Exception {
        assumeTrue(Files.isRegularFile(SsgContentTest.DS11), "ssg-debian is not installed (no " + SsgContentTest.DS11 + ")");
        Benchmark b = reader.read(SsgContentTest.DS11).benchmark().orElseThrow();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<xccdf:Tailoring xmlns:xccdf=\"http://checklists"
                + ".nist.gov/xccdf/1.2\" id=\"xccdf_bulwark_tailoring_all\">\n  <xccdf:version time=\"2026-01-01T00:00:00\">1"
                + "</xccdf:version>\n  <xccdf:Profile id=\"xccdf_bulwark_profile_all\" extends=\"xccdf_org.ssgproject"
                + ".content_profile_standard\">\n    <xccdf:title>Every rule</xccdf:title>\n");
        for (Group g : b.groups()) {
            xml.append("    <xccdf:select idref=\"").append(g.id()).append("\" selected=\"true\"/>\n");
        }
        for (Rule r : b.rules()) {
            xml.append("    <xccdf:select idref=\"").append(r.id()).append("\" selected=\"true\"/>\n");
        }
        xml.append("  </xccdf:Profile>\n</xccdf:Tailoring>\n");
        Path t = Files.writeString(dir.resolve("all.xml"), xml);
        List<ResolvedProfile> all = profiles.profiles(SsgContentTest.DS11, Optional.of(t));
        assertEquals(6, all.size());
        ResolvedProfile every = all.get(5);
        assertEquals("xccdf_bulwark_profile_all", every.profile().id());
        assertEquals(605, every.profile().selections().size());
        assertEquals(355, every.selectedRules().size());
        assertEquals("300", every.values().get("xccdf_org.ssgproject.content_value_sshd_idle_timeout_value"));
    }
}
