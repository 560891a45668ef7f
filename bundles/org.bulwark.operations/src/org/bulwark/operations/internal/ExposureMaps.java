package org.bulwark.operations.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bulwark.operations.api.DeviceExposure;
import org.bulwark.operations.api.ExceptedFinding;
import org.bulwark.operations.api.ExposureReport;
import org.bulwark.operations.api.FeedAge;
import org.bulwark.store.api.StoredFeed;
import org.bulwark.vulnerability.api.Finding;
import org.bulwark.vulnerability.api.MatchProblem;
import org.bulwark.vulnerability.api.SoftwareRecommendation;

/** The JSON vocabulary of feeds and exposure, with Defender's field names where it has them. */
final class ExposureMaps {

    private ExposureMaps() {
    }

    static Map<String, Object> feed(FeedAge a) {
        StoredFeed f = a.feed();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("kind", f.kind());
        o.put("origin", f.origin());
        o.put("sha256", f.sha256());
        o.put("sourceDate", f.sourceDate());
        o.put("records", f.records());
        o.put("bytes", f.bytes());
        o.put("imported", f.imported().toString());
        o.put("ageSeconds", a.age().toSeconds());
        o.put("stale", a.stale());
        return o;
    }

    static Map<String, Object> exposure(ExposureReport r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("score", r.score().orElse(null));
        o.put("band", r.band().map(Enum::name).orElse(null));
        o.put("stale", r.stale());
        List<Object> feeds = new ArrayList<>();
        r.feeds().forEach(f -> feeds.add(feed(f)));
        o.put("feeds", feeds);
        List<Object> devices = new ArrayList<>();
        r.devices().forEach(d -> devices.add(device(d)));
        o.put("devices", devices);
        List<Object> recs = new ArrayList<>();
        r.recommendations().forEach(s -> recs.add(recommendation(s)));
        o.put("recommendations", recs);
        return o;
    }

    static Map<String, Object> device(DeviceExposure d) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", d.deviceId());
        o.put("hostname", d.hostname());
        o.put("release", d.release());
        o.put("reason", d.reason().isEmpty() ? null : d.reason());
        o.put("score", d.score().orElse(null));
        o.put("band", d.band().map(Enum::name).orElse(null));
        List<Object> findings = new ArrayList<>();
        d.findings().forEach(f -> findings.add(finding(f)));
        o.put("findings", findings);
        List<Object> excepted = new ArrayList<>();
        for (ExceptedFinding x : d.excepted()) {
            Map<String, Object> e = finding(x.finding());
            e.put("exceptionId", x.exception().id());
            e.put("justification", x.exception().justification().name());
            e.put("credited", x.credited());
            e.put("expires", x.exception().expires() == null ? null : x.exception().expires().toString());
            excepted.add(e);
        }
        o.put("excepted", excepted);
        o.put("undetermined", new ArrayList<Object>(d.undetermined()));
        List<Object> problems = new ArrayList<>();
        for (MatchProblem p : d.problems()) {
            problems.add(p.sourcePackage() + (p.vulnId().isEmpty() ? "" : " " + p.vulnId()) + ": " + p.reason());
        }
        o.put("problems", problems);
        return o;
    }

    static Map<String, Object> finding(Finding f) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("id", f.vulnId());
        x.put("aliases", new ArrayList<Object>(f.aliases()));
        x.put("sourcePackage", f.sourcePackage());
        x.put("binaries", new ArrayList<Object>(f.binaries()));
        x.put("installedVersion", f.installedSourceVersion());
        x.put("fixedVersion", f.fixedVersion().orElse(null));
        x.put("recommendedVersion", f.recommendedVersion().orElse(null));
        x.put("state", f.state().name());
        x.put("severity", f.severity().name());
        x.put("urgency", f.urgency());
        x.put("risk", f.risk());
        return x;
    }

    static Map<String, Object> recommendation(SoftwareRecommendation s) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", "sw-" + s.sourcePackage());
        o.put("recommendationName", s.name());
        o.put("sourcePackage", s.sourcePackage());
        o.put("remediationType", s.remediationType().name());
        o.put("recommendedVersion", s.recommendedVersion().orElse(null));
        o.put("binaries", new ArrayList<Object>(s.binaries()));
        o.put("weaknesses", new ArrayList<Object>(s.findings()));
        o.put("exposedMachinesCount", s.exposedDevices());
        o.put("exposureImpact", s.exposureImpact());
        o.put("configScoreImpact", s.secureScoreImpact());
        return o;
    }
}
