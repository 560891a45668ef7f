package org.bulwark.scap;

import java.util.Map;

/**
 * One OVAL 5.11 definitions document (a data stream component or a plain file). Each item is kept as the small
 * element tree it is written as; the evaluator interprets it by its element name.
 *
 * @param id the component id, or the file name for a plain file
 * @param schemaVersion the {@code generator/schema_version}
 * @param definitions definitions by id
 * @param tests tests by id
 * @param objects objects by id
 * @param states states by id
 * @param variables variables by id
 */
public record OvalDefinitions(String id, String schemaVersion, Map<String, OvalElement> definitions,
        Map<String, OvalElement> tests, Map<String, OvalElement> objects, Map<String, OvalElement> states,
        Map<String, OvalElement> variables) {

    public OvalDefinitions {
        definitions = Map.copyOf(definitions);
        tests = Map.copyOf(tests);
        objects = Map.copyOf(objects);
        states = Map.copyOf(states);
        variables = Map.copyOf(variables);
    }
}
