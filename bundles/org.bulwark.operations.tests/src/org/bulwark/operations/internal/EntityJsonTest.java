package org.bulwark.operations.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bulwark.benchmark.api.RemediationType;
import org.bulwark.collector.api.Category;
import org.bulwark.operations.api.EntityCsv;
import org.bulwark.operations.api.RecommendationRow;
import org.bulwark.report.api.ReportWriter;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.ControlException.Scope;
import org.bulwark.scoring.api.Coverage;
import org.bulwark.scoring.api.Device;
import org.bulwark.scoring.api.Justification;
import org.bulwark.scoring.api.Points;
import org.bulwark.scoring.api.Recommendation;
import org.bulwark.scoring.api.ResultState;
import org.bulwark.store.api.AssessmentDiff;
import org.bulwark.store.api.AssessmentSummary;
import org.bulwark.store.api.Remediation;
import org.bulwark.store.api.StoredException;
import org.bulwark.testing.Services;
import org.junit.jupiter.api.Test;

/** The one JSON and CSV vocabulary of stored entities, field by field. */
class EntityJsonTest {

    private static final Instant T = Instant.parse("2026-11-20T12:00:00Z");
    private final EntityJsonComponent json = new EntityJsonComponent();

    private static final StoredException EXCEPTION = new StoredException(new ControlException("e1", "c4",
            Scope.DEVICE, "d1", Justification.ALTERNATE_MITIGATION, "alice", T, Instant.parse("2027-01-01T00:00:00Z"),
            "behind the firewall"), null, null, T.plusSeconds(60), "bob");

    private static final Remediation ACTIVITY = new Remediation(3, "Fix c1", "c1", Category.OPERATING_SYSTEM,
            Remediation.Scope.DEVICES, List.of("d1", "d2"), null, Remediation.Priority.HIGH, null, "soon", "alice", T,
            Remediation.Status.COMPLETED, Remediation.Completion.SYSTEM_CONFIRMATION, T.plusSeconds(5), 2, 2);

    @Test
    void anExceptionHasTheOpenApiFieldsAndItsStatus() {
        assertEquals("{\"id\":\"e1\",\"controlId\":\"c4\",\"scope\":\"DEVICE\",\"target\":\"d1\","
                + "\"justification\":\"ALTERNATE_MITIGATION\",\"author\":\"alice\",\"created\":\"2026-11-20T12:00:00Z\","
                + "\"expires\":\"2027-01-01T00:00:00Z\",\"notes\":\"behind the firewall\",\"status\":\"ACTIVE\","
                + "\"cancelled\":null,\"cancelledBy\":null,\"updated\":\"2026-11-20T12:01:00Z\",\"updatedBy\":\"bob\"}",
                json.write(json.exception(EXCEPTION, T.plusSeconds(90)), false));
        assertEquals("EXPIRED", json.exception(EXCEPTION, Instant.parse("2027-01-01T00:00:00Z")).get("status"));
    }

    @Test
    void anActivityHasTheOpenApiFieldsAndAttentionRequired() {
        assertEquals("{\"id\":3,\"title\":\"Fix c1\",\"controlId\":\"c1\",\"category\":\"OPERATING_SYSTEM\","
                + "\"scope\":\"DEVICES\",\"devices\":[\"d1\",\"d2\"],\"group\":null,\"priority\":\"HIGH\",\"due\":null,"
                + "\"attentionRequired\":true,\"notes\":\"soon\",\"requester\":\"alice\","
                + "\"created\":\"2026-11-20T12:00:00Z\",\"status\":\"COMPLETED\",\"completion\":\"SYSTEM_CONFIRMATION\","
                + "\"completed\":\"2026-11-20T12:00:05Z\",\"targetDevices\":2,\"fixedDevices\":2,\"cancelled\":null,"
                + "\"cancelledBy\":null,\"updated\":null,\"updatedBy\":null}", json.write(json.remediation(ACTIVITY), false));
    }

    @Test
    void aDeviceASummaryAndADiff() {
        Device d = new Device("m1", "web1", "Debian 12", Set.of("web", "prod"));
        assertEquals("{\"id\":\"m1\",\"hostname\":\"web1\",\"os\":\"Debian 12\",\"groups\":[\"prod\",\"web\"]}",
                json.write(json.device(d), false));
        assertEquals("{\"id\":\"m1\",\"hostname\":\"web1\",\"os\":\"Debian 12\",\"osPlatform\":\"Linux\","
                + "\"groups\":[\"prod\",\"web\"]}", json.write(json.device(d, "linux", "12"), false));
        assertEquals("WindowsServer2022", json.osPlatform("windows", "server-2022"));
        assertEquals("Unknown", json.osPlatform("unknown", ""));
        AssessmentSummary a = new AssessmentSummary(1, d, T, T.plusSeconds(3), List.of("worked-example 1"),
                new Points(5, 27), Map.of(Category.NETWORK, new Points(5, 5)), new Coverage(5, 1, 3, 1, 0, 0, 1, 0),
                false);
        AssessmentSummary b = new AssessmentSummary(2, d, T, T.plusSeconds(9), List.of("worked-example 1"),
                new Points(0, 0), Map.of(), new Coverage(0, 0, 0, 0, 0, 0, 0, 0), true);
        String none = "{\"score\":null,\"rawPoints\":0.0,\"maxPoints\":0.0}";
        assertEquals("{\"id\":1,\"device\":{\"id\":\"m1\",\"hostname\":\"web1\",\"os\":\"Debian 12\",\"groups\":"
                + "[\"prod\",\"web\"]},\"started\":\"2026-11-20T12:00:00Z\",\"finished\":\"2026-11-20T12:00:03Z\","
                + "\"score\":18.51851851851852,\"rawPoints\":5.0,\"maxPoints\":27.0,\"categories\":{\"APPLICATION\":"
                + none + ",\"OPERATING_SYSTEM\":" + none + ",\"NETWORK\":{\"score\":100.0,\"rawPoints\":5.0,"
                + "\"maxPoints\":5.0},\"ACCOUNTS\":" + none + ",\"SECURITY_CONTROLS\":" + none + "},\"coverage\":"
                + "{\"counted\":5,\"passed\":1,\"failed\":3,\"errors\":1,\"unknown\":0,\"notChecked\":0,"
                + "\"notApplicable\":1,\"informational\":0},\"content\":[\"worked-example 1\"],\"complete\":false,\"exposureScore\":null}",
                json.write(json.summary(a), false));
        AssessmentDiff diff = new AssessmentDiff(a, b, List.of(new AssessmentDiff.Change(
                AssessmentDiff.Kind.EXCEPTION_CREATED, "c4", "Control c4", ResultState.FAIL, ResultState.FAIL, "e1", 8,
                -0.0)));
        Map<String, Object> tree = json.diff(diff);
        assertEquals(null, tree.get("scoreDelta"));
        assertEquals(-5.0, tree.get("earnedDelta"));
        assertEquals(-27.0, tree.get("possibleDelta"));
        assertEquals("[{\"kind\":\"EXCEPTION_CREATED\",\"controlId\":\"c4\",\"title\":\"Control c4\",\"before\":"
                + "\"FAIL\",\"after\":\"FAIL\",\"exceptionId\":\"e1\",\"earnedDelta\":8.0,\"possibleDelta\":0.0}]",
                json.write(tree.get("changes"), false));
    }

    @Test
    void aRecommendationRowHasTheServersFields() {
        RecommendationRow row = new RecommendationRow("c1", "Control c1", Category.NETWORK, 10, 12.5,
                List.of("d1", "d2"), 1, Recommendation.Status.PARTIAL_EXCEPTION, RemediationType.SOFTWARE_UPDATE,
                "update it", "checks c1");
        assertEquals("{\"id\":\"c1\",\"title\":\"Control c1\",\"category\":\"NETWORK\",\"weight\":10,\"impact\":12.5,"
                + "\"exposedMachines\":2,\"exceptedMachines\":1,\"status\":\"PARTIAL_EXCEPTION\","
                + "\"remediationType\":\"SOFTWARE_UPDATE\",\"remediation\":\"update it\",\"description\":\"checks c1\"}",
                json.write(json.recommendation(row), false));
    }

    @Test
    void indentedOutputIsForPeople() {
        assertEquals("{\n  \"a\" : [ 1, null ]\n}", json.write(Map.of("a", Arrays.asList(1, null)), true)
                .replace("\r\n", "\n"));
    }

    @Test
    void csvRowsKeepTheColumnsOfTheExports() throws Exception {
        EntityCsv csv = new EntityCsvComponent(Services.await(ReportWriter.class));
        assertEquals(Remediation.CSV_COLUMNS, EntityCsv.ACTIVITY_COLUMNS);
        assertEquals(ACTIVITY.csvRow(), csv.activityRow(ACTIVITY));
        Remediation group = new Remediation(4, "=1+1", "c2", null, Remediation.Scope.GROUP, List.of(), "web",
                Remediation.Priority.LOW, LocalDate.parse("2027-01-15"), null, "bob", T, Remediation.Status.CANCELLED,
                null, null, 3, 0, T.plusSeconds(1), "dave", T.plusSeconds(2), "carol");
        assertEquals(Arrays.asList("4", "=1+1", "c2", null, "group", "web", "low", "2027-01-15", "cancelled", null,
                null, "3", "0", "bob", "2026-11-20T12:00:00Z", null, "2026-11-20T12:00:02Z", "carol",
                "2026-11-20T12:00:01Z", "dave"), csv.activityRow(group));
        assertEquals(group.csvRow(), csv.activityRow(group));
        assertEquals(Arrays.asList("e1", "c4", "device", "d1", "alternate-mitigation", "alice", "2026-11-20T12:00:00Z",
                "2027-01-01T00:00:00Z", "active", "behind the firewall", "2026-11-20T12:01:00Z", "bob", null, null),
                csv.exceptionRow(EXCEPTION, T.plusSeconds(90)));
        assertEquals("id,control_id,scope,target,justification,author,created,expires,status,notes,updated,"
                + "updated_by,cancelled,cancelled_by\r\ne1,c4,device,d1,alternate-mitigation,alice,2026-11-20T12:00:00Z,"
                + "2027-01-01T00:00:00Z,active,behind the firewall,2026-11-20T12:01:00Z,bob,,\r\n",
                new String(csv.exceptions(List.of(EXCEPTION), T.plusSeconds(90)), StandardCharsets.UTF_8));
        assertEquals("id,title,control_id,category,scope,targets,priority,due,status,completion,completed,"
                + "target_devices,fixed_devices,requester,created,notes,updated,updated_by,cancelled,cancelled_by\r\n"
                + "4,'=1+1,c2,,group,web,low,2027-01-15,cancelled,,,3,0,bob,2026-11-20T12:00:00Z,,2026-11-20T12:00:02Z,"
                + "carol,2026-11-20T12:00:01Z,dave\r\n",
                new String(csv.activities(List.of(group)), StandardCharsets.UTF_8));
    }
}
