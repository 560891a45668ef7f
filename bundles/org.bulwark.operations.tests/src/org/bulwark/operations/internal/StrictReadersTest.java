package org.bulwark.operations.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.bulwark.operations.api.ActivityDraft;
import org.bulwark.operations.api.ExceptionDraft;
import org.bulwark.operations.api.OperationException;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.ControlException.Scope;
import org.bulwark.scoring.api.Justification;
import org.bulwark.store.api.Remediation;
import org.bulwark.store.api.StoredException;
import org.junit.jupiter.api.Test;

/** The strict readers: what they take, and each refusal with its exact message, code and field. */
class StrictReadersTest {

    private final EntityJsonComponent json = new EntityJsonComponent();

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private interface Read {
        Object read() throws OperationException;
    }

    private static void refused(String code, String field, String message, Read read) {
        OperationException e = assertThrows(OperationException.class, read::read);
        assertEquals(OperationException.Kind.INVALID_INPUT, e.kind());
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        assertEquals(message, e.getMessage());
    }

    @Test
    void anExceptionDraftIsReadWithEnumerationsInAnyCase() throws Exception {
        assertEquals(new ExceptionDraft("e1", "c4", Scope.DEVICE, "d1", Justification.RISK_ACCEPTED,
                Instant.parse("2027-01-01T00:00:00Z"), "n"), json.readExceptionDraft(null, b("""
                        {"id": "e1", "controlId": "c4", "scope": "device", "target": "d1",
                         "justification": "risk-accepted", "expires": "2027-01-01T00:00:00Z", "notes": "n"}""")));
        assertEquals(new ExceptionDraft(null, "c4", Scope.GLOBAL, null, Justification.THIRD_PARTY_CONTROL, null,
                null), json.readExceptionDraft(null, b("""
                        {"controlId": "c4", "scope": "GLOBAL", "justification": "THIRD_PARTY_CONTROL"}""")));
    }

    @Test
    void everyMalformedBodyIsRefusedNamingTheField() {
        refused("invalid_input", "scopes", "body: scopes: unknown field (allowed: id, controlId, scope, target, "
                + "justification, expires, notes)", () -> json.readExceptionDraft("body", b("""
                        {"controlId": "c4", "scopes": "device"}""")));
        refused("invalid_json", "notes", "body: invalid JSON at line 1, column 23: Duplicate field 'notes'",
                () -> json.readExceptionUpdate("body", b("{\"notes\": \"a\", \"notes\": \"b\"}")));
        refused("invalid_json", null, "invalid JSON at line 1, column 16: anything after the document is refused",
                () -> json.readExceptionUpdate(null, b("{\"notes\": \"a\"} {}")));
        refused("invalid_json", null, "a JSON document is required", () -> json.readExceptionUpdate(null, b("  ")));
        refused("invalid_json", null, "invalid JSON at line 1, column 12: Unexpected end-of-input: expected close "
                + "marker for Object (start marker at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION`"
                + " disabled); line: 1, column: 1])", () -> json.readExceptionUpdate(null, b("{\"notes\": 1")));
        refused("invalid_input", null, "must be a JSON object with any of expires, notes, justification",
                () -> json.readExceptionUpdate(null, b("[]")));
        refused("invalid_input", "controlId", "controlId: required", () -> json.readExceptionDraft(null, b("""
                {"scope": "global", "justification": "risk-accepted"}""")));
        refused("invalid_input", "controlId", "controlId: must be a non-empty string",
                () -> json.readExceptionDraft(null, b("{\"controlId\": 4}")));
        refused("invalid_input", "scope", "scope: unknown value 'world' (expected one of device, group, global)",
                () -> json.readExceptionDraft(null, b("{\"controlId\": \"c\", \"scope\": \"world\"}")));
        refused("invalid_input", "expires", "expires: 'soon' is not an ISO-8601 instant like 2026-11-20T12:00:00Z",
                () -> json.readExceptionUpdate(null, b("{\"expires\": \"soon\"}")));
        refused("invalid_input", "notes", "notes: at most 4000 characters, not 4001",
                () -> json.readExceptionUpdate(null, b("{\"notes\": \"" + "n".repeat(4001) + "\"}")));
        refused("invalid_input", "notes", "notes: must be a string or null",
                () -> json.readExceptionUpdate(null, b("{\"notes\": 7}")));
        refused("invalid_input", "id", "id: at most 64 characters, not 65", () -> json.readExceptionDraft(null,
                b("{\"id\": \"" + "x".repeat(65) + "\"}")));
        refused("invalid_input", "due", "due: '2026-13-01' is not a date like 2026-12-01",
                () -> json.readActivityUpdate(null, b("{\"due\": \"2026-13-01\"}")));
        refused("invalid_input", "devices", "devices: must be an array of strings", () -> json.readActivityRequest(
                null, b("{\"title\": \"t\", \"controlId\": \"c\", \"scope\": \"devices\", \"devices\": \"d1\"}")));
        refused("invalid_input", "devices[1]", "devices[1]: must be a non-empty string", () -> json
                .readActivityRequest(null, b("{\"title\": \"t\", \"controlId\": \"c\", \"scope\": \"devices\", "
                        + "\"devices\": [\"d1\", 2]}")));
        refused("invalid_input", "title", "title: at most 200 characters, not 201", () -> json.readActivityUpdate(
                null, b("{\"title\": \"" + "t".repeat(201) + "\"}")));
        refused("invalid_input", "priority", "priority: unknown value 'urgent' (expected one of high, medium, low)",
                () -> json.readActivityUpdate(null, b("{\"priority\": \"urgent\"}")));
        refused("invalid_input", "status", "status: unknown field (allowed: title, priority, due, notes)",
                () -> json.readActivityUpdate(null, b("{\"status\": \"done\"}")));
    }

    @Test
    void updatesTellNullFromAbsent() throws Exception {
        assertEquals(new StoredException.Update(null, true, "", null),
                json.readExceptionUpdate(null, b("{\"expires\": null, \"notes\": null}")));
        assertEquals(new StoredException.Update(Instant.parse("2027-03-01T00:00:00Z"), false, "", 
                Justification.PLANNED_REMEDIATION), json.readExceptionUpdate(null, b("""
                        {"expires": "2027-03-01T00:00:00Z", "notes": "", "justification": "planned remediation"}""")));
        assertEquals(new Remediation.Update(null, null, null, "", true),
                json.readActivityUpdate(null, b("{\"due\": null, \"notes\": null}")));
        assertEquals(new Remediation.Update("t", Remediation.Priority.LOW, LocalDate.parse("2027-01-15"), null, false),
                json.readActivityUpdate(null, b("{\"title\": \"t\", \"priority\": \"low\", \"due\": \"2027-01-15\"}")));
    }

    @Test
    void anActivityRequestIsRead() throws Exception {
        assertEquals(new ActivityDraft("Fix", "c1", Remediation.Scope.DEVICES, List.of("d1", "d2"), null, null,
                LocalDate.parse("2027-01-15"), "soon"), json.readActivityRequest(null, b("""
                        {"title": "Fix", "controlId": "c1", "scope": "devices", "devices": ["d1", "d2"],
                         "due": "2027-01-15", "notes": "soon"}""")));
        assertEquals(new ActivityDraft("Fix", "c1", Remediation.Scope.GROUP, List.of(), "web",
                Remediation.Priority.HIGH, null, null), json.readActivityRequest(null, b("""
                        {"title": "Fix", "controlId": "c1", "scope": "group", "group": "web", "priority": "HIGH"}""")));
    }

    @Test
    void anExceptionsFileTakesControlIdAndItsAliasControl() throws Exception {
        assertEquals(List.of(new ControlException("e1", "c4", Scope.DEVICE, "d2", Justification.ALTERNATE_MITIGATION,
                "alice", Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2099-01-01T00:00:00Z"), null),
                new ControlException("e2", "c5", Scope.GLOBAL, null, Justification.RISK_ACCEPTED, "bob",
                        Instant.parse("2026-01-01T00:00:00Z"), null, "n")),
                json.readExceptionsFile("ex.json", b("""
                        [{"id": "e1", "control": "c4", "scope": "device", "target": "d2",
                          "justification": "alternate-mitigation", "author": "alice",
                          "created": "2026-01-01T00:00:00Z", "expires": "2099-01-01T00:00:00Z"},
                         {"id": "e2", "controlId": "c5", "scope": "global", "justification": "risk-accepted",
                          "author": "bob", "created": "2026-01-01T00:00:00Z", "notes": "n"}]""")));
        String one = "\"scope\": \"global\", \"justification\": \"risk-accepted\", \"author\": \"a\", "
                + "\"created\": \"2026-01-01T00:00:00Z\"";
        refused("invalid_input", "[0].control", "ex.json: [0].control: give controlId or its alias control, not both",
                () -> json.readExceptionsFile("ex.json", b("[{\"id\": \"e\", \"control\": \"c\", \"controlId\": "
                        + "\"c\", " + one + "}]")));
        refused("invalid_input", "[1].id", "ex.json: [1].id: duplicate exception id 'e'",
                () -> json.readExceptionsFile("ex.json", b("[{\"id\": \"e\", \"control\": \"c\", " + one
                        + "}, {\"id\": \"e\", \"control\": \"c\", " + one + "}]")));
        refused("invalid_input", "[0].expires", "ex.json: [0].expires: must be after 'created'",
                () -> json.readExceptionsFile("ex.json", b("[{\"id\": \"e\", \"control\": \"c\", " + one
                        + ", \"expires\": \"2025-01-01T00:00:00Z\"}]")));
        refused("invalid_input", "[0].target", "ex.json: [0].target: required", () -> json.readExceptionsFile(
                "ex.json", b("[{\"id\": \"e\", \"control\": \"c\", \"scope\": \"group\", \"justification\": "
                        + "\"risk-accepted\", \"author\": \"a\", \"created\": \"2026-01-01T00:00:00Z\"}]")));
        refused("invalid_input", "[0].reason", "ex.json: [0].reason: unknown field (allowed: id, controlId, scope, "
                + "target, justification, author, created, expires, notes)", () -> json.readExceptionsFile("ex.json",
                        b("[{\"reason\": \"x\"}]")));
        refused("invalid_input", null, "ex.json: must be a JSON array of exceptions",
                () -> json.readExceptionsFile("ex.json", b("{}")));
    }
}
