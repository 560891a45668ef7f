package org.bulwark.scap.content.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bulwark.benchmark.api.Benchmark;
import org.bulwark.benchmark.api.Control;
import org.bulwark.collector.api.Collector;
import org.bulwark.scap.Group;
import org.bulwark.scap.Profile;
import org.bulwark.scap.ResolvedProfile;
import org.bulwark.scap.Rule;
import org.bulwark.scap.ScapContent;
import org.bulwark.scap.ScapContentException;
import org.bulwark.scap.ScapContentReader;
import org.bulwark.scap.ScapProfiles;
import org.bulwark.scap.Tailoring;
import org.bulwark.scap.Value;
import org.bulwark.scap.content.ScapAssessment;
import org.bulwark.scap.content.ScapBenchmarks;
import org.bulwark.scap.content.ScapResultFormat;
import org.bulwark.scap.content.ScapSelection;
import org.bulwark.scap.oval.OvalEvaluator;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.ScoringService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@link ScapBenchmarks} service: reads the content with the {@link ScapContentReader}, resolves the profile
 * with {@link ScapProfiles}, makes the controls ({@link RuleControls}) and registers a {@link ScapCollector} in
 * the collector whiteboard of the assessment service until the returned {@link ScapAssessment} is closed.
 */
@Component(service = ScapBenchmarks.class)
public final class DefaultScapBenchmarks implements ScapBenchmarks {

    /** The service property naming the content a registered collector evaluates. */
    static final String CONTENT_PROPERTY = "bulwark.scap.content";

    private final ScapContentReader reader;
    private final ScapProfiles profiles;
    private final OvalEvaluator evaluator;
    private final ScoringService scoring;
    private final BundleContext context;

    @Activate
    public DefaultScapBenchmarks(@Reference ScapContentReader reader, @Reference ScapProfiles profiles,
            @Reference OvalEvaluator evaluator, @Reference ScoringService scoring, BundleContext context) {
        this.reader = reader;
        this.profiles = profiles;
        this.evaluator = evaluator;
        this.scoring = scoring;
        this.context = context;
    }

    @Override
    public ScapAssessment prepare(ScapSelection selection) throws ScapContentException {
        ScapContent content = reader.read(selection.content());
        org.bulwark.scap.Benchmark xccdf = content.benchmark().orElseThrow(() -> new ScapContentException(
                content.file(), "holds no XCCDF benchmark"));
        Optional<Tailoring> tailoring = Optional.empty();
        if (selection.tailoring().isPresent()) {
            tailoring = Optional.of(reader.readTailoring(selection.tailoring().get(), xccdf));
        }
        ResolvedProfile profile = selection.profileId().isPresent()
                ? profiles.resolve(xccdf, tailoring, selection.profileId().get())
                : defaultSelection(xccdf);
        String sha256 = sha256(selection.content());
        Prepared prepared = prepared(content, xccdf, profile, selection, sha256);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(CONTENT_PROPERTY, prepared.benchmark().id());
        ServiceRegistration<Collector> registration = context.registerService(Collector.class, prepared.collector(),
                properties);
        ResultDocuments documents = new ResultDocuments(selection.content(), sha256, content, xccdf, profile,
                prepared.benchmark().id(), context.getBundle().getVersion().toString(), scoring);
        return new Handle(prepared.benchmark(), profile, registration, prepared.collector(), documents);
    }

    /** The content and its collector, before registration. */
    record Prepared(Benchmark benchmark, ScapCollector collector) {
    }

    Prepared prepared(ScapContent content, org.bulwark.scap.Benchmark xccdf, ResolvedProfile profile,
            ScapSelection selection, String sha256) {
        Map<String, Rule> byId = new HashMap<>();
        xccdf.rules().forEach(r -> byId.putIfAbsent(r.id(), r));
        RuleControls controls = new RuleControls(xccdf, profile);
        Keys keys = new Keys();
        List<Control> list = new ArrayList<>();
        List<ScapCollector.Planned> planned = new ArrayList<>();
        for (String id : profile.selectedRules()) {
            Rule rule = byId.get(id);
            if (rule == null) {
                continue; // the reader checked every selection; a rule is never missing
            }
            String key = keys.of(rule.id());
            list.add(controls.control(rule, key));
            planned.add(new ScapCollector.Planned(rule, key));
        }
        String profileId = profile.profile().id().isEmpty() ? "default" : profile.profile().id();
        String file = selection.content().getFileName() == null ? content.file()
                : selection.content().getFileName().toString();
        String title = xccdf.title() + " — " + (profile.profile().title().isEmpty() ? profileId
                : profile.profile().title());
        String origin = selection.content() + selection.tailoring().map(t -> " with tailoring " + t).orElse("");
        Benchmark benchmark = new Benchmark("scap:" + file + ":" + profileId, title,
                (xccdf.version().isEmpty() ? "" : xccdf.version() + " ") + profileId, origin, sha256, list);
        return new Prepared(benchmark, new ScapCollector(content, xccdf, profile.values(),
                selection.assumedPlatforms(), planned, evaluator));
    }

    /**
     * No profile: the benchmark's own selection (XCCDF 1.2, 7.2.3.5.1): every rule selected by default in groups
     * selected by default, with every value's default.
     */
    static ResolvedProfile defaultSelection(org.bulwark.scap.Benchmark xccdf) {
        Map<String, Group> groups = new HashMap<>();
        xccdf.groups().forEach(g -> groups.put(g.id(), g));
        List<String> selected = new ArrayList<>();
        for (Rule r : xccdf.rules()) {
            boolean on = r.selected();
            Set<String> seen = new HashSet<>();
            for (String g = r.groupId(); on && !g.isEmpty() && seen.add(g); ) {
                Group group = groups.get(g);
                on = group == null || group.selected();
                g = group == null ? "" : group.parentId();
            }
            if (on) {
                selected.add(r.id());
            }
        }
        Map<String, String> values = new HashMap<>();
        for (Value v : xccdf.values()) {
            values.put(v.id(), v.defaultValue());
        }
        Profile none = new Profile("", "default selection", "", "", List.of(), Map.of(), Map.of(), List.of());
        return new ResolvedProfile(xccdf.id(), none, false, selected, values, Map.of());
    }

    private static String sha256(Path file) throws ScapContentException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new ScapContentException(file.toString(), "cannot be read: " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
    }

    /** The open content: the registered collector until closed. */
    private static final class Handle implements ScapAssessment {
        private final Benchmark benchmark;
        private final ResolvedProfile profile;
        private final ServiceRegistration<Collector> registration;
        private final ScapCollector collector;
        private final ResultDocuments documents;
        private final AtomicBoolean closed = new AtomicBoolean();

        Handle(Benchmark benchmark, ResolvedProfile profile, ServiceRegistration<Collector> registration,
                ScapCollector collector, ResultDocuments documents) {
            this.benchmark = benchmark;
            this.profile = profile;
            this.registration = registration;
            this.collector = collector;
            this.documents = documents;
        }

        @Override
        public void writeResults(Assessment assessment, ScapResultFormat format, OutputStream out)
                throws IOException {
            documents.write(assessment, collector.last(), format, out);
        }

        @Override
        public Benchmark benchmark() {
            return benchmark;
        }

        @Override
        public ResolvedProfile profile() {
            return profile;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                try {
                    registration.unregister();
                } catch (IllegalStateException e) {
                    // already gone with the bundle
                }
            }
        }
    }
}
