package org.bulwark.scap;

import java.util.List;
import java.util.Map;

/**
 * An XCCDF 1.2 benchmark. Groups are flattened: every group, rule and value is listed once, in document order,
 * with the id of the group that contains it.
 *
 * @param id the benchmark id
 * @param version the benchmark's version text
 * @param title its title
 * @param platforms the {@code idref}s of its {@code platform} elements
 * @param cpePlatforms the CPE applicability language platforms of its {@code platform-specification}, by id
 *        (each a {@code cpe-lang:platform} element tree)
 * @param profiles its profiles in document order
 * @param groups its groups in document order (nested groups flattened)
 * @param rules its rules in document order
 * @param values its values in document order
 */
public record Benchmark(String id, String version, String title, List<String> platforms,
        Map<String, OvalElement> cpePlatforms, List<Profile> profiles, List<Group> groups, List<Rule> rules,
        List<Value> values) {

    public Benchmark {
        platforms = List.copyOf(platforms);
        cpePlatforms = Map.copyOf(cpePlatforms);
        profiles = List.copyOf(profiles);
        groups = List.copyOf(groups);
        rules = List.copyOf(rules);
        values = List.copyOf(values);
    }
}
