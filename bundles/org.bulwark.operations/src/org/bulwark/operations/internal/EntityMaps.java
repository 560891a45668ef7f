package org.bulwark.operations.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.inventory.SoftwareInventory;
import org.bulwark.collector.api.inventory.SoftwareItem;
import org.bulwark.operations.api.RecommendationRow;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.ControlRef;
import org.bulwark.scoring.api.ControlScore;
import org.bulwark.scoring.api.Coverage;
import org.bulwark.scoring.api.Device;
import org.bulwark.scoring.api.DeviceResults;
import org.bulwark.scoring.api.DeviceScore;
import org.bulwark.scoring.api.FleetScore;
import org.bulwark.scoring.api.Points;
import org.bulwark.store.api.AssessmentDiff;
import org.bulwark.store.api.AssessmentSummary;
import org.bulwark.store.api.Remediation;
import org.bulwark.store.api.SoftwareSummary;
import org.bulwark.store.api.StoredException;
import org.bulwark.store.api.StoredInventory;

/** The entities as JSON trees, in the OpenAPI document's vocabulary (see {@code EntityJson}). */
final class EntityMaps {

    private EntityMaps() {
    }

    static Map<String, Object> exception(StoredException s, Instant now) {
        ControlException e = s.exception();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", e.id());
        o.put("controlId", e.controlId());
        o.put("scope", name(e.scope()));
        o.put("target", e.target());
        o.put("justification", name(e.justification()));
        o.put("author", e.author());
        o.put("created", text(e.created()));
        o.put("expires", text(e.expires()));
        o.put("notes", e.notes());
        o.put("status", name(s.status(now)));
        o.put("cancelled", text(s.cancelled()));
        o.put("cancelledBy", s.cancelledBy());
        o.put("updated", text(s.updated()));
        o.put("updatedBy", s.updatedBy());
        return o;
    }

    static Map<String, Object> remediation(Remediation r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", r.id());
        o.put("title", r.title());
        o.put("controlId", r.controlId());
        o.put("category", name(r.category()));
        o.put("scope", name(r.scope()));
        o.put("devices", new ArrayList<Object>(r.devices()));
        o.put("group", r.group());
        o.put("priority", name(r.priority()));
        o.put("due", text(r.due()));
        o.put("attentionRequired", r.due() == null);
        o.put("notes", r.notes());
        o.put("requester", r.requester());
        o.put("created", text(r.created()));
        o.put("status", name(r.status()));
        o.put("completion", name(r.completion()));
        o.put("completed", text(r.completed()));
        o.put("targetDevices", r.targetDevices());
        o.put("fixedDevices", r.fixedDevices());
        o.put("cancelled", text(r.cancelled()));
        o.put("cancelledBy", r.cancelledBy());
        o.put("updated", text(r.updated()));
        o.put("updatedBy", r.updatedBy());
        return o;
    }

    static Map<String, Object> device(Device d) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", d.id());
        o.put("hostname", d.hostname());
        o.put("os", d.os());
        o.put("groups", new ArrayList<Object>(d.groups().stream().sorted().toList()));
        return o;
    }

    /** @return {@link #device(Device)} with {@code osPlatform} after {@code os} */
    static Map<String, Object> device(Device d, String osPlatform) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", d.id());
        o.put("hostname", d.hostname());
        o.put("os", d.os());
        o.put("osPlatform", osPlatform);
        o.put("groups", new ArrayList<Object>(d.groups().stream().sorted().toList()));
        return o;
    }

    static Map<String, Object> inventory(StoredInventory stored) {
        SoftwareInventory inv = stored.inventory();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("deviceId", stored.deviceId());
        o.put("assessmentId", stored.assessmentId());
        o.put("assessedAt", text(stored.assessedAt()));
        o.put("osId", stored.osId());
        o.put("osVersion", stored.osVersion());
        o.put("origin", inv.origin());
        o.put("state", inv.state().name());
        o.put("reason", inv.reason());
        List<Object> items = new ArrayList<>(inv.items().size());
        for (SoftwareItem i : inv.items()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", i.origin() + ":" + i.name() + (i.architecture().isEmpty() ? "" : ":" + i.architecture()));
            item.put("name", i.name());
            item.put("vendor", i.vendor());
            item.put("version", i.version());
            item.put("architecture", i.architecture());
            item.put("sourceName", i.sourceName());
            item.put("sourceVersion", i.sourceVersion());
            item.put("status", i.status());
            item.put("origin", i.origin());
            items.add(item);
        }
        o.put("items", items);
        o.put("problems", new ArrayList<Object>(inv.problems()));
        return o;
    }

    static Map<String, Object> software(SoftwareSummary s) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", s.origin() + ":" + s.name());
        o.put("name", s.name());
        o.put("vendor", s.vendor());
        o.put("origin", s.origin());
        o.put("installedMachines", s.devices());
        o.put("versions", new ArrayList<Object>(s.versions()));
        return o;
    }

    static Map<String, Object> summary(AssessmentSummary s) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", s.id());
        o.put("device", device(s.device()));
        o.put("started", text(s.started()));
        o.put("finished", text(s.finished()));
        points(o, s.points());
        o.put("categories", categories(s.categories()));
        o.put("coverage", coverage(s.coverage()));
        o.put("content", new ArrayList<Object>(s.content()));
        o.put("complete", s.complete());
        o.put("exposureScore", s.exposure().orElse(null));
        return o;
    }

    static Map<String, Object> diff(AssessmentDiff d) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("from", summary(d.from()));
        o.put("to", summary(d.to()));
        o.put("scoreDelta", number(d.scoreDelta()));
        o.put("earnedDelta", d.to().points().earned() - d.from().points().earned());
        o.put("possibleDelta", d.to().points().possible() - d.from().points().possible());
        List<Object> changes = new ArrayList<>();
        for (AssessmentDiff.Change c : d.changes()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("kind", name(c.kind()));
            x.put("controlId", c.controlId());
            x.put("title", c.title());
            x.put("before", name(c.before()));
            x.put("after", name(c.after()));
            x.put("exceptionId", c.exceptionId());
            x.put("earnedDelta", c.earnedDelta() + 0.0); // no -0.0
            x.put("possibleDelta", c.possibleDelta() + 0.0);
            changes.add(x);
        }
        o.put("changes", changes);
        return o;
    }

    static Map<String, Object> recommendation(RecommendationRow r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", r.controlId());
        o.put("title", r.title());
        o.put("category", name(r.category()));
        o.put("weight", r.weight());
        o.put("impact", r.impact());
        o.put("exposedMachines", r.exposedDevices().size());
        o.put("exceptedMachines", r.exceptedDevices());
        o.put("status", name(r.status()));
        o.put("remediationType", name(r.remediationType()));
        o.put("remediation", r.remediation());
        o.put("description", r.description());
        return o;
    }

    static Map<String, Object> fleet(FleetScore score, Map<String, ControlRef> controls,
            Collection<DeviceResults> devices) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("time", text(score.computedAt()));
        points(o, score.points());
        o.put("machines", score.devices().size());
        o.put("categories", categories(score.categories()));
        o.put("coverage", coverage(score.coverage()));
        Map<String, DeviceResults> byId = new LinkedHashMap<>();
        devices.forEach(d -> byId.put(d.device().id(), d));
        List<Object> list = new ArrayList<>();
        for (DeviceScore d : score.devices()) {
            DeviceResults results = byId.get(d.deviceId());
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("device", results == null ? null : device(results.device()));
            x.put("assessedAt", results == null ? null : text(results.assessedAt()));
            points(x, d.points());
            x.put("coverage", coverage(d.coverage()));
            list.add(x);
        }
        o.put("devices", list);
        List<Object> parts = new ArrayList<>();
        for (ControlScore c : score.controls()) {
            ControlRef ref = controls.get(c.controlId());
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", c.controlId());
            x.put("title", ref == null ? null : ref.title());
            x.put("category", name(c.category()));
            x.put("weight", c.weight());
            x.put("countedDevices", c.countedDevices());
            x.put("credit", c.credit());
            x.put("points", c.points());
            x.put("impact", c.impact());
            x.put("exposedMachines", c.exposed());
            x.put("exceptedMachines", c.excepted());
            parts.add(x);
        }
        o.put("controls", parts);
        o.put("inactive", new ArrayList<Object>(score.inactive()));
        return o;
    }

    /** Puts {@code score} ({@code null} when nothing is counted), {@code rawPoints} and {@code maxPoints}. */
    private static void points(Map<String, Object> o, Points p) {
        o.put("score", p.hasScore() ? p.score() : null);
        o.put("rawPoints", p.earned());
        o.put("maxPoints", p.possible());
    }

    /** @return per category constant (every one, in order): score, rawPoints, maxPoints */
    private static Map<String, Object> categories(Map<Category, Points> points) {
        Map<String, Object> categories = new LinkedHashMap<>();
        for (Category c : Category.values()) {
            Map<String, Object> p = new LinkedHashMap<>();
            points(p, points.getOrDefault(c, new Points(0, 0)));
            categories.put(c.name(), p);
        }
        return categories;
    }

    private static Map<String, Object> coverage(Coverage c) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("counted", c.counted());
        o.put("passed", c.passed());
        o.put("failed", c.failed());
        o.put("errors", c.errors());
        o.put("unknown", c.unknown());
        o.put("notChecked", c.notChecked());
        o.put("notApplicable", c.notApplicable());
        o.put("informational", c.informational());
        return o;
    }

    private static Double number(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : v + 0.0;
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    private static String text(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
