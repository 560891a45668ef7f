package org.bulwark.server.internal;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bulwark.report.api.ReportWriter;
import org.bulwark.scoring.api.Device;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.Remediation;
import org.bulwark.store.api.StoreException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /api/remediations}: the remediation activities the caller sees (of its groups, or of its machines only),
 * created, updated, completed and cancelled within them; {@code .csv} too.
 */
final class RemediationResource implements Resource {

    /** The fields a {@code PATCH /api/remediations/{id}} body may have. */
    static final List<String> PATCH_FIELDS = List.of("title", "priority", "due", "notes");

    private final AssessmentStore store;
    private final FleetState state;
    private final ReportWriter writer;

    RemediationResource(AssessmentStore store, FleetState state, ReportWriter writer) {
        this.store = store;
        this.state = state;
        this.writer = writer;
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

    private List<Remediation> visible(Request request) throws StoreException {
        Scope scope = Scope.of(state, request.principal());
        List<Remediation> list = new ArrayList<>();
        for (Remediation r : store.remediations()) {
            if (scope.sees(r)) {
                list.add(r);
            }
        }
        return list;
    }

    private static ObjectNode json(Remediation r) {
        ObjectNode o = ServerJson.JSON.createObjectNode();
        o.put("id", r.id());
        o.put("title", r.title());
        o.put("controlId", r.controlId());
        o.put("category", r.category() == null ? null : r.category().name());
        o.put("scope", r.scope().name());
        r.devices().forEach(o.putArray("devices")::add);
        o.put("group", r.group());
        o.put("priority", r.priority().name());
        o.put("due", r.due() == null ? null : r.due().toString());
        o.put("notes", r.notes());
        o.put("requester", r.requester());
        o.put("created", text(r.created()));
        o.put("status", r.status().name());
        o.put("completion", r.completion() == null ? null : r.completion().name());
        o.put("completed", text(r.completed()));
        o.put("targetDevices", r.targetDevices());
        o.put("fixedDevices", r.fixedDevices());
        o.put("cancelled", text(r.cancelled()));
        o.put("cancelledBy", r.cancelledBy());
        o.put("updated", text(r.updated()));
        o.put("updatedBy", r.updatedBy());
        return o;
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    private Reply list(Request request) throws StoreException {
        return Paging.page(request, visible(request), RemediationResource::json);
    }

    private Reply create(Request request) throws Exception {
        JsonNode body = request.body().json();
        Remediation.Scope scope = Fields.parse(
                () -> Remediation.Scope.valueOf(Fields.norm(Fields.required(body, "scope"))), "scope");
        Tokens.Token caller = request.principal();
        List<String> devices = new ArrayList<>();
        String group = null;
        if (scope == Remediation.Scope.DEVICES) {
            if (!body.path("devices").isArray() || body.get("devices").isEmpty()) {
                throw ApiError.invalid("devices: a non-empty array of machine ids is required");
            }
            Map<String, Device> visible = Scope.of(state, caller).devices();
            for (JsonNode d : body.get("devices")) {
                if (!visible.containsKey(d.asText())) {
                    throw ApiError.invalid("devices: no machine '" + d.asText() + "'");
                }
                devices.add(d.asText());
            }
        } else {
            group = Fields.required(body, "group");
            if (!caller.sees(group)) {
                throw ApiError.forbidden("group: '" + group + "' is not one of yours");
            }
        }
        String g = group;
        Remediation.Request create = Fields.parse(() -> new Remediation.Request(Fields.required(body, "title"),
                Fields.required(body, "controlId"), scope, devices, g,
                body.hasNonNull("priority") ? Remediation.Priority.valueOf(Fields.norm(body.get("priority").asText()))
                        : Remediation.Priority.MEDIUM,
                body.hasNonNull("due") ? LocalDate.parse(body.get("due").asText()) : null,
                body.hasNonNull("notes") ? body.get("notes").asText() : null, caller.name()), "remediation");
        return Reply.json(201, json(store.createRemediation(create, Instant.now())));
    }

    private Reply complete(Request request) throws StoreException {
        long id = visibleId(request);
        return Reply.json(200, json(store.completeRemediation(id, Instant.now())));
    }

    private Reply update(Request request) throws Exception {
        long id = visibleId(request);
        JsonNode body = request.body().object(PATCH_FIELDS);
        Remediation.Update update = new Remediation.Update(body.has("title") ? Fields.text(body, "title") : null,
                body.has("priority") ? Fields.parse(
                        () -> Remediation.Priority.valueOf(Fields.norm(Fields.text(body, "priority"))), "priority")
                        : null,
                body.hasNonNull("due") ? Fields.parse(() -> LocalDate.parse(Fields.text(body, "due")), "due") : null,
                body.has("notes") ? (body.get("notes").isNull() ? "" : Fields.text(body, "notes")) : null,
                body.has("due") && body.get("due").isNull());
        return Reply.json(200, json(store.updateRemediation(id, update, request.principal().name(), Instant.now())));
    }

    private Reply cancel(Request request) throws StoreException {
        long id = visibleId(request);
        return Reply.json(200, json(store.cancelRemediation(id, request.principal().name(), Instant.now())));
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

    private Reply csv(Request request) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (Remediation r : visible(request)) {
            rows.add(r.csvRow());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeCsv(Remediation.CSV_COLUMNS, rows, out); // the columns of the CLI's and the workbench's exports
        return Reply.csv(out.toByteArray());
    }
}
