package org.bulwark.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code bulwark scap profiles}: text, JSON, a tailoring, malformed content; SSG's Debian 11 stream where installed. */
class ScapCommandTest {

    private static final Path SSG_DS11 = Path.of("/usr/share/xml/scap/ssg/content/ssg-debian11-ds.xml");

    private static final String BENCHMARK = """
            <?xml version="1.0"?>
            <Benchmark xmlns="http://checklists.nist.gov/xccdf/1.2" id="xccdf_t_benchmark_cli">
              <title>CLI</title>
              <version>1</version>
              <Profile id="xccdf_t_profile_one">
                <title>One rule</title>
                <select idref="xccdf_t_rule_b" selected="true"/>
              </Profile>
              <Profile id="xccdf_t_profile_none" extends="xccdf_t_profile_one">
                <title>No rule</title>
                <select idref="xccdf_t_group_g" selected="false"/>
              </Profile>
              <Group id="xccdf_t_group_g">
                <title>G</title>
                <Rule id="xccdf_t_rule_a" selected="false"><title>A</title></Rule>
                <Rule id="xccdf_t_rule_b" selected="false"><title>B</title></Rule>
              </Group>
            </Benchmark>
            """;

    private static final String TAILORING = """
            <?xml version="1.0"?>
            <Tailoring xmlns="http://checklists.nist.gov/xccdf/1.2" id="xccdf_t_tailoring_cli">
              <version time="2026-01-01T00:00:00">1</version>
              <Profile id="xccdf_t_profile_two" extends="xccdf_t_profile_one">
                <title>Two rules</title>
                <select idref="xccdf_t_rule_a" selected="true"/>
              </Profile>
            </Tailoring>
            """;

    @TempDir
    Path dir;

    @RegisterExtension
    final CliRun bulwark = CliRun.plain();

    private int run(String... args) {
        return bulwark.run(args);
    }

    @Test
    void listsProfilesAsTextAndJson() throws Exception {
        Path b = Files.writeString(dir.resolve("bench-xccdf.xml"), BENCHMARK);
        Path t = Files.writeString(dir.resolve("tailoring.xml"), TAILORING);
        assertEquals(ExitCodes.OK, run("scap", "profiles", b.toString(), "--tailoring", t.toString()), bulwark.err());
        assertEquals(String.format("%-64s %5s  %s%n", "PROFILE", "RULES", "TITLE")
                + String.format("%-64s %5d  %s%n", "xccdf_t_profile_one", 1, "One rule")
                + String.format("%-64s %5d  %s%n", "xccdf_t_profile_none", 0, "No rule")
                + String.format("%-64s %5d  %s%n", "xccdf_t_profile_two", 2, "Two rules (tailoring)")
                + String.format("3 profiles%n"), bulwark.out());

        assertEquals(ExitCodes.OK, run("scap", "profiles", "--format", "json", b.toString()), bulwark.err());
        assertEquals("""
                [ {
                  "benchmark" : "xccdf_t_benchmark_cli",
                  "id" : "xccdf_t_profile_one",
                  "title" : "One rule",
                  "extends" : null,
                  "tailoring" : false,
                  "selectedRules" : 1
                }, {
                  "benchmark" : "xccdf_t_benchmark_cli",
                  "id" : "xccdf_t_profile_none",
                  "title" : "No rule",
                  "extends" : "xccdf_t_profile_one",
                  "tailoring" : false,
                  "selectedRules" : 0
                } ]
                """, bulwark.out().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void malformedContentExitsWith3NamingTheFileAndLine() throws Exception {
        Path b = Files.writeString(dir.resolve("bad.xml"), BENCHMARK.replace("xccdf_t_rule_b\" selected=\"true\"",
                "xccdf_t_rule_x\" selected=\"true\""));
        assertEquals(ExitCodes.CONTENT, run("scap", "profiles", b.toString()));
        assertEquals("bulwark: SCAP content rejected: " + b + ":7:53: <select> @idref: unknown rule or group "
                + "\"xccdf_t_rule_x\"", bulwark.err().lines().findFirst().orElse(""));
        assertEquals("", bulwark.out());
        assertEquals(ExitCodes.CONTENT, run("scap", "profiles", dir.resolve("none.xml").toString()));
        assertEquals("bulwark: SCAP content rejected: " + dir.resolve("none.xml") + ": not a regular file",
                bulwark.err().lines().findFirst().orElse(""));
        assertEquals(ExitCodes.USAGE, run("scap"));
        assertEquals(ExitCodes.USAGE, run("scap", "profiles"));
    }

    @Test
    void listsSsgDebian11Profiles() {
        assumeTrue(Files.isRegularFile(SSG_DS11), "ssg-debian is not installed (no " + SSG_DS11 + ")");
        assertEquals(ExitCodes.OK, run("scap", "profiles", SSG_DS11.toString()), bulwark.err());
        String p = "xccdf_org.ssgproject.content_profile_";
        assertEquals(String.format("%-64s %5s  %s%n", "PROFILE", "RULES", "TITLE")
                + String.format("%-64s %5d  %s%n", p + "anssi_np_nt28_average", 45,
                        "Profile for ANSSI DAT-NT28 Average (Intermediate) Level")
                + String.format("%-64s %5d  %s%n", p + "anssi_np_nt28_high", 50, "Profile for ANSSI DAT-NT28 High (Enforced) Level")
                + String.format("%-64s %5d  %s%n", p + "anssi_np_nt28_minimal", 24, "Profile for ANSSI DAT-NT28 Minimal Level")
                + String.format("%-64s %5d  %s%n", p + "anssi_np_nt28_restrictive", 49,
                        "Profile for ANSSI DAT-NT28 Restrictive Level")
                + String.format("%-64s %5d  %s%n", p + "standard", 44, "Standard System Security Profile for Debian 11")
                + String.format("5 profiles%n"), bulwark.out());
    }
}
