package org.bulwark.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bulwark.report.api.ReportFormat;
import org.junit.jupiter.api.Test;

class CsvReportTest {

    @Test
    void oneRowPerRecommendationExactly() throws Exception {
        String expected = "control_id,title,category,weight,score_impact,exposed_devices,status,remediation_type,"
                + "remediation,expected,actual,source\r\n"
                // quotes doubled, the comma and the line break inside one quoted cell
                + "t.ssh.root,SSH root login is disabled,Accounts,10,37.037,1,active,Configuration change,"
                + "\"Set \"\"PermitRootLogin no\"\", then reload sshd.\nSee <man sshd_config> & the CIS text.\","
                + "\"equals \"\"no\"\"\",\"\"\"yes\"\"\",/etc/ssh/sshd_config:12\r\n"
                // a formula is neutralised with a leading quote
                + "t.fw,A host firewall filters incoming traffic,Network,5,18.5185,1,active,Install software,"
                + "'=cmd|' /C calc'!A0 install nftables,\"equals \"\"drop\"\"\","
                + "nothing reported (collector linux.firewall timed out after 120 s),\r\n"
                // neutralised first, then quoted for its comma
                + "t.av,Malware protection is active,Security controls,4,14.8148,1,exception,Install software,"
                + "\"'@SUM(1+1) install clamav, then enable it\",present,absent (inactive),"
                + "command output systemctl is-active clamav-daemon\r\n";
        assertEquals(expected, Render.render(Fixtures.assessment(), ReportFormat.CSV));
    }

    @Test
    void noRecommendationsGiveTheHeaderOnly() throws Exception {
        assertEquals("control_id,title,category,weight,score_impact,exposed_devices,status,remediation_type,"
                + "remediation,expected,actual,source\r\n", Render.render(Fixtures.nothingCounted(), ReportFormat.CSV));
    }

    @Test
    void anyTableIsWrittenWithTheSameEscaping() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        new ReportService().writeCsv(java.util.List.of("id", "title"), java.util.List.of(
                java.util.List.of("1", "=cmd|' /C calc'!A0"), java.util.Arrays.asList("2", null),
                java.util.List.of("3", "a, \"b\"\nc")), out);
        assertEquals("id,title\r\n1,'=cmd|' /C calc'!A0\r\n2,\r\n3,\"a, \"\"b\"\"\nc\"\r\n",
                out.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void cellsAreEscapedAgainstFormulasThenQuoted() {
        assertEquals("'=1+2", CsvReport.cell("=1+2"));
        assertEquals("'+1", CsvReport.cell("+1"));
        assertEquals("'-1", CsvReport.cell("-1"));
        assertEquals("'@SUM(A1)", CsvReport.cell("@SUM(A1)"));
        assertEquals("'\tx", CsvReport.cell("\tx"));
        assertEquals("\"'\rx\"", CsvReport.cell("\rx"));
        assertEquals("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"", CsvReport.cell("=HYPERLINK(\"x\",\"y\")"));
        assertEquals("a=b", CsvReport.cell("a=b"));
        assertEquals("\"a,b\"", CsvReport.cell("a,b"));
        assertEquals("\"a\nb\"", CsvReport.cell("a\nb"));
        assertEquals("\"say \"\"hi\"\"\"", CsvReport.cell("say \"hi\""));
        assertEquals("", CsvReport.cell(null));
        assertEquals("plain", CsvReport.cell("plain"));
    }
}
