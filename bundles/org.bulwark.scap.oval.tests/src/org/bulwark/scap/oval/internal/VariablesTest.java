package org.bulwark.scap.oval.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.bulwark.scap.OvalDefinitions;
import org.bulwark.scap.oval.OvalOutcome;
import org.bulwark.scap.oval.OvalTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Variables and the local_variable functions, value by value. */
class VariablesTest {

    @TempDir
    Path dir;
    @TempDir
    Path root;

    private static String local(int n, String datatype, String body) {
        return "<local_variable id=\"oval:t:var:" + n + "\" datatype=\"" + datatype + "\" version=\"1\" comment=\"c\">"
                + body + "</local_variable>";
    }

    private static String lit(String s) {
        return "<literal_component>" + s + "</literal_component>";
    }

    private static String var(int n) {
        return "<variable_component var_ref=\"oval:t:var:" + n + "\"/>";
    }

    @Test
    void everyFunction() {
        Oval.write(root, "/etc/login.defs", "UMASK 027\nPASS_MAX_DAYS 60\n");
        OvalDefinitions d = new Oval()
                .object("<ind:textfilecontent54_object id=\"oval:t:obj:1\" version=\"1\"><ind:filepath>/etc/login.defs</ind:filepath>"
                        + "<ind:pattern operation=\"pattern match\">^(\\w+)\\s+(\\w+)$</ind:pattern>"
                        + "<ind:instance datatype=\"int\" operation=\"greater than or equal\">1</ind:instance></ind:textfilecontent54_object>")
                .variable("<external_variable id=\"oval:t:var:1\" datatype=\"string\" version=\"1\" comment=\"c\"/>")
                .variable("<constant_variable id=\"oval:t:var:2\" datatype=\"int\" version=\"1\" comment=\"c\"><value>2</value><value>3</value></constant_variable>")
                .variable(local(3, "string", "<concat>" + lit("a") + var(2) + lit("-") + var(2) + "</concat>"))
                .variable(local(4, "int", "<arithmetic arithmetic_operation=\"multiply\">" + var(2) + lit("10") + "</arithmetic>"))
                .variable(local(5, "int", "<arithmetic arithmetic_operation=\"add\">" + var(2) + var(2) + "</arithmetic>"))
                .variable(local(6, "int", "<count>" + var(2) + var(3) + "</count>"))
                .variable(local(7, "string", "<unique>" + var(2) + var(2) + lit("2") + "</unique>"))
                .variable(local(8, "string", "<split delimiter=\",\">" + lit("a,b,,c") + "</split>"))
                .variable(local(9, "string", "<substring substring_start=\"2\" substring_length=\"1\">" + lit("027") + "</substring>"))
                .variable(local(10, "string", "<substring substring_start=\"2\" substring_length=\"-1\">" + lit("027") + "</substring>"))
                .variable(local(11, "string", "<regex_capture pattern=\"^UMASK\\s+(\\d+)\">" + lit("UMASK 077") + "</regex_capture>"))
                .variable(local(12, "string", "<escape_regex>" + lit("/etc/a.b(1)") + "</escape_regex>"))
                .variable(local(13, "string", "<glob_to_regex>" + lit("/home/*/.ssh/id_?[!a]") + "</glob_to_regex>"))
                .variable(local(14, "string", "<begin character=\"/\">" + lit("etc") + "</begin>"))
                .variable(local(15, "string", "<end character=\"/\">" + lit("/etc/") + "</end>"))
                .variable(local(16, "string", "<object_component object_ref=\"oval:t:obj:1\" item_field=\"subexpression\"/>"))
                .variable(local(17, "string", "<concat>" + var(1) + lit("!") + "</concat>"))
                .variable(local(18, "int", "<time_difference>" + lit("1") + "</time_difference>"))
                .read(dir);
        Run run = new Run(d, OvalTarget.offline(root), Map.of("oval:t:var:1", List.of("x", "y")));
        assertEquals(List.of("x", "y"), values(run, 1));
        assertEquals(List.of("2", "3"), values(run, 2));
        assertEquals(List.of("a2-2", "a2-3", "a3-2", "a3-3"), values(run, 3));
        assertEquals(List.of("20", "30"), values(run, 4));
        assertEquals(List.of("4", "5", "5", "6"), values(run, 5));
        assertEquals(List.of("6"), values(run, 6));
        assertEquals(List.of("2", "3"), values(run, 7));
        assertEquals(List.of("a", "b", "", "c"), values(run, 8));
        assertEquals(List.of("2"), values(run, 9));
        assertEquals(List.of("27"), values(run, 10));
        assertEquals(List.of("077"), values(run, 11));
        assertEquals(List.of("/etc/a\\.b\\(1\\)"), values(run, 12));
        assertEquals(List.of("^/home/[^/]*/\\.ssh/id_[^/][^a]$"), values(run, 13));
        assertEquals(List.of("/etc"), values(run, 14));
        assertEquals(List.of("/etc/"), values(run, 15));
        assertEquals(List.of("UMASK", "027", "PASS_MAX_DAYS", "60"), values(run, 16));
        assertEquals(List.of("x!", "y!"), values(run, 17));
        Variables.Values unsupported = run.variables().values("oval:t:var:18");
        assertEquals(OvalOutcome.NOT_EVALUATED, unsupported.failure());
        assertEquals("time_difference (line " + line(d, 18) + "): function time_difference is not implemented",
                unsupported.error());
        Run withoutValues = new Run(d, OvalTarget.offline(root), Map.of());
        Variables.Values missing = withoutValues.variables().values("oval:t:var:17");
        assertEquals(OvalOutcome.ERROR, missing.failure());
        assertEquals("external variable oval:t:var:1 has no value (no XCCDF value is exported to it)", missing.error());
    }

    private static int line(OvalDefinitions d, int n) {
        return d.variables().get("oval:t:var:" + n).children().get(0).line();
    }

    private static List<String> values(Run run, int n) {
        Variables.Values v = run.variables().values("oval:t:var:" + n);
        assertNull(v.error(), () -> "oval:t:var:" + n + ": " + v.error());
        return v.values();
    }
}
