package org.bulwark.scap.oval.internal;

import static org.bulwark.scap.oval.OvalOutcome.ERROR;
import static org.bulwark.scap.oval.OvalOutcome.FALSE;
import static org.bulwark.scap.oval.OvalOutcome.NOT_EVALUATED;
import static org.bulwark.scap.oval.OvalOutcome.TRUE;
import static org.bulwark.scap.oval.OvalOutcome.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.bulwark.scap.OvalDefinitions;
import org.bulwark.scap.OvalElement;
import org.bulwark.scap.oval.OvalOutcome;
import org.bulwark.scap.oval.OvalResult;
import org.bulwark.scap.oval.OvalTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Criteria, negation, extended definitions and the results no target fact can make true: tests 1 (true), 2
 * (false), 3 (unknown), 4 (not evaluated: rpminfo), 5 (error: bad regex).
 */
class CriteriaTest {

    @TempDir
    Path dir;
    @TempDir
    Path root;

    private Oval leaves() {
        return new Oval()
                .test("<ind:family_test id=\"oval:t:tst:1\" version=\"1\" check=\"all\"><ind:object object_ref=\"oval:t:obj:1\"/>"
                        + "<ind:state state_ref=\"oval:t:ste:1\"/></ind:family_test>")
                .test("<ind:family_test id=\"oval:t:tst:2\" version=\"1\" check=\"all\"><ind:object object_ref=\"oval:t:obj:1\"/>"
                        + "<ind:state state_ref=\"oval:t:ste:2\"/></ind:family_test>")
                .test("<unknown_test id=\"oval:t:tst:3\" version=\"1\" check=\"all\"/>")
                .test("<linux:rpminfo_test id=\"oval:t:tst:4\" version=\"1\" check=\"all\"><linux:object object_ref=\"oval:t:obj:4\"/></linux:rpminfo_test>")
                .test("<ind:textfilecontent54_test id=\"oval:t:tst:5\" version=\"1\" check=\"all\"><ind:object object_ref=\"oval:t:obj:5\"/></ind:textfilecontent54_test>")
                .object("<ind:family_object id=\"oval:t:obj:1\" version=\"1\"/>")
                .object("<linux:rpminfo_object id=\"oval:t:obj:4\" version=\"1\"><linux:name>openssh</linux:name></linux:rpminfo_object>")
                .object("<ind:textfilecontent54_object id=\"oval:t:obj:5\" version=\"1\"><ind:filepath>/etc/x</ind:filepath>"
                        + "<ind:pattern operation=\"pattern match\">^(unclosed</ind:pattern>"
                        + "<ind:instance datatype=\"int\">1</ind:instance></ind:textfilecontent54_object>")
                .state("<ind:family_state id=\"oval:t:ste:1\" version=\"1\"><ind:family>unix</ind:family></ind:family_state>")
                .state("<ind:family_state id=\"oval:t:ste:2\" version=\"1\"><ind:family>windows</ind:family></ind:family_state>");
    }

    private OvalOutcome criteria(String operator, String children) {
        OvalDefinitions d = leaves().definition(1, operator, children).read(dir);
        return Oval.eval(d, 1, root).outcome();
    }

    private static String c(int test) {
        return Oval.criterion(test);
    }

    private static String not(int test) {
        return "<criterion negate=\"true\" test_ref=\"oval:t:tst:" + test + "\"/>";
    }

    @Test
    void leavesGiveTheirOwnResult() {
        Oval doc = leaves().definition(1, 1).definition(2, 2).definition(3, 3).definition(4, 4).definition(5, 5);
        OvalDefinitions d = doc.read(dir);
        assertEquals(TRUE, Oval.eval(d, 1, root).outcome());
        assertEquals(FALSE, Oval.eval(d, 2, root).outcome());
        OvalResult unknown = Oval.eval(d, 3, root);
        assertEquals(UNKNOWN, unknown.outcome());
        assertEquals("unknown_test oval:t:tst:3: the content declares this test's result unknown", unknown.message());
        OvalResult notEvaluated = Oval.eval(d, 4, root);
        assertEquals(NOT_EVALUATED, notEvaluated.outcome());
        assertEquals("rpminfo_test oval:t:tst:4: test type rpminfo_test (linux) is not implemented",
                notEvaluated.message());
        OvalResult error = Oval.eval(d, 5, root);
        assertEquals(ERROR, error.outcome());
        assertEquals("textfilecontent54_test oval:t:tst:5: pattern (line " + Oval.line(doc.xml(), "^(unclosed")
                + "): invalid regular expression \"^(unclosed\":"
                + " Unclosed group", error.message());
    }

    @Test
    void operatorsCombineByTheOvalTables() {
        assertEquals(TRUE, criteria("AND", c(1) + c(1)));
        assertEquals(FALSE, criteria("AND", c(1) + c(2) + c(5)));
        assertEquals(ERROR, criteria("AND", c(1) + c(5) + c(3)));
        assertEquals(UNKNOWN, criteria("AND", c(1) + c(3) + c(4)));
        assertEquals(NOT_EVALUATED, criteria("AND", c(1) + c(4)));
        assertEquals(TRUE, criteria("OR", c(2) + c(5) + c(1)));
        assertEquals(FALSE, criteria("OR", c(2) + c(2)));
        assertEquals(ERROR, criteria("OR", c(2) + c(5)));
        assertEquals(TRUE, criteria("ONE", c(1) + c(2)));
        assertEquals(FALSE, criteria("ONE", c(1) + c(1)));
        assertEquals(TRUE, criteria("XOR", c(1) + c(1) + c(1)));
        assertEquals(FALSE, criteria("XOR", c(1) + c(1)));
        assertEquals(UNKNOWN, criteria("XOR", c(1) + c(3)));
    }

    @Test
    void negateSwapsOnlyTrueAndFalse() {
        assertEquals(FALSE, criteria("AND", not(1)));
        assertEquals(TRUE, criteria("AND", not(2)));
        assertEquals(UNKNOWN, criteria("AND", not(3)));
        assertEquals(NOT_EVALUATED, criteria("AND", not(4)));
        assertEquals(ERROR, criteria("AND", not(5)));
        assertEquals(TRUE, criteria("OR", "<criteria negate=\"true\" operator=\"AND\">" + c(1) + c(2) + "</criteria>"));
    }

    @Test
    void extendDefinitionUsesTheOtherDefinitionsResult() {
        OvalDefinitions d = leaves().definition(1, 1).definition(2, 2)
                .definition(3, "AND", "<extend_definition definition_ref=\"oval:t:def:1\"/>"
                        + "<extend_definition negate=\"true\" definition_ref=\"oval:t:def:2\"/>")
                .definition(4, "OR", "<extend_definition definition_ref=\"oval:t:def:2\"/>" + c(2))
                .read(dir);
        OvalResult r = Oval.eval(d, 3, root);
        assertEquals(TRUE, r.outcome());
        assertEquals(List.of("oval:t:tst:1", "oval:t:tst:2"), r.tests().stream().map(t -> t.testId()).toList());
        assertEquals(FALSE, Oval.eval(d, 4, root).outcome());
    }

    @Test
    void anUnknownDefinitionIsAnError() {
        OvalResult r = Oval.eval(leaves().definition(1, 1).read(dir), 9, root);
        assertEquals(ERROR, r.outcome());
        assertEquals("unknown definition oval:t:def:9", r.message());
    }

    /**
     * The reader refuses reference cycles, so an evaluator only meets one in a document built by hand: a
     * definition extending itself, and a variable computed from itself, are errors naming the chain.
     */
    @Test
    void recursionIsAnErrorNamingTheChain() {
        String ns = Run.DEFINITIONS_NS;
        OvalElement ext = new OvalElement("extend_definition", ns, 3, 1, Map.of("definition_ref", "oval:t:def:2"), "", List.of());
        OvalElement def1 = definition("oval:t:def:1", "oval:t:def:2");
        OvalElement def2 = definition("oval:t:def:2", "oval:t:def:1");
        OvalElement varComponent = new OvalElement("variable_component", ns, 5, 1, Map.of("var_ref", "oval:t:var:2"), "", List.of());
        OvalElement var1 = new OvalElement("local_variable", ns, 4, 1, Map.of("id", "oval:t:var:1", "datatype", "string"), "",
                List.of(varComponent));
        OvalElement var2 = new OvalElement("local_variable", ns, 6, 1, Map.of("id", "oval:t:var:2", "datatype", "string"), "",
                List.of(new OvalElement("variable_component", ns, 7, 1, Map.of("var_ref", "oval:t:var:1"), "", List.of())));
        OvalDefinitions d = new OvalDefinitions("hand", "5.11", Map.of("oval:t:def:1", def1, "oval:t:def:2", def2),
                Map.of(), Map.of(), Map.of(), Map.of("oval:t:var:1", var1, "oval:t:var:2", var2));
        OvalResult r = Oval.evaluator().evaluate(d, "oval:t:def:1", OvalTarget.offline(root), Map.of());
        assertEquals(ERROR, r.outcome());
        assertEquals("recursive extend_definition: oval:t:def:1 -> oval:t:def:2 -> oval:t:def:1", r.message());
        Run run = new Run(d, OvalTarget.offline(root), Map.of());
        Variables.Values v = run.variables().values("oval:t:var:1");
        assertEquals(ERROR, v.failure());
        assertEquals("recursive variable: oval:t:var:1 -> oval:t:var:2 -> oval:t:var:1", v.error());
        assertEquals(ext.name(), "extend_definition");
    }

    private static OvalElement definition(String id, String extended) {
        String ns = Run.DEFINITIONS_NS;
        OvalElement ext = new OvalElement("extend_definition", ns, 3, 1, Map.of("definition_ref", extended), "", List.of());
        OvalElement criteria = new OvalElement("criteria", ns, 2, 1, Map.of(), "", List.of(ext));
        return new OvalElement("definition", ns, 1, 1, Map.of("id", id), "", List.of(criteria));
    }
}
