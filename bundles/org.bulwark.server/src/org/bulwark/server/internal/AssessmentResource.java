package org.bulwark.server.internal;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.bulwark.operations.api.PreparedUpload;
import org.bulwark.operations.api.UploadBody;
import org.bulwark.operations.api.UploadIntake;
import org.bulwark.operations.api.UploadOutcome;
import org.bulwark.operations.api.UploadPolicy;
import org.bulwark.scoring.api.Device;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.AssessmentSummary;
import org.bulwark.store.api.DevicePlatform;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/assessments}: an agent's upload, taken in by {@link UploadIntake} with the server's device group
 * rules and the caller's groups, then added to the {@link FleetState}. With an {@code Upload-Id} it is stored once
 * however often it is sent: a repeat of an upload of the same machine, authorized like the first, is answered 200
 * with the first upload's id, and the id is taken only when the upload is stored. The order, so that a crash at
 * any moment costs no acknowledged upload and a retry is stored once: the intent on disk ({@link UploadLog#intend}),
 * the store's commit, the stored line on disk ({@link UploadLog#stored}), the answer.
 */
final class AssessmentResource implements Resource {

    static final String UPLOAD_ID = "Upload-Id";

    private final UploadIntake intake;
    private final AssessmentStore store;
    private final GroupRules groups;
    private final FleetState state;
    private final UploadLog uploads;

    AssessmentResource(UploadIntake intake, AssessmentStore store, GroupRules groups, FleetState state,
            UploadLog uploads) {
        this.intake = intake;
        this.store = store;
        this.groups = groups;
        this.state = state;
        this.uploads = uploads;
    }

    @Override
    public void register(Routes routes) {
        routes.add("POST", "/api/assessments", BearerAuth.UPLOADERS, this::upload);
    }

    /** The server's rules for one caller's upload: the device group rules, and the caller's groups. */
    private record Policy(GroupRules groups, Tokens.Token caller) implements UploadPolicy {
        @Override
        public String groupOf(Device reported) {
            return groups.groupOf(reported.hostname(), reported.os(), reported.groups());
        }

        @Override
        public boolean mayUpload(String group) {
            return caller.sees(group);
        }

        @Override
        public Set<String> uploaderGroups() {
            return caller.groups();
        }
    }

    private Reply upload(Request request) throws Exception {
        String uploadId = request.header(UPLOAD_ID);
        if (uploadId != null && !UploadLog.validId(uploadId)) {
            throw new ApiError(400, "invalid_upload_id", UPLOAD_ID + ": 1 to 200 visible ASCII characters");
        }
        RequestBody.Bytes bytes = request.body().bytes();
        // read, checked and authorized first: a repeat is recognized only for the caller's own machine, so no one
        // learns of or suppresses another group's uploads by sending their ids
        PreparedUpload prepared = intake.prepare(store, new UploadBody(bytes.plain(), bytes.gzip()),
                new Policy(groups, request.principal()), state.exceptions()); // exceptions at most a second old
        if (uploadId == null) {
            return stored(save(prepared));
        }
        String key = UploadLog.key(prepared.device().id(), uploadId);
        while (true) {
            CompletableFuture<Long> earlier = uploads.claim(key);
            if (earlier == null) {
                break;
            }
            try {
                return duplicate(earlier.get());
            } catch (ExecutionException e) {
                // the first attempt failed and released the id: claim it again and store this one
            }
        }
        UploadOutcome outcome;
        try {
            try {
                uploads.intend(key, prepared.assessment().finished());
            } catch (java.io.IOException e) {
                throw new ApiError(503, "store_unavailable", "the server cannot record uploads: try again later",
                        Router.RETRY_AFTER);
            }
            outcome = intake.save(store, prepared);
        } catch (Exception | Error e) {
            uploads.failed(key, e instanceof Exception x ? x : new RuntimeException(e));
            throw e;
        }
        // on disk before the answer, ahead of the fleet in memory (which a restart reads from the store)
        uploads.stored(key, outcome.saved().id());
        return stored(added(outcome, prepared));
    }

    private AssessmentSummary save(PreparedUpload prepared) throws Exception {
        return added(intake.save(store, prepared), prepared);
    }

    private AssessmentSummary added(UploadOutcome outcome, PreparedUpload prepared) {
        state.stored(outcome.saved().id(), outcome.results(), outcome.controls(),
                DevicePlatform.of(prepared.assessment().platform()));
        return outcome.saved();
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
