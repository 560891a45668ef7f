package org.bulwark.scap;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An element of an OVAL document as written.
 *
 * @param name the local name, e.g. {@code textfilecontent54_test}
 * @param namespace the namespace URI
 * @param line the 1-based line it starts on
 * @param attributes its attributes by local name
 * @param text its text content (trimmed), {@code ""} when it has element children only
 * @param children its child elements in document order
 */
public record OvalElement(String name, String namespace, int line, Map<String, String> attributes, String text,
        List<OvalElement> children) {

    public OvalElement {
        attributes = Map.copyOf(attributes);
        children = List.copyOf(children);
    }

    /** @return the attribute's value, or {@code ""} */
    public String attribute(String local) {
        return attributes.getOrDefault(local, "");
    }

    /** @return the first child of that local name */
    public Optional<OvalElement> child(String local) {
        return children.stream().filter(c -> c.name.equals(local)).findFirst();
    }
}
