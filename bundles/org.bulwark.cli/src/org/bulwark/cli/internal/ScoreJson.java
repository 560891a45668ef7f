package org.bulwark.cli.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bulwark.collector.api.Category;
import org.bulwark.operations.api.EntityJson;
import org.bulwark.scoring.api.ControlRef;
import org.bulwark.scoring.api.ControlScore;
import org.bulwark.scoring.api.Coverage;
import org.bulwark.scoring.api.DeviceResults;
import org.bulwark.scoring.api.DeviceScore;
import org.bulwark.scoring.api.FleetScore;
import org.bulwark.scoring.api.Points;

/**
 * {@code bulwark score --format json}: a fleet score in the vocabulary of {@link EntityJson} (score, rawPoints and
 * maxPoints unrounded, {@code null} score where nothing is counted; categories by constant; coverage as in an
 * assessment summary; devices as {@link EntityJson#device}).
 */
final class ScoreJson {

    private ScoreJson() {
    }

    /**
     * @return time, score, rawPoints, maxPoints, machines, categories (per category constant: score, rawPoints,
     *         maxPoints), coverage, devices (each: device, assessedAt, score, rawPoints, maxPoints, coverage),
     *         controls (each: id, title, category, weight, countedDevices, credit, points, impact,
     *         exposedMachines, exceptedMachines), inactive (device ids)
     */
    static Map<String, Object> fleet(EntityJson json, FleetScore score, Map<String, ControlRef> controls,
            Collection<DeviceResults> devices) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("time", score.computedAt().toString());
        points(o, score.points());
        o.put("machines", score.devices().size());
        Map<String, Object> categories = new LinkedHashMap<>();
        for (Category c : Category.values()) {
            Map<String, Object> p = new LinkedHashMap<>();
            points(p, score.categories().getOrDefault(c, new Points(0, 0)));
            categories.put(c.name(), p);
        }
        o.put("categories", categories);
        o.put("coverage", coverage(score.coverage()));
        Map<String, DeviceResults> byId = new LinkedHashMap<>();
        devices.forEach(d -> byId.put(d.device().id(), d));
        List<Object> list = new ArrayList<>();
        for (DeviceScore d : score.devices()) {
            DeviceResults results = byId.get(d.deviceId());
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("device", results == null ? null : json.device(results.device()));
            x.put("assessedAt", results == null ? null : results.assessedAt().toString());
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
            x.put("category", c.category().name());
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

    /** Puts score ({@code null} when nothing is counted), rawPoints and maxPoints, as an assessment summary has them. */
    private static void points(Map<String, Object> o, Points p) {
        o.put("score", p.hasScore() ? p.score() : null);
        o.put("rawPoints", p.earned());
        o.put("maxPoints", p.possible());
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
}
