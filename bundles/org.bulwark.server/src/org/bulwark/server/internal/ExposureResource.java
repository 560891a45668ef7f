package org.bulwark.server.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bulwark.operations.api.EntityJson;
import org.bulwark.operations.api.VulnerabilityOperations;
import org.bulwark.scoring.api.Device;
import org.bulwark.store.api.AssessmentStore;

/**
 * {@code /api/exposure}: the exposure of the caller's machines (fleet score, each machine's score or why it has
 * none, the software recommendations) matched against the imported feeds; and
 * {@code /api/machines/{id}/vulnerabilities}: one machine's open vulnerabilities, a page of the findings of that
 * exposure. Both are computed by {@link VulnerabilityOperations} over the caller's groups only, so a viewer never
 * learns of another group's packages, not even through the fleet mean. In the vocabulary of
 * {@link EntityJson#exposure}.
 */
final class ExposureResource implements Resource {

    private final FleetState state;
    private final AssessmentStore store;
    private final VulnerabilityOperations vulnerabilities;
    private final EntityJson json;

    ExposureResource(FleetState state, AssessmentStore store, VulnerabilityOperations vulnerabilities,
            EntityJson json) {
        this.state = state;
        this.store = store;
        this.vulnerabilities = vulnerabilities;
        this.json = json;
    }

    @Override
    public void register(Routes routes) {
        routes.add("GET", "/api/exposure", BearerAuth.READERS, this::exposure);
        routes.add("GET", "/api/machines/{id}/vulnerabilities", BearerAuth.READERS, this::machineVulnerabilities);
    }

    private Reply exposure(Request request) throws Exception {
        Scope scope = Scope.of(state, request.principal());
        return Reply.json(200, json.exposure(vulnerabilities.exposure(store, scope.devices()::containsKey,
                Instant.now())));
    }

    private Reply machineVulnerabilities(Request request) throws Exception {
        Device d = Scope.of(state, request.principal()).device(request.param(0));
        Map<String, Object> exposure = json.exposure(vulnerabilities.exposure(store, d.id()::equals, Instant.now()));
        List<?> devices = (List<?>) exposure.get("devices");
        List<?> findings = devices.isEmpty() ? List.of() : (List<?>) ((Map<?, ?>) devices.get(0)).get("findings");
        return Paging.page(request, findings, f -> f);
    }
}
