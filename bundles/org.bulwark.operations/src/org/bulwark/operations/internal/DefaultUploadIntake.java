package org.bulwark.operations.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bulwark.benchmark.api.Benchmark;
import org.bulwark.benchmark.api.BenchmarkRegistry;
import org.bulwark.benchmark.api.Control;
import org.bulwark.collector.api.PlatformFacts;
import org.bulwark.operations.api.OperationException;
import org.bulwark.operations.api.PreparedUpload;
import org.bulwark.operations.api.UploadBody;
import org.bulwark.operations.api.UploadIntake;
import org.bulwark.operations.api.UploadOutcome;
import org.bulwark.operations.api.UploadPolicy;
import org.bulwark.operations.api.VulnerabilityOperations;
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
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The {@link UploadIntake} service: a fleet server's upload step, as its REST API did it. */
@Component(service = UploadIntake.class)
public final class DefaultUploadIntake implements UploadIntake {

    private final ReportReader reader;
    private final ScoringService scoring;
    private final BenchmarkRegistry registry;

    /** Optional: without it (no matcher installed) uploads are stored without an exposure score. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile VulnerabilityOperations vulnerabilities;

    @Activate
    public DefaultUploadIntake(@Reference ReportReader reader, @Reference ScoringService scoring,
            @Reference BenchmarkRegistry registry) {
        this.reader = reader;
        this.scoring = scoring;
        this.registry = registry;
    }

    @Override
    public UploadOutcome accept(AssessmentStore store, UploadBody body, UploadPolicy policy,
            Collection<ControlException> exceptionsInForce) throws OperationException, StoreException {
        return save(store, prepare(store, body, policy, exceptionsInForce));
    }

    @Override
    public UploadOutcome save(AssessmentStore store, PreparedUpload upload) throws StoreException {
        UploadBody body = upload.body();
        Optional<Double> exposure = exposure(store, upload.assessment());
        AssessmentSummary saved = body.gzip() != null
                ? store.saveCompressed(upload.assessment(), body.gzip(), exposure)
                : store.save(upload.assessment(), new String(body.json(), StandardCharsets.UTF_8), exposure);
        return new UploadOutcome(saved, upload.results(), upload.controls());
    }

    /**
     * @return the upload's exposure against the server's own feeds (an agent needs none), kept with it so that the
     *         exposure shows over time; empty when there is no matcher, no feed or no inventory a feed covers, or the
     *         feeds cannot be read (the upload is stored all the same)
     */
    private Optional<Double> exposure(AssessmentStore store, Assessment assessment) throws StoreException {
        VulnerabilityOperations v = vulnerabilities;
        if (v == null) {
            return Optional.empty();
        }
        try {
            return v.exposure(store, assessment, Instant.now()).score();
        } catch (OperationException e) {
            return Optional.empty();
        }
    }

    @Override
    public PreparedUpload prepare(AssessmentStore store, UploadBody body, UploadPolicy policy,
            Collection<ControlException> exceptionsInForce) throws OperationException, StoreException {
        ReportedUpload report;
        try {
            report = reader.readUpload("upload", new ByteArrayInputStream(body.json()));
        } catch (ReportException e) {
            throw new OperationException(OperationException.Kind.INVALID_INPUT, "invalid_report", e.field(),
                    e.getMessage(), e);
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
            ResultState state = r.getValue();
            controls.add(new AssessedControl(c, b.id(), new ControlResult(c.id(), state,
                    state == ResultState.PASS ? null : "reported by the agent", List.of())));
            refs.add(new ControlRef(c.id(), c.title(), c.category(), c.weight()));
            benchmarks.putIfAbsent(b.id(), b);
        }
        if (!unknown.isEmpty()) {
            throw new OperationException(OperationException.Kind.INVALID_INPUT, "unknown_controls", "controls",
                    "controls: unknown to this server: "
                            + String.join(", ", unknown.subList(0, Math.min(5, unknown.size())))
                            + (unknown.size() > 5 ? " and " + (unknown.size() - 5) + " more" : ""),
                    null);
        }
        Device reported = report.device();
        Device device = new Device(reported.id(), reported.hostname(), reported.os(),
                UploadGroups.decide(store, reported, policy));
        Instant finished = report.assessedAt();
        List<ControlException> exceptions = new ArrayList<>();
        for (ControlException e : exceptionsInForce) {
            if (content.containsKey(e.controlId()) && e.covers(device) && e.activeAt(finished)) {
                exceptions.add(e);
            }
        }
        DeviceResults results = new DeviceResults(device, finished, report.states());
        FleetScore score = scoring.score(refs, List.of(results), exceptions, finished);
        List<BenchmarkInfo> infos = new ArrayList<>();
        for (Benchmark b : benchmarks.values()) {
            infos.add(new BenchmarkInfo(b.id(), b.title(), b.version(), b.origin(), b.sha256(), b.controls().size()));
        }
        PlatformFacts probed = report.platform();
        PlatformFacts platform = probed == null
                ? new PlatformFacts("", "", "", device.os(), "", device.hostname(), device.id())
                : new PlatformFacts(probed.osFamily(), probed.osId(), probed.osVersion(), device.os(), probed.arch(),
                        device.hostname(), device.id());
        Assessment a = new Assessment(device, platform, "", true, finished, finished, infos, List.of(), controls,
                score, List.of(), exceptions, List.of(), report.software());
        return new PreparedUpload(a, results, refs, body);
    }
}
