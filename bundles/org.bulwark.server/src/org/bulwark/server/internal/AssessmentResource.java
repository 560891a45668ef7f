package org.bulwark.server.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.bulwark.store.api.AssessmentSummary;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/assessments}: an agent's upload. With an {@code Upload-Id} it is stored once however often it is
 * sent: a repeat is answered 200 with the first upload's id, and the id is taken only when the upload is stored.
 */
final class AssessmentResource implements Resource {

    static final String UPLOAD_ID = "Upload-Id";

    private final UploadStep intake;
    private final UploadLog uploads;

    AssessmentResource(UploadStep intake, UploadLog uploads) {
        this.intake = intake;
        this.uploads = uploads;
    }

    @Override
    public void register(Routes routes) {
        routes.add("POST", "/api/assessments", BearerAuth.UPLOADERS, this::upload);
    }

    private Reply upload(Request request) throws Exception {
        String uploadId = request.header(UPLOAD_ID);
        if (uploadId != null && (uploadId.isBlank() || uploadId.length() > 200)) {
            throw new ApiError(400, "invalid_upload_id", UPLOAD_ID + ": 1 to 200 characters");
        }
        RequestBody.Bytes body = request.body().bytes();
        if (uploadId == null) {
            return stored(intake.store(body, request.principal()));
        }
        while (true) {
            CompletableFuture<Long> earlier = uploads.claim(uploadId);
            if (earlier == null) {
                break;
            }
            try {
                return duplicate(earlier.get());
            } catch (ExecutionException e) {
                // the first attempt failed and released the id: claim it again and store this one
            }
        }
        try {
            AssessmentSummary s = intake.store(body, request.principal());
            uploads.stored(uploadId, s.id());
            return stored(s);
        } catch (Exception | Error e) {
            uploads.failed(uploadId, e instanceof Exception x ? x : new RuntimeException(e));
            throw e;
        }
    }

    private static Reply stored(AssessmentSummary s) {
        ObjectNode o = ServerJson.JSON.createObjectNode();
        o.put("id", s.id());
        o.put("machineId", s.device().id());
        o.put("group", Scope.groupOf(s.device()));
        ServerJson.number(o, "score", s.score());
        o.put("duplicate", false);
        return Reply.json(201, o);
    }

    private static Reply duplicate(long id) {
        ObjectNode o = ServerJson.JSON.createObjectNode();
        o.put("id", id);
        o.put("duplicate", true);
        return Reply.json(200, o);
    }
}
