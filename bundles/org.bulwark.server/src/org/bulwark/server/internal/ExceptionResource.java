package org.bulwark.server.internal;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.bulwark.report.api.ReportWriter;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.Justification;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.StoreException;
import org.bulwark.store.api.StoredException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /api/exceptions}: the exceptions the caller sees (of its machines, of its groups, global), created,
 * updated and cancelled within its groups (a global one only with a token for every group); {@code .csv} too.
 */
final class ExceptionResource implements Resource {

    /** The fields a {@code PATCH /api/exceptions/{id}} body may have. */
    static final List<String> PATCH_FIELDS = List.of("expires", "notes", "justification");

    private final AssessmentStore store;
    private final FleetState state;
    private final ReportWriter writer;

    ExceptionResource(AssessmentStore store, FleetState state, ReportWriter writer) {
        this.store = store;
        this.state = state;
        this.writer = writer;
    }

    @Override
    public void register(Routes routes) {
        routes.add("GET", "/api/exceptions", BearerAuth.READERS, this::list);
        routes.add("POST", "/api/exceptions", BearerAuth.EXCEPTORS, this::create);
        routes.add("PATCH", "/api/exceptions/{id}", BearerAuth.EXCEPTORS, this::update);
        routes.add("POST", "/api/exceptions/{id}/cancel", BearerAuth.EXCEPTORS, this::cancel);
        routes.add("GET", "/api/exceptions.csv", BearerAuth.READERS, this::csv);
    }

    private List<StoredException> visible(Request request) throws StoreException {
        Scope scope = Scope.of(state, request.principal());
        List<StoredException> list = new ArrayList<>();
        for (StoredException e : store.exceptions()) {
            if (scope.sees(e.exception())) {
                list.add(e);
            }
        }
        return list;
    }

    private static ObjectNode json(StoredException s) {
        ControlException e = s.exception();
        ObjectNode o = ServerJson.JSON.createObjectNode();
        o.put("id", e.id());
        o.put("controlId", e.controlId());
        o.put("scope", e.scope().name());
        o.put("target", e.target());
        o.put("justification", e.justification().name());
        o.put("author", e.author());
        o.put("created", e.created().toString());
        o.put("expires", text(e.expires()));
        o.put("notes", e.notes());
        o.put("status", s.status(Instant.now()).name());
        o.put("cancelled", text(s.cancelled()));
        o.put("cancelledBy", s.cancelledBy());
        o.put("updated", text(s.updated()));
        o.put("updatedBy", s.updatedBy());
        return o;
    }

    private Reply list(Request request) throws StoreException {
        return Paging.page(request, visible(request), ExceptionResource::json);
    }

    private Reply create(Request request) throws Exception {
        JsonNode body = request.body().json();
        Instant now = Instant.now();
        ControlException.Scope scope = Fields.parse(
                () -> ControlException.Scope.valueOf(Fields.norm(Fields.required(body, "scope"))), "scope");
        String target = scope == ControlException.Scope.GLOBAL ? null : Fields.required(body, "target");
        Tokens.Token caller = request.principal();
        switch (scope) {
            case DEVICE -> {
                if (!Scope.of(state, caller).devices().containsKey(target)) {
                    throw ApiError.invalid("target: no machine '" + target + "'");
                }
            }
            case GROUP -> {
                if (!caller.sees(target)) {
                    throw ApiError.forbidden("target: group '" + target + "' is not one of yours");
                }
            }
            case GLOBAL -> {
                if (!caller.allGroups()) {
                    throw ApiError.forbidden("scope: a global exception needs a token for every group");
                }
            }
        }
        String id = body.hasNonNull("id") ? body.get("id").asText() : "ex-" + UUID.randomUUID();
        ControlException e = Fields.parse(() -> new ControlException(id, Fields.required(body, "controlId"), scope,
                target, Justification.valueOf(Fields.norm(Fields.required(body, "justification"))), caller.name(),
                now, body.hasNonNull("expires") ? Instant.parse(body.get("expires").asText()) : null,
                body.hasNonNull("notes") ? body.get("notes").asText() : null), "exception");
        StoredException stored = store.createException(e);
        state.exceptionsChanged();
        return Reply.json(201, json(stored));
    }

    private Reply update(Request request) throws Exception {
        StoredException e = changeable(request);
        JsonNode body = request.body().object(PATCH_FIELDS);
        StoredException.Update update = new StoredException.Update(
                body.hasNonNull("expires")
                        ? Fields.parse(() -> Instant.parse(Fields.text(body, "expires")), "expires") : null,
                body.has("expires") && body.get("expires").isNull(),
                body.has("notes") ? (body.get("notes").isNull() ? "" : Fields.text(body, "notes")) : null,
                body.has("justification") ? Fields.parse(
                        () -> Justification.valueOf(Fields.norm(Fields.text(body, "justification"))), "justification")
                        : null);
        StoredException updated = store.updateException(e.exception().id(), update, request.principal().name(),
                Instant.now());
        state.exceptionsChanged();
        return Reply.json(200, json(updated));
    }

    /** @return the exception the path names, if the caller may change it: a global one needs every group */
    private StoredException changeable(Request request) throws StoreException {
        for (StoredException e : visible(request)) {
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

    private Reply cancel(Request request) throws StoreException {
        StoredException e = changeable(request);
        StoredException cancelled = store.cancelException(e.exception().id(), request.principal().name(),
                Instant.now());
        state.exceptionsChanged();
        return Reply.json(200, json(cancelled));
    }

    private Reply csv(Request request) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (StoredException s : visible(request)) {
            ControlException e = s.exception();
            rows.add(Arrays.asList(e.id(), e.controlId(), word(e.scope()), e.target(), word(e.justification()),
                    e.author(), e.created().toString(), text(e.expires()), word(s.status(Instant.now())), e.notes(),
                    text(s.updated()), s.updatedBy(), text(s.cancelled()), s.cancelledBy()));
        }
        // as the activities' export (Remediation.CSV_COLUMNS): snake_case columns, lower-case words
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeCsv(List.of("id", "control_id", "scope", "target", "justification", "author", "created",
                "expires", "status", "notes", "updated", "updated_by", "cancelled", "cancelled_by"), rows, out);
        return Reply.csv(out.toByteArray());
    }

    private static String word(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }
}
