package org.bulwark.scap.oval.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.bulwark.scap.OvalDefinitions;
import org.bulwark.scap.oval.OvalItem;
import org.bulwark.scap.oval.OvalTarget;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which items objects collect: path patterns, behaviors, var_refs, filters and sets. */
class ObjectsTest {

    @TempDir
    Path dir;
    @TempDir
    Path root;

    @BeforeEach
    void files() {
        Oval.write(root, "/etc/sysctl.d/10-a.conf", "a = 1\n");
        Oval.write(root, "/etc/sysctl.d/20-b.conf", "b = 2\n");
        Oval.write(root, "/etc/sysctl.d/README", "no\n");
        Oval.write(root, "/etc/sysctl.d/sub/30-c.conf", "c = 3\n", "rw-rw-rw-");
        Oval.write(root, "/etc/sysctl.d/.hidden.conf", "h = 4\n");
    }

    private List<String> filepaths(String... objects) {
        Oval doc = new Oval();
        for (String o : objects) {
            doc.object(o);
        }
        doc.state("<unix:file_state id=\"oval:t:ste:1\" version=\"1\"><unix:owrite datatype=\"boolean\">true</unix:owrite></unix:file_state>")
                .state("<unix:file_state id=\"oval:t:ste:2\" version=\"1\"><unix:filename operation=\"pattern match\">^2</unix:filename></unix:file_state>")
                .variable("<constant_variable id=\"oval:t:var:1\" datatype=\"string\" version=\"1\" comment=\"c\">"
                        + "<value>/etc/sysctl.d/10-a.conf</value><value>/etc/sysctl.d/missing.conf</value><value>/etc/sysctl.d/20-b.conf</value></constant_variable>");
        OvalDefinitions d = doc.read(dir);
        Run run = new Run(d, OvalTarget.offline(root), Map.of());
        Collected c = run.objects().collect("oval:t:obj:1");
        assertEquals("", c.message());
        return c.items().stream().map(i -> i.first("filepath")).toList();
    }

    private static String file(int n, String body) {
        return "<unix:file_object id=\"oval:t:obj:" + n + "\" version=\"1\">" + body + "</unix:file_object>";
    }

    @Test
    void filepathPatternsSearchBelowTheirLiteralDirectory() {
        assertEquals(List.of("/etc/sysctl.d/.hidden.conf", "/etc/sysctl.d/10-a.conf", "/etc/sysctl.d/20-b.conf",
                "/etc/sysctl.d/sub/30-c.conf"),
                filepaths(file(1, "<unix:filepath operation=\"pattern match\">^/etc/sysctl\\.d/.*\\.conf$</unix:filepath>")));
        assertEquals(List.of("/etc/sysctl.d/10-a.conf", "/etc/sysctl.d/20-b.conf"),
                filepaths(file(1, "<unix:filepath operation=\"pattern match\">^/etc/sysctl\\.d/[0-9][^/]*$</unix:filepath>")));
    }

    @Test
    void pathAndFilenameWithRecursion() {
        String name = "<unix:filename operation=\"pattern match\">\\.conf$</unix:filename>";
        assertEquals(List.of("/etc/sysctl.d/.hidden.conf", "/etc/sysctl.d/10-a.conf", "/etc/sysctl.d/20-b.conf"),
                filepaths(file(1, "<unix:path>/etc/sysctl.d</unix:path>" + name)));
        String down = "<unix:behaviors recurse=\"directories\" recurse_direction=\"down\" max_depth=\"-1\" recurse_file_system=\"local\"/>";
        assertEquals(List.of("/etc/sysctl.d/.hidden.conf", "/etc/sysctl.d/10-a.conf", "/etc/sysctl.d/20-b.conf",
                "/etc/sysctl.d/sub/30-c.conf"), filepaths(file(1, down + "<unix:path>/etc</unix:path>" + name)));
        assertEquals(List.of(), filepaths(file(1, down.replace("-1", "0") + "<unix:path>/etc</unix:path>" + name)));
    }

    @Test
    void varRefValuesSelectEachExistingFile() {
        assertEquals(List.of("/etc/sysctl.d/10-a.conf", "/etc/sysctl.d/20-b.conf"),
                filepaths(file(1, "<unix:filepath var_ref=\"oval:t:var:1\" var_check=\"at least one\"/>")));
    }

    @Test
    void filtersExcludeAndInclude() {
        String all = "<unix:filepath operation=\"pattern match\">^/etc/sysctl\\.d/.*\\.conf$</unix:filepath>";
        assertEquals(List.of("/etc/sysctl.d/sub/30-c.conf"),
                filepaths(file(1, all + "<filter action=\"include\">oval:t:ste:1</filter>")));
        assertEquals(List.of("/etc/sysctl.d/.hidden.conf", "/etc/sysctl.d/10-a.conf"),
                filepaths(file(1, all + "<filter action=\"exclude\">oval:t:ste:1</filter><filter>oval:t:ste:2</filter>")));
    }

    @Test
    void setsUniteIntersectAndComplement() {
        String a = file(2, "<unix:filepath>/etc/sysctl.d/10-a.conf</unix:filepath>");
        String ab = file(3, "<unix:filepath operation=\"pattern match\">^/etc/sysctl\\.d/[12]0-.\\.conf$</unix:filepath>");
        String ref = "<object_reference>oval:t:obj:2</object_reference><object_reference>oval:t:obj:3</object_reference>";
        assertEquals(List.of("/etc/sysctl.d/10-a.conf", "/etc/sysctl.d/20-b.conf"),
                filepaths(file(1, "<set>" + ref + "</set>"), a, ab));
        assertEquals(List.of("/etc/sysctl.d/10-a.conf"),
                filepaths(file(1, "<set set_operator=\"INTERSECTION\">" + ref + "</set>"), a, ab));
        assertEquals(List.of("/etc/sysctl.d/20-b.conf"), filepaths(file(1, "<set set_operator=\"COMPLEMENT\">"
                + "<object_reference>oval:t:obj:3</object_reference><object_reference>oval:t:obj:2</object_reference></set>"), a, ab));
        assertEquals(List.of("/etc/sysctl.d/10-a.conf"), filepaths(file(1, "<set><object_reference>oval:t:obj:3</object_reference>"
                + "<filter action=\"exclude\">oval:t:ste:2</filter></set>"), a, ab));
    }

    @Test
    void itemsAreEqualByTheirFields() {
        Map<String, List<String>> f = Map.of("filepath", List.of("/x"));
        assertEquals(new OvalItem("file_item", f), new OvalItem("file_item", Map.of("filepath", List.of("/x"))));
    }
}
