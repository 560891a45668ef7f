package org.bulwark.server.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bulwark.operations.api.EntityCsv;
import org.bulwark.operations.api.EntityJson;
import org.bulwark.operations.api.ExceptionDraft;
import org.bulwark.operations.api.ExceptionEntry;
import org.bulwark.operations.api.ExceptionOperations;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.StoreException;
import org.bulwark.store.api.StoredException;

/**
 * {@code /api/exceptions}: the exceptions the caller sees (of its machines, of its groups, global), created,
 * updated and cancelled within its groups (a global one only with a token for every group); {@code .csv} too. The
 * bodies are read strictly and the changes checked by the operations layer ({@link EntityJson},
 * {@link ExceptionOperations}); this class adds who may do what.
 */
final class ExceptionResource implements Resource {

    private final AssessmentStore store;
    private final FleetState state;
    private final ExceptionOperations exceptions;
    private final EntityJson json;
    private final EntityCsv csv;

    ExceptionResource(AssessmentStore store, FleetState state, Operations operations) {
        this.store = store;
        this.state = state;
        this.exceptions = operations.exceptions();
        this.json = operations.json();
        this.csv = operations.csv();
    }

    @Override
    public void register(Routes routes) {
        routes.add("GET", "/api/exceptions", BearerAuth.READERS, this::list);
        routes.add("POST", "/api/exceptions", BearerAuth.EXCEPTORS, this::create);
        routes.add("PATCH", "/api/exceptions/{id}", BearerAuth.EXCEPTORS, this::update);
        routes.add("POST", "/api/exceptions/{id}/cancel", BearerAuth.EXCEPTORS, this::cancel);
        routes.add("GET", "/api/exceptions.csv", BearerAuth.READERS, this::csv);
    }

    /** @return the exceptions the caller sees, by creation time then id */
    private List<StoredException> visible(Request request, Instant now) throws StoreException {
        Scope scope = Scope.of(state, request.principal());
        List<StoredException> list = new ArrayList<>();
        for (ExceptionEntry e : exceptions.list(store, now)) {
            if (scope.sees(e.stored().exception())) {
                list.add(e.stored());
            }
        }
        return list;
    }

    private Reply list(Request request) throws StoreException {
        Instant now = Instant.now();
        return Paging.page(request, visible(request, now), e -> json.exception(e, now));
    }

    private Reply create(Request request) throws Exception {
        ExceptionDraft draft = json.readExceptionDraft(null, request.body().bytes().plain());
        Tokens.Token caller = request.principal();
        String target = draft.target();
        if (draft.scope() != null) {
            switch (draft.scope()) {
                case DEVICE -> {
                    if (target != null && !Scope.of(state, caller).devices().containsKey(target)) {
                        throw ApiError.invalid("target: no machine '" + target + "'");
                    }
                }
                case GROUP -> {
                    if (target != null && !caller.sees(target)) {
                        throw ApiError.forbidden("target: group '" + target + "' is not one of yours");
                    }
                }
                case GLOBAL -> {
                    if (!caller.allGroups()) {
                        throw ApiError.forbidden("scope: a global exception needs a token for every group");
                    }
                }
            }
        }
        Instant now = Instant.now();
        return changed(201, exceptions.create(store, draft, caller.name(), now), now);
    }

    private Reply update(Request request) throws Exception {
        StoredException e = changeable(request);
        StoredException.Update update = json.readExceptionUpdate(null, request.body().bytes().plain());
        Instant now = Instant.now();
        return changed(200, exceptions.update(store, e.exception().id(), update, request.principal().name(), now),
                now);
    }

    private Reply cancel(Request request) throws Exception {
        StoredException e = changeable(request);
        Instant now = Instant.now();
        return changed(200, exceptions.cancel(store, e.exception().id(), request.principal().name(), now), now);
    }

    /** @return the reply with {@code e} as just stored, once the fleet state knows the exceptions changed */
    private Reply changed(int status, StoredException e, Instant now) {
        state.exceptionsChanged();
        return Reply.json(status, json.exception(e, now));
    }

    /** @return the exception the path names, if the caller may change it: a global one needs every group */
    private StoredException changeable(Request request) throws StoreException {
        for (StoredException e : visible(request, Instant.now())) {
            if (e.exception().id().equals(request.param(0))) {
                if (e.exception().scope() == ControlException.Scope.GLOBAL && !request.principal().allGroups()) {
                    throw ApiError.forbidden("exception '" + e.exception().id()
                            + "' is global: changing it needs a token for every group");
                }
                return e;
            }
        }
        throw ApiError.notFound("no exception '" + request.param(0) + "'");
    }

    private Reply csv(Request request) throws StoreException {
        Instant now = Instant.now();
        return Reply.csv(csv.exceptions(visible(request, now), now));
    }
}
