package org.bulwark.scap.content.internal;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The observation keys of the rules of one content: {@code scap.} and the rule id lower-cased, every character
 * an observation key does not allow replaced by {@code _} (an SSG id is kept as it is); a clash gets {@code -2},
 * {@code -3}… Each rule also has {@code <key>.applies}. Confined to one preparation.
 */
final class Keys {

    static final String PREFIX = "scap.";
    static final String APPLIES = ".applies";

    private final Set<String> taken = new HashSet<>();

    String of(String ruleId) {
        StringBuilder b = new StringBuilder();
        for (String segment : ruleId.toLowerCase(Locale.ROOT).split("\\.", -1)) {
            String s = segment.replaceAll("[^a-z0-9_-]", "_");
            b.append(b.length() == 0 ? "" : ".").append(s.isEmpty() ? "_" : s);
        }
        String key = PREFIX + b;
        String unique = key;
        for (int n = 2; !taken.add(unique) || !taken.add(unique + APPLIES); n++) {
            unique = key + "-" + n;
        }
        return unique;
    }
}
