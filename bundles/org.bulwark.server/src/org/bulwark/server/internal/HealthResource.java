package org.bulwark.server.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.StoreException;

/**
 * {@code GET /api/health} (liveness: the server answers) and {@code GET /api/health/ready} (readiness: the store
 * answers too), both without a token so that a load balancer or an orchestrator can ask. They name no more than
 * {@code UP}/{@code DOWN}: no version, path or error text.
 */
final class HealthResource implements Resource {

    /** Seconds a client not ready for is told to wait. */
    static final int RETRY_AFTER = 5;

    private final AssessmentStore store;

    HealthResource(AssessmentStore store) {
        this.store = store;
    }

    @Override
    public void register(Routes routes) {
        routes.add("GET", "/api/health", null, this::live);
        routes.add("GET", "/api/health/ready", null, this::ready);
    }

    private Reply live(Request request) {
        return Reply.json(200, Map.of("status", "UP"));
    }

    private Reply ready(Request request) {
        Map<String, Object> o = new LinkedHashMap<>();
        try {
            store.assessmentsAfter(Long.MAX_VALUE, Set.of(), 1); // one small indexed query, nothing found
            o.put("status", "READY");
            o.put("store", "UP");
            return Reply.json(200, o);
        } catch (StoreException | RuntimeException e) {
            o.put("status", "NOT_READY");
            o.put("store", "DOWN");
            return Reply.json(503, o).with("Retry-After", Integer.toString(RETRY_AFTER));
        }
    }
}
