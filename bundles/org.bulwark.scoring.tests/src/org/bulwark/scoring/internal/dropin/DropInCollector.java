package org.bulwark.scoring.internal.dropin;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.Source;

/**
 * Not used in place: {@code DropInPluginOsgiTest} copies this class into plug-in jars it builds, with a DS
 * descriptor whose properties name the collector's id, key and value. Depends on the collector API only.
 */
public final class DropInCollector implements Collector {

    private String id = "unset";
    private String key = "unset";
    private String value = "";

    /** DS activation: takes id, key and value from the component's properties. */
    public void activate(Map<String, Object> properties) {
        id = String.valueOf(properties.get("collector.id"));
        key = String.valueOf(properties.get("collector.key"));
        value = String.valueOf(properties.get("collector.value"));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Category category() {
        return Category.APPLICATION;
    }

    @Override
    public Set<String> provides() {
        return Set.of(key);
    }

    @Override
    public List<Observation> collect(AssessmentContext context) {
        return List.of(Observation.of(key, value, Source.file("/etc/dropin.conf", 1)));
    }
}
