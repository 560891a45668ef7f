package org.bulwark.server.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.bulwark.benchmark.api.Benchmark;
import org.bulwark.benchmark.api.BenchmarkRegistry;
import org.bulwark.benchmark.api.Control;
import org.bulwark.collector.api.PlatformFacts;
import org.bulwark.report.api.ReportException;
import org.bulwark.report.api.ReportReader;
import org.bulwark.report.api.ReportedUpload;
import org.bulwark.scoring.api.AssessedControl;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.BenchmarkInfo;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.ControlRef;
import org.bulwark.scoring.api.ControlResult;
import org.bulwark.scoring.api.Device;
import org.bulwark.scoring.api.DeviceResults;
import org.bulwark.scoring.api.FleetScore;
import org.bulwark.scoring.api.ResultState;
import org.bulwark.scoring.api.ScoringService;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.AssessmentSummary;
import org.bulwark.store.api.StoreException;

/**
 * The upload step: an upload is parsed, checked against the installed content, given its device group, checked
 * against the caller's groups, scored with the server's content and the exceptions in force, stored in one store
 * transaction, and added to the {@link FleetState}.
 */
final class UploadStep {

    private final AssessmentStore store;
    private final ReportReader reader;
    private final ScoringService scoring;
    private final BenchmarkRegistry registry;
    private final GroupRules groups;
    private final FleetState state;

    UploadStep(AssessmentStore store, ReportReader reader, ScoringService scoring, BenchmarkRegistry registry,
            GroupRules groups, FleetState state) {
        this.store = store;
        this.reader = reader;
        this.scoring = scoring;
        this.registry = registry;
        this.groups = groups;
        this.state = state;
    }

    AssessmentSummary store(RequestBody.Bytes body, Tokens.Token token) throws StoreException {
        ReportedUpload report;
        try {
            report = reader.readUpload("upload", new ByteArrayInputStream(body.plain()));
        } catch (ReportException e) {
            throw new ApiError(400, "invalid_report", e.getMessage());
        }
        List<Benchmark> installed = registry.benchmarks(); // once: the content may change while we read
        Map<String, Control> content = new HashMap<>();
        Map<String, Benchmark> benchmarkOf = new HashMap<>();
        for (Benchmark b : installed) {
            for (Control c : b.controls()) {
                if (content.putIfAbsent(c.id(), c) == null) {
                    benchmarkOf.put(c.id(), b);
                }
            }
        }
        Map<String, Benchmark> benchmarks = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        List<AssessedControl> controls = new ArrayList<>();
        List<ControlRef> refs = new ArrayList<>();
        for (Map.Entry<String, ResultState> r : report.states().entrySet()) {
            Control c = content.get(r.getKey());
            if (c == null) {
                unknown.add(r.getKey());
                continue;
            }
            Benchmark b = benchmarkOf.get(c.id());
            ResultState s = r.getValue();
            controls.add(new AssessedControl(c, b.id(),
                    new ControlResult(c.id(), s, s == ResultState.PASS ? null : "reported by the agent", List.of())));
            refs.add(new ControlRef(c.id(), c.title(), c.category(), c.weight()));
            benchmarks.putIfAbsent(b.id(), b);
        }
        if (!unknown.isEmpty()) {
            throw new ApiError(400, "unknown_controls", "controls: unknown to this server: "
                    + String.join(", ", unknown.subList(0, Math.min(5, unknown.size())))
                    + (unknown.size() > 5 ? " and " + (unknown.size() - 5) + " more" : ""));
        }
        Device reported = report.device();
        String group = groups.groupOf(reported.hostname(), reported.os(), reported.groups());
        if (!token.sees(group)) {
            // a token scoped to groups uploads only devices of those groups, as it reads only those
            throw ApiError.forbidden("group: machine '" + reported.hostname() + "' belongs to device group '" + group
                    + "', which this token may not upload to (its groups: "
                    + String.join(", ", new TreeSet<>(token.groups())) + ")");
        }
        Device device = new Device(reported.id(), reported.hostname(), reported.os(), Set.of(group));
        Instant finished = report.assessedAt();
        List<ControlException> exceptions = new ArrayList<>();
        for (ControlException e : state.exceptions()) { // at most a second old
            if (content.containsKey(e.controlId()) && e.covers(device) && e.activeAt(finished)) {
                exceptions.add(e);
            }
        }
        FleetScore score = scoring.score(refs, List.of(new DeviceResults(device, finished, report.states())),
                exceptions, finished);
        List<BenchmarkInfo> infos = new ArrayList<>();
        for (Benchmark b : benchmarks.values()) {
            infos.add(new BenchmarkInfo(b.id(), b.title(), b.version(), b.origin(), b.sha256(), b.controls().size()));
        }
        PlatformFacts platform = new PlatformFacts("", "", "", device.os(), "", device.hostname(), device.id());
        Assessment a = new Assessment(device, platform, "", true, finished, finished, infos, List.of(), controls,
                score, List.of(), exceptions, List.of());
        AssessmentSummary saved = body.gzip() != null ? store.saveCompressed(a, body.gzip())
                : store.save(a, new String(body.plain(), StandardCharsets.UTF_8));
        state.stored(saved.id(), new DeviceResults(device, finished, report.states()), refs);
        return saved;
    }
}
