package org.bulwark.server.internal;

import java.util.List;
import java.util.Map;

import org.bulwark.operations.api.Assessments;
import org.bulwark.operations.api.Changes;
import org.bulwark.operations.api.EntityJson;
import org.bulwark.scoring.api.Device;
import org.bulwark.scoring.api.DeviceResults;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.DevicePlatform;
import org.bulwark.store.api.StoreException;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /api/machines}, {@code …/{id}} (id or host name), {@code …/{id}/assessments}, {@code …/{id}/changes} (its
 * change timeline) and {@code …/{id}/software} (the machine's inventories, each with its items or why it could not
 * be read): the caller's machines; and
 * {@code /api/Software}, every piece of software on them with how many have it and in which versions. Software is
 * in the shared vocabulary of {@link EntityJson}.
 */
final class MachineResource implements Resource {

    private final FleetState state;
    private final AssessmentStore store;
    private final EntityJson json;
    private final Assessments assessments;

    MachineResource(FleetState state, AssessmentStore store, EntityJson json, Assessments assessments) {
        this.state = state;
        this.store = store;
        this.json = json;
        this.assessments = assessments;
    }

    @Override
    public void register(Routes routes) {
        routes.add("GET", "/api/machines", BearerAuth.READERS, this::machines);
        routes.add("GET", "/api/machines/{id}", BearerAuth.READERS, this::machine);
        routes.add("GET", "/api/machines/{id}/assessments", BearerAuth.READERS, this::assessments);
        routes.add("GET", "/api/machines/{id}/changes", BearerAuth.READERS, this::changes);
        routes.add("GET", "/api/machines/{id}/software", BearerAuth.READERS, this::machineSoftware);
        routes.add("GET", "/api/Software", BearerAuth.READERS, this::software);
    }

    private Reply software(Request request) throws StoreException {
        Scope scope = Scope.of(state, request.principal());
        return Paging.page(request, store.softwareSummary(scope.devices()::containsKey), json::software);
    }

    private Reply machineSoftware(Request request) throws StoreException {
        Device d = Scope.of(state, request.principal()).device(request.param(0));
        return Paging.page(request, store.software(d.id()), json::inventory);
    }

    /** The caller's machines; {@code ?osPlatform=Windows11} keeps those of one platform (Defender's values). */
    private Reply machines(Request request) throws StoreException {
        FleetState.Snapshot f = state.snapshot(request.principal());
        Map<String, DevicePlatform> platforms = state.platforms();
        String wanted = request.query().get("osPlatform");
        List<DeviceResults> devices = f.devices();
        if (wanted != null) {
            String platform = json.osPlatforms().stream().filter(p -> p.equalsIgnoreCase(wanted)).findFirst()
                    .orElseThrow(() -> ApiError.parameter("osPlatform must be one of " + json.osPlatforms()
                            + ", not '" + wanted + "'"));
            devices = devices.stream().filter(d -> platform.equals(osPlatform(platforms, d.device().id()))).toList();
        }
        return Paging.page(request, devices, d -> ServerJson.machine(d.device(),
                osPlatform(platforms, d.device().id()), f.device(d.device().id()), d.assessedAt()));
    }

    private Reply machine(Request request) throws StoreException {
        Device d = Scope.of(state, request.principal()).device(request.param(0));
        FleetState.Snapshot f = state.snapshot(request.principal());
        String platform = osPlatform(state.platforms(), d.id());
        for (DeviceResults r : f.devices()) {
            if (r.device().id().equals(d.id())) {
                return Reply.json(200, ServerJson.machine(r.device(), platform, f.device(d.id()), r.assessedAt()));
            }
        }
        return Reply.json(200, ServerJson.machine(d, platform, null, null));
    }

    private String osPlatform(Map<String, DevicePlatform> platforms, String deviceId) {
        return ServerJson.osPlatform(json, platforms, deviceId);
    }

    /**
     * The machine's change timeline, newest first: for each two consecutive assessments, which controls changed
     * state (or weight, or exception) and the points each moved, in the vocabulary of {@code bulwark diff}. Only the
     * page's diffs are computed.
     */
    private Reply changes(Request request) throws StoreException {
        Device d = Scope.of(state, request.principal()).device(request.param(0));
        Paging.Bounds page = Paging.bounds(request.query());
        Changes c = assessments.changes(store, d.id(), page.skip(), page.top());
        return Reply.json(200, Paging.page(page, c.pairs(), c.diffs().stream().map(json::diff).toList()));
    }

    private Reply assessments(Request request) throws StoreException {
        Device d = Scope.of(state, request.principal()).device(request.param(0));
        return Paging.page(request, store.history(d.id(), null), s -> {
            ObjectNode o = ServerJson.JSON.createObjectNode();
            o.put("id", s.id());
            o.put("time", s.finished().toString());
            ServerJson.points(o, s.points());
            o.put("complete", s.complete());
            o.put("passed", s.coverage().passed());
            o.put("failed", s.coverage().failed());
            return o;
        });
    }
}
