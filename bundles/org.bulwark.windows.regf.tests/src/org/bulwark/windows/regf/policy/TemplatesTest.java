package org.bulwark.windows.regf.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

class TemplatesTest {
    static final String INF = "[Unicode]\r\nUnicode=yes\r\n; a comment\r\n[System Access]\r\n"
        + "MinimumPasswordLength = 14\r\nPasswordComplexity = 1\r\nLockoutBadCount = 5\r\n"
        + "[Privilege Rights]\r\nSeDebugPrivilege = *S-1-5-32-544\r\n[Version]\r\nsignature=\"$CHICAGO$\"\r\n"
        + "Revision=1\r\n";

    static byte[] utf16(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xFE);
        out.writeBytes(s.getBytes(StandardCharsets.UTF_16LE));
        return out.toByteArray();
    }

    @Test
    void utf16TemplateWithBom() throws Exception {
        SecurityTemplate t = SecurityTemplate.parse(utf16(INF), "GptTmpl.inf");
        assertEquals(List.of("Unicode", "System Access", "Privilege Rights", "Version"), t.sections());
        assertEquals(Optional.of(new SecurityTemplate.Entry("System Access", "MinimumPasswordLength", "14", 5)),
            t.get("system access", "minimumpasswordlength"));
        assertEquals("*S-1-5-32-544", t.get("Privilege Rights", "SeDebugPrivilege").orElseThrow().value());
        assertEquals("\"$CHICAGO$\"", t.get("Version", "signature").orElseThrow().value());
        assertEquals(3, t.section("SYSTEM ACCESS").size());
        assertEquals(7, t.entries().size());
        assertEquals(Optional.empty(), t.get("System Access", "Nope"));
    }

    @Test
    void utf8AndLastDuplicateWins() throws Exception {
        SecurityTemplate t = SecurityTemplate.parse("[A]\nk=1\nK = 2\nflag\n".getBytes(StandardCharsets.UTF_8), "x");
        assertEquals("2", t.get("a", "k").orElseThrow().value());
        assertEquals(3, t.get("a", "k").orElseThrow().line());
        assertEquals("", t.get("A", "flag").orElseThrow().value());
    }

    @Test
    void templateErrorsNameTheLine() {
        assertEquals("x at line 2: an entry before the first section", assertThrows(PolicyFileException.class,
            () -> SecurityTemplate.parse("\nk=1\n".getBytes(StandardCharsets.UTF_8), "x")).getMessage());
        assertEquals("x at line 1: malformed section header", assertThrows(PolicyFileException.class,
            () -> SecurityTemplate.parse("[A\n".getBytes(StandardCharsets.UTF_8), "x")).getMessage());
        assertEquals("x at offset 0x1: not valid UTF-8 text", assertThrows(PolicyFileException.class,
            () -> SecurityTemplate.parse(new byte[] {'[', (byte) 0xC3, '('}, "x")).getMessage());
    }

    static final String CSV = "Machine Name,Policy Target,Subcategory,Subcategory GUID,Inclusion Setting,"
        + "Exclusion Setting,Setting Value\r\n"
        + ",System,Audit Credential Validation,{0cce923f-69ae-11d9-bed3-505054503030},Success and Failure,,3\r\n"
        + ",System,Audit Logoff,{0cce9216-69ae-11d9-bed3-505054503030},Success,,1\r\n"
        + ",,Option:CrashOnAuditFail,,Enabled,,1\r\n"
        + ",System,\"Audit \"\"Quoted\"\", Name\",{x},No Auditing,,0\r\n";

    @Test
    void auditCsvRows() throws Exception {
        List<AuditCsv.Row> rows = AuditCsv.parse(CSV.getBytes(StandardCharsets.UTF_8), "audit.csv");
        assertEquals(4, rows.size());
        assertEquals(new AuditCsv.Row("", "System", "Audit Credential Validation",
            "{0cce923f-69ae-11d9-bed3-505054503030}", "Success and Failure", "", "3", 2), rows.get(0));
        assertEquals(OptionalInt.of(3), rows.get(0).setting());
        assertEquals("Option:CrashOnAuditFail", rows.get(2).subcategory());
        assertEquals("Audit \"Quoted\", Name", rows.get(3).subcategory());
        assertEquals(List.of(), AuditCsv.parse(utf16(CSV.substring(0, CSV.indexOf('\r'))), "audit.csv"));
    }

    @Test
    void auditCsvErrors() {
        assertEquals("a at line 1: no audit.csv header (Machine Name,…)", assertThrows(PolicyFileException.class,
            () -> AuditCsv.parse("x,y\n".getBytes(StandardCharsets.UTF_8), "a")).getMessage());
        String bad = CSV.substring(0, CSV.indexOf('\n') + 1) + ",System,Audit X,{g},Success\r\n";
        assertEquals("a at line 2: 5 fields, expected 7", assertThrows(PolicyFileException.class,
            () -> AuditCsv.parse(bad.getBytes(StandardCharsets.UTF_8), "a")).getMessage());
        String open = CSV.substring(0, CSV.indexOf('\n') + 1) + ",\"System\r\n";
        assertEquals("a at line 2: an unterminated quoted field", assertThrows(PolicyFileException.class,
            () -> AuditCsv.parse(open.getBytes(StandardCharsets.UTF_8), "a")).getMessage());
    }
}
