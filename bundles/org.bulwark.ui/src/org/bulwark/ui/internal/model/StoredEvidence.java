package org.bulwark.ui.internal.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bulwark.collector.api.ObservationState;
import org.bulwark.collector.api.Source;
import org.bulwark.collector.api.SourceKind;
import org.bulwark.scoring.api.ControlResult;
import org.bulwark.scoring.api.Evidence;
import org.bulwark.scoring.api.Recommendation;
import org.bulwark.scoring.api.ResultState;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.AssessmentSummary;
import org.bulwark.store.api.StoreException;
import org.bulwark.store.api.StoredAssessment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The evidence of the failed results in every device's latest stored report (the JSON report the store keeps),
 * so that the details show evidence right after start, before any re-assessment in the session.
 */
final class StoredEvidence {

    /** Reports of more devices than this are not read (the fleet server shows fleet-wide evidence). */
    static final int MAX_DEVICES = 50;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StoredEvidence() {
    }

    static Map<String, List<Recommendation.DeviceEvidence>> read(AssessmentStore db, Map<String, Row> rows)
            throws StoreException {
        Map<String, Long> latest = new LinkedHashMap<>();
        for (AssessmentSummary s : db.history(null, null)) {
            latest.put(s.device().id(), s.id());
        }
        Map<String, List<Recommendation.DeviceEvidence>> out = new HashMap<>();
        int devices = 0;
        for (Map.Entry<String, Long> e : latest.entrySet()) {
            if (++devices > MAX_DEVICES) {
                break;
            }
            Optional<StoredAssessment> stored = db.assessment(e.getValue());
            if (stored.isEmpty() || stored.get().reportJson() == null) {
                continue;
            }
            JsonNode report;
            try {
                report = MAPPER.readTree(stored.get().reportJson());
            } catch (java.io.IOException x) {
                continue; // a report that does not parse shows no evidence; the score does not depend on it
            }
            for (JsonNode r : report.path("results")) {
                String id = r.path("id").asText();
                ResultState state = state(r.path("state").asText());
                if (!rows.containsKey(id) || state == null || state == ResultState.PASS || !state.counted()) {
                    continue;
                }
                List<Evidence> evidence = new ArrayList<>();
                for (JsonNode ev : r.path("evidence")) {
                    evidence.add(evidence(ev));
                }
                out.computeIfAbsent(id, k -> new ArrayList<>()).add(new Recommendation.DeviceEvidence(e.getKey(),
                        new ControlResult(id, state, text(r.path("reason")), evidence), null));
            }
        }
        return out;
    }

    private static Evidence evidence(JsonNode ev) {
        List<String> actual = new ArrayList<>();
        ev.path("actual").forEach(a -> actual.add(a.asText()));
        Source source = null;
        JsonNode s = ev.path("source");
        if (s.isObject()) {
            try {
                source = new Source(SourceKind.valueOf(s.path("kind").asText()), text(s.path("location")),
                        Math.max(0, s.path("line").asInt()), text(s.path("detail")));
            } catch (IllegalArgumentException x) {
                source = null;
            }
        }
        ObservationState state;
        try {
            state = ObservationState.valueOf(ev.path("state").asText());
        } catch (IllegalArgumentException x) {
            state = null;
        }
        return new Evidence(text(ev.path("key")), text(ev.path("expected")), state, actual, source, List.of(),
                text(ev.path("reason")));
    }

    private static ResultState state(String s) {
        try {
            return ResultState.valueOf(s);
        } catch (IllegalArgumentException x) {
            return null;
        }
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? null : n.asText();
    }
}
