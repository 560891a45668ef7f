package org.bulwark.scap.oval.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bulwark.linux.TargetFiles;
import org.bulwark.linux.UnreadableException;
import org.bulwark.scap.OvalElement;
import org.bulwark.scap.oval.OvalItem;

/**
 * independent {@code textfilecontent54}: the pattern is searched in each file's whole text (UTF-8, invalid bytes
 * replaced); {@code behaviors multiline} (default true) lets {@code ^} and {@code $} match at line ends,
 * {@code singleline} (default false) lets {@code .} match a line end, {@code ignore_case} ignores case. Each match
 * is an instance numbered from 1, the item carrying the matched {@code text} and its groups as
 * {@code subexpression}s (a group that did not take part is {@code ""}). Only regular files (after links inside the
 * root) are read, at most {@value #MAX_TEXT} bytes each and {@value #MAX_MATCHES} matches per file and pattern.
 */
final class TextProbes {

    static final long MAX_TEXT = 16L * 1024 * 1024;
    static final int MAX_MATCHES = 100_000;

    private TextProbes() {
    }

    static Collected textfilecontent54(OvalElement object, Run run) {
        Spec pattern = run.objects().spec(object, "pattern")
                .orElseThrow(() -> new OvalError(Run.where(object) + ": no pattern"));
        Spec instance = run.objects().spec(object, "instance")
                .orElseThrow(() -> new OvalError(Run.where(object) + ": no instance"));
        Optional<OvalElement> behaviors = object.child("behaviors");
        int flags = 0;
        if (!behaviors.map(b -> b.attribute("multiline")).orElse("").equals("false")) {
            flags |= Pattern.MULTILINE;
        }
        if (behaviors.map(b -> b.attribute("singleline")).orElse("").equals("true")) {
            flags |= Pattern.DOTALL;
        }
        if (behaviors.map(b -> b.attribute("ignore_case")).orElse("").equals("true")) {
            flags |= Pattern.CASE_INSENSITIVE;
        }
        if (!pattern.operation().equals("pattern match")) {
            throw new OvalError(Run.where(object) + ": pattern operation \"" + pattern.operation()
                    + "\" is not implemented (only pattern match)");
        }
        String where = Run.where(object.child("pattern").orElseThrow());
        List<Pattern> patterns = new ArrayList<>();
        for (String p : pattern.values()) {
            patterns.add(run.regexes().pattern(p, flags, where));
        }
        TargetPaths.Found found = TargetPaths.locate(object, run);
        List<OvalItem> items = new ArrayList<>();
        for (TargetPaths.Located l : found.located()) {
            Optional<String> text = text(run, l.filepath());
            if (text.isEmpty()) {
                continue;
            }
            for (int p = 0; p < patterns.size(); p++) {
                Matcher m = Regexes.bounded(patterns.get(p), text.get(), where);
                int n = 0;
                while (m.find()) {
                    if (++n > MAX_MATCHES) {
                        throw new OvalError(where + ": more than " + MAX_MATCHES + " matches in " + l.filepath());
                    }
                    if (!instance.selects(Integer.toString(n), run.regexes())) {
                        continue;
                    }
                    Map<String, List<String>> f = new LinkedHashMap<>(FileProbes.located(l));
                    f.put("pattern", List.of(pattern.values().get(p)));
                    f.put("instance", List.of(Integer.toString(n)));
                    f.put("text", List.of(m.group()));
                    List<String> groups = new ArrayList<>();
                    for (int g = 1; g <= m.groupCount(); g++) {
                        groups.add(m.group(g) == null ? "" : m.group(g));
                    }
                    if (!groups.isEmpty()) {
                        f.put("subexpression", groups);
                    }
                    items.add(new OvalItem("textfilecontent_item", f));
                    if (m.end() == m.start() && m.end() >= text.get().length()) {
                        break;
                    }
                }
            }
        }
        return FileProbes.result(items, found);
    }

    /**
     * @return the text of a regular file of the target (read once per run), empty when it is none
     * @throws OvalError when it cannot be read
     */
    static Optional<String> text(Run run, String path) {
        Object cached = run.fact("text:" + path, () -> {
            try {
                if (!TargetFiles.isRegularFile(run.root(), path)) {
                    return Optional.empty();
                }
                return TargetFiles.readBytes(run.root(), path, MAX_TEXT)
                        .map(b -> new String(b, StandardCharsets.UTF_8));
            } catch (UnreadableException e) {
                return new OvalError(e.path() + ": " + e.reason());
            }
        });
        if (cached instanceof OvalError e) {
            throw e;
        }
        @SuppressWarnings("unchecked")
        Optional<String> text = (Optional<String>) cached;
        return text;
    }
}
