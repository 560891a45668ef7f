package org.bulwark.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.bulwark.collector.api.inventory.SoftwareInventory;
import org.bulwark.report.api.ReportException;
import org.bulwark.report.api.ReportFormat;
import org.bulwark.report.api.ReportedUpload;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The {@code software} section of reports and uploads: written whole, read back, checked as strictly as the rest. */
class SoftwareSectionTest {

    private final JsonReportReader reader = new JsonReportReader();

    private ReportedUpload upload(String text) throws ReportException {
        return reader.readUpload("up.json", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void reportAndUploadCarryTheInventoriesBack() throws Exception {
        String report = Render.render(Fixtures.assessment(), ReportFormat.JSON);
        String upload = Render.render(Fixtures.assessment(), ReportFormat.UPLOAD);
        assertEquals(Fixtures.SOFTWARE, upload(upload).software());
        assertEquals(Fixtures.SOFTWARE, upload(report).software(), "a report read as an upload keeps them too");
        assertEquals(Fixtures.assessment().platform(), upload(upload).platform(), "and the platform they were read on");
        assertEquals(Fixtures.assessment().platform(), upload(report).platform());
        JsonNode dpkg = new ObjectMapper().readTree(report).get("software").get(0);
        assertEquals("{\"origin\":\"dpkg\",\"state\":\"READ\",\"reason\":\"\",\"items\":[{\"name\":\"bsdutils\","
                + "\"architecture\":\"amd64\",\"version\":\"1:2.38.1-5+deb12u3\",\"sourceName\":\"util-linux\","
                + "\"sourceVersion\":\"2.38.1-5+deb12u3\",\"status\":\"installed\",\"vendor\":\"\"},{\"name\":\"libc6\","
                + "\"architecture\":\"i386\",\"version\":\"2.36-9+deb12u13\",\"sourceName\":\"glibc\","
                + "\"sourceVersion\":\"2.36-9+deb12u13\",\"status\":\"unpacked\",\"vendor\":\"\"}],\"problems\":"
                + "[\"/var/lib/dpkg/status:25: malformed Status of broken: 'install ok'\"]}", dpkg.toString());
        assertEquals(Set.of(), JsonReportTest.validate(new ObjectMapper().readTree(report)));
    }

    @Test
    void documentsWithoutSoftwareHaveNone() throws Exception {
        String old = Render.render(Fixtures.nothingCounted(), ReportFormat.UPLOAD).replace("\"software\":[],", "");
        assertEquals(List.of(), upload(old).software());
        assertEquals(null, upload(old).platform(), "a target of unknown platform");
    }

    /** An upload whose software section is {@code software}. */
    private static String with(String software) {
        return "{\"upload\": 1,\n\"device\": {\"id\": \"d-9\", \"hostname\": \"db-01\", \"os\": \"Debian\"},\n"
                + "\"finished\": \"2026-11-20T10:00:00Z\",\n\"software\": [" + software + "],\n\"results\": []}";
    }

    private static String inv(String state, String items) {
        return "{\"origin\": \"dpkg\", \"state\": \"" + state + "\", \"reason\": \"\", \"items\": [" + items
                + "], \"problems\": []}";
    }

    private static final String BASH = "{\"name\": \"bash\", \"architecture\": \"amd64\", \"version\": \"5.2.15-2+b7\","
            + " \"sourceName\": \"bash\", \"sourceVersion\": \"5.2.15-2\", \"status\": \"installed\", \"vendor\": \"\"}";

    @Test
    void badSoftwareIsRefusedNamingTheField() {
        assertEquals("up.json:4:231: software[0].items[1]: package bash:amd64 appears twice",
                assertThrows(ReportException.class, () -> upload(with(inv("READ", BASH + ", " + BASH))))
                        .getMessage());
        assertEquals("software[0].items", assertThrows(ReportException.class,
                () -> upload(with(inv("UNAVAILABLE", BASH)))).field());
        assertEquals("software[1].origin", assertThrows(ReportException.class,
                () -> upload(with(inv("READ", "") + ", " + inv("READ", "")))).field());
        assertEquals("software[0].state", assertThrows(ReportException.class,
                () -> upload(with(inv("MAYBE", "")))).field());
        assertEquals("software[0].items[0].sourceVersion", assertThrows(ReportException.class,
                () -> upload(with(inv("READ", BASH.replace(", \"sourceVersion\": \"5.2.15-2\"", ""))))).field());
        assertEquals("software[0].items[0].version", assertThrows(ReportException.class,
                () -> upload(with(inv("READ", BASH.replace("\"5.2.15-2+b7\"", "5"))))).field());
        assertEquals("software[0].items[0].license", assertThrows(ReportException.class,
                () -> upload(with(inv("READ", BASH.replace("\"vendor\"", "\"license\""))))).field());
        assertEquals("software[0].items[0].name", assertThrows(ReportException.class,
                () -> upload(with(inv("READ", BASH.replace("\"bash\",", "\"\","))))).field());
    }

    @Test
    void notReadInventoriesRoundTrip() throws Exception {
        assertEquals(List.of(SoftwareInventory.unreadable("dpkg", "")), upload(with(inv("UNREADABLE", ""))).software());
    }
}
