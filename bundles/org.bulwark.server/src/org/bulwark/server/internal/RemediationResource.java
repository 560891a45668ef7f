package org.bulwark.server.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bulwark.operations.api.ActivityDraft;
import org.bulwark.operations.api.EntityCsv;
import org.bulwark.operations.api.EntityJson;
import org.bulwark.operations.api.RemediationOperations;
import org.bulwark.scoring.api.Device;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.Remediation;
import org.bulwark.store.api.StoreException;

/**
 * {@code /api/remediations}: the remediation activities the caller sees (of its groups, or of its machines only),
 * created, updated, completed and cancelled within them; {@code .csv} too. The bodies are read strictly and the
 * changes checked by the operations layer ({@link EntityJson}, {@link RemediationOperations}); this class adds who
 * may do what.
 */
final class RemediationResource implements Resource {

    private final AssessmentStore store;
    private final FleetState state;
    private final RemediationOperations remediations;
    private final EntityJson json;
    private final EntityCsv csv;

    RemediationResource(AssessmentStore store, FleetState state, Operations operations) {
        this.store = store;
        this.state = state;
        this.remediations = operations.remediations();
        this.json = operations.json();
        this.csv = operations.csv();
    }

    @Override
    public void register(Routes routes) {
        routes.add("GET", "/api/remediations", BearerAuth.READERS, this::list);
        routes.add("POST", "/api/remediations", BearerAuth.REMEDIATORS, this::create);
        routes.add("PATCH", "/api/remediations/{id}", BearerAuth.REMEDIATORS, this::update);
        routes.add("POST", "/api/remediations/{id}/complete", BearerAuth.REMEDIATORS, this::complete);
        routes.add("POST", "/api/remediations/{id}/cancel", BearerAuth.REMEDIATORS, this::cancel);
        routes.add("GET", "/api/remediations.csv", BearerAuth.READERS, this::csv);
    }

    /** @return the activities the caller sees, by id */
    private List<Remediation> visible(Request request) throws StoreException {
        Scope scope = Scope.of(state, request.principal());
        List<Remediation> list = new ArrayList<>();
        for (Remediation r : remediations.list(store, null)) {
            if (scope.sees(r)) {
                list.add(r);
            }
        }
        return list;
    }

    private Reply list(Request request) throws StoreException {
        return Paging.page(request, visible(request), json::remediation);
    }

    private Reply create(Request request) throws Exception {
        ActivityDraft draft = json.readActivityRequest(null, request.body().bytes().plain());
        Tokens.Token caller = request.principal();
        if (draft.scope() == Remediation.Scope.DEVICES) {
            Map<String, Device> visible = Scope.of(state, caller).devices();
            for (String d : draft.devices()) {
                if (!visible.containsKey(d)) {
                    throw ApiError.invalid("devices: no machine '" + d + "'");
                }
            }
        } else if (draft.scope() == Remediation.Scope.GROUP && draft.group() != null && !caller.sees(draft.group())) {
            throw ApiError.forbidden("group: '" + draft.group() + "' is not one of yours");
        }
        return Reply.json(201, json.remediation(remediations.create(store, draft, caller.name(), Instant.now())));
    }

    private Reply update(Request request) throws Exception {
        long id = visibleId(request);
        Remediation.Update update = json.readActivityUpdate(null, request.body().bytes().plain());
        return Reply.json(200, json.remediation(remediations.update(store, id, update, request.principal().name(),
                Instant.now())));
    }

    private Reply complete(Request request) throws Exception {
        long id = visibleId(request);
        return Reply.json(200, json.remediation(remediations.complete(store, id, Instant.now())));
    }

    private Reply cancel(Request request) throws Exception {
        long id = visibleId(request);
        return Reply.json(200, json.remediation(remediations.cancel(store, id, request.principal().name(),
                Instant.now())));
    }

    /** @return the id of the activity named by the path, if the caller sees it; else 404 */
    private long visibleId(Request request) throws StoreException {
        long id;
        try {
            id = Long.parseLong(request.param(0));
        } catch (NumberFormatException e) {
            throw ApiError.notFound("no remediation activity '" + request.param(0) + "'");
        }
        for (Remediation r : visible(request)) {
            if (r.id() == id) {
                return id;
            }
        }
        throw ApiError.notFound("no remediation activity '" + id + "'");
    }

    private Reply csv(Request request) throws StoreException {
        return Reply.csv(csv.activities(visible(request))); // the columns of the CLI's and the workbench's exports
    }
}
