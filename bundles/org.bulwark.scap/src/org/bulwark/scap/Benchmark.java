package org.bulwark.scap;

import java.util.List;
import java.util.Map;

/**
 * An XCCDF 1.2 benchmark. Groups are flattened: every rule and value is listed once, in document order, with the
 * ids of the groups that contain it.
 *
 * @param id the benchmark id
 * @param version the benchmark's version text
 * @param title its title
 * @param platforms the CPE names or platform ids of its {@code platform} elements
 * @param profiles its profiles in document order
 * @param groups its groups in document order (nested groups flattened)
 * @param rules its rules in document order
 * @param values its values, by id
 */
public record Benchmark(String id, String version, String title, List<String> platforms, List<Profile> profiles,
        List<Group> groups, List<Rule> rules, Map<String, Value> values) {

    public Benchmark {
        platforms = List.copyOf(platforms);
        profiles = List.copyOf(profiles);
        groups = List.copyOf(groups);
        rules = List.copyOf(rules);
        values = Map.copyOf(values);
    }
}
