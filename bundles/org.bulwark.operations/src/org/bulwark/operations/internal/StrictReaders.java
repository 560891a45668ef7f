package org.bulwark.operations.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bulwark.operations.api.ActivityDraft;
import org.bulwark.operations.api.EntityJson;
import org.bulwark.operations.api.ExceptionDraft;
import org.bulwark.operations.api.ExceptionOperations;
import org.bulwark.operations.api.OperationException;
import org.bulwark.operations.api.RemediationOperations;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.Justification;
import org.bulwark.store.api.Remediation;
import org.bulwark.store.api.StoredException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The strict readers of {@code EntityJson}: request bodies and exceptions files. */
final class StrictReaders {

    private static final int NAME = ExceptionOperations.MAX_NAME;
    private static final int NOTES = ExceptionOperations.MAX_NOTES;

    private final JsonMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    ExceptionDraft exceptionDraft(String origin, byte[] json) throws OperationException {
        JsonFields f = JsonFields.of(origin, "", tree(origin, json), EntityJson.EXCEPTION_DRAFT_FIELDS);
        String notes = f.text("notes", false, NOTES);
        return new ExceptionDraft(f.text("id", false, ExceptionOperations.MAX_ID), f.text("controlId", true, NAME),
                f.enumValue("scope", ControlException.Scope.class, true), f.text("target", false, NAME),
                f.enumValue("justification", Justification.class, true), f.instant("expires", false), notes);
    }

    StoredException.Update exceptionUpdate(String origin, byte[] json) throws OperationException {
        JsonFields f = JsonFields.of(origin, "", tree(origin, json), EntityJson.EXCEPTION_UPDATE_FIELDS);
        return new StoredException.Update(f.instant("expires", false), f.isNull("expires"),
                f.clearable("notes", NOTES), f.enumValue("justification", Justification.class, false));
    }

    ActivityDraft activityRequest(String origin, byte[] json) throws OperationException {
        JsonFields f = JsonFields.of(origin, "", tree(origin, json), EntityJson.ACTIVITY_REQUEST_FIELDS);
        return new ActivityDraft(f.text("title", true, RemediationOperations.MAX_TITLE),
                f.text("controlId", true, NAME), f.enumValue("scope", Remediation.Scope.class, true),
                f.strings("devices", RemediationOperations.MAX_DEVICES, NAME), f.text("group", false, NAME),
                f.enumValue("priority", Remediation.Priority.class, false), f.date("due"),
                f.text("notes", false, NOTES));
    }

    Remediation.Update activityUpdate(String origin, byte[] json) throws OperationException {
        JsonFields f = JsonFields.of(origin, "", tree(origin, json), EntityJson.ACTIVITY_UPDATE_FIELDS);
        return new Remediation.Update(f.text("title", false, RemediationOperations.MAX_TITLE),
                f.enumValue("priority", Remediation.Priority.class, false), f.date("due"),
                f.clearable("notes", NOTES), f.isNull("due"));
    }

    List<ControlException> exceptionsFile(String origin, byte[] json) throws OperationException {
        JsonNode root = tree(origin, json);
        if (!root.isArray()) {
            throw new OperationException(OperationException.Kind.INVALID_INPUT, null,
                    (origin == null ? "" : origin + ": ") + "must be a JSON array of exceptions");
        }
        List<ControlException> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < root.size(); i++) {
            JsonFields f = JsonFields.of(origin, "[" + i + "]", root.get(i), EntityJson.EXCEPTION_FILE_FIELDS,
                    "control");
            if (f.has("control") && f.has("controlId")) {
                throw f.error("control", "give controlId or its alias control, not both");
            }
            String id = f.text("id", true, ExceptionOperations.MAX_ID);
            if (!ids.add(id)) {
                throw f.error("id", "duplicate exception id '" + id + "'");
            }
            ControlException.Scope scope = f.enumValue("scope", ControlException.Scope.class, true);
            Justification justification = f.enumValue("justification", Justification.class, true);
            String target = f.text("target", scope != ControlException.Scope.GLOBAL, NAME);
            Instant created = f.instant("created", true);
            Instant expires = f.instant("expires", false);
            if (expires != null && !expires.isAfter(created)) {
                throw f.error("expires", "must be after 'created'");
            }
            String control = f.has("control") ? f.text("control", true, NAME) : f.text("controlId", true, NAME);
            out.add(new ControlException(id, control, scope, target, justification, f.text("author", true, NAME),
                    created, expires, f.text("notes", false, NOTES)));
        }
        return out;
    }

    /** @return the one JSON value {@code json} holds: no key twice in an object, nothing after it */
    private JsonNode tree(String origin, byte[] json) throws OperationException {
        String prefix = origin == null ? "" : origin + ": ";
        try (JsonParser p = mapper.createParser(json)) {
            JsonNode node = mapper.readTree(p);
            if (node == null || node.isMissingNode()) {
                throw new OperationException(OperationException.Kind.INVALID_INPUT, "invalid_json", null,
                        prefix + "a JSON document is required", null);
            }
            JsonToken next = p.nextToken();
            if (next != null) {
                JsonLocation at = p.currentTokenLocation();
                throw new OperationException(OperationException.Kind.INVALID_INPUT, "invalid_json", null, prefix
                        + "invalid JSON at line " + at.getLineNr() + ", column " + at.getColumnNr()
                        + ": anything after the document is refused", null);
            }
            return node;
        } catch (StreamReadException e) {
            String message = e.getOriginalMessage();
            String field = message.startsWith("Duplicate field '")
                    ? message.substring(17, Math.max(17, message.indexOf('\'', 17))) : null;
            JsonLocation at = e.getLocation();
            throw new OperationException(OperationException.Kind.INVALID_INPUT, "invalid_json", field, prefix
                    + "invalid JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column "
                            + at.getColumnNr()) + ": " + message, e);
        } catch (MismatchedInputException e) {
            // FAIL_ON_TRAILING_TOKENS: a value after the document
            JsonLocation at = e.getLocation();
            throw new OperationException(OperationException.Kind.INVALID_INPUT, "invalid_json", null, prefix
                    + "invalid JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column "
                            + at.getColumnNr()) + ": anything after the document is refused", e);
        } catch (IOException e) {
            throw new OperationException(OperationException.Kind.INVALID_INPUT, "invalid_json", null,
                    prefix + "cannot be read: " + e.getMessage(), e);
        }
    }
}
