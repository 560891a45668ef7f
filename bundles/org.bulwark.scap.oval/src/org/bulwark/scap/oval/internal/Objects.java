package org.bulwark.scap.oval.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bulwark.scap.OvalElement;
import org.bulwark.scap.oval.OvalItem;
import org.bulwark.scap.oval.OvalOutcome;

/**
 * Collects objects, each once per run: a {@code set} (UNION, INTERSECTION, COMPLEMENT of referenced objects and
 * nested sets, each filtered first) or the probe of the object's type, then its {@code filter}s ({@code exclude}
 * drops the items the state is true for, {@code include} keeps only those). Items are equal when all their
 * fields are.
 */
final class Objects {

    private final Run run;
    private final Map<String, Collected> cache = new HashMap<>();
    private final List<String> path = new ArrayList<>();

    Objects(Run run) {
        this.run = run;
    }

    /** @return what object {@code id} collects; never throws */
    Collected collect(String id) {
        Collected c = cache.get(id);
        if (c != null) {
            return c;
        }
        if (path.contains(id)) {
            return Collected.error("recursive object reference: " + String.join(" -> ", path) + " -> " + id);
        }
        OvalElement object = run.definitions().objects().get(id);
        if (object == null) {
            return Collected.error("unknown object " + id);
        }
        path.add(id);
        try {
            Optional<OvalElement> set = object.child("set");
            if (set.isPresent()) {
                c = set(set.get());
            } else {
                Probe probe = Probes.find(Run.family(object), object.name());
                if (probe == null) {
                    String type = object.name().replaceFirst("_object$", "_test");
                    c = Collected.unsupported("test type " + type + " (" + Run.family(object) + ") is not implemented");
                } else {
                    c = filter(object, probe.collect(object, run));
                }
            }
        } catch (OvalError e) {
            c = failed(e);
        } finally {
            path.remove(path.size() - 1);
        }
        cache.put(id, c);
        return c;
    }

    static Collected failed(OvalError e) {
        return new Collected(switch (e.outcome()) {
        case UNKNOWN -> Collected.Flag.NOT_COLLECTED;
        case NOT_EVALUATED -> Collected.Flag.UNSUPPORTED;
        case NOT_APPLICABLE -> Collected.Flag.NOT_APPLICABLE;
        default -> Collected.Flag.ERROR;
        }, List.of(), e.getMessage());
    }

    /** @return the object's entity of that name with its values, if it has one */
    Optional<Spec> spec(OvalElement object, String name) {
        return object.child(name).map(e -> Spec.of(e, run));
    }

    private Collected set(OvalElement set) {
        List<Collected> parts = new ArrayList<>();
        for (OvalElement c : set.children()) {
            if (c.name().equals("object_reference")) {
                parts.add(filter(set, collect(c.text())));
            } else if (c.name().equals("set")) {
                parts.add(filter(set, set(c)));
            }
        }
        for (Collected part : parts) {
            if (part.flag() == Collected.Flag.ERROR || part.flag() == Collected.Flag.NOT_COLLECTED
                    || part.flag() == Collected.Flag.UNSUPPORTED) {
                return part;
            }
        }
        String operator = Spec.or(set.attribute("set_operator"), "UNION");
        Set<OvalItem> out = new LinkedHashSet<>();
        switch (operator) {
        case "UNION" -> parts.forEach(p -> out.addAll(p.items()));
        case "INTERSECTION" -> {
            if (!parts.isEmpty()) {
                out.addAll(parts.get(0).items());
                parts.subList(1, parts.size()).forEach(p -> out.retainAll(p.items()));
            }
        }
        case "COMPLEMENT" -> {
            if (parts.size() != 2) {
                throw new OvalError(Run.where(set) + ": COMPLEMENT needs two operands, not " + parts.size());
            }
            out.addAll(parts.get(0).items());
            out.removeAll(parts.get(1).items());
        }
        default -> throw new OvalError(Run.where(set) + ": unknown set_operator \"" + operator + "\"");
        }
        boolean incomplete = parts.stream().anyMatch(p -> p.flag() == Collected.Flag.INCOMPLETE);
        List<OvalItem> items = List.copyOf(out);
        if (incomplete) {
            return new Collected(Collected.Flag.INCOMPLETE, items, parts.stream()
                    .filter(p -> p.flag() == Collected.Flag.INCOMPLETE).findFirst().orElseThrow().message());
        }
        return Collected.of(items);
    }

    /** Applies the {@code filter} children of {@code owner} (an object or a set) to what was collected. */
    private Collected filter(OvalElement owner, Collected c) {
        if (c.items().isEmpty()) {
            return c;
        }
        List<OvalItem> items = c.items();
        for (OvalElement f : owner.children()) {
            if (!f.name().equals("filter")) {
                continue;
            }
            OvalElement state = run.definitions().states().get(f.text());
            if (state == null) {
                throw new OvalError(Run.where(f) + ": unknown state " + f.text());
            }
            boolean exclude = !f.attribute("action").equals("include");
            List<OvalItem> kept = new ArrayList<>();
            for (OvalItem item : items) {
                Res r = States.evaluate(state, item, run);
                if (r.outcome() != OvalOutcome.TRUE && r.outcome() != OvalOutcome.FALSE) {
                    throw new OvalError(r.outcome(), "filter " + f.text() + ": " + r.message());
                }
                if ((r.outcome() == OvalOutcome.TRUE) != exclude) {
                    kept.add(item);
                }
            }
            items = kept;
        }
        if (items.isEmpty() && c.flag() == Collected.Flag.COMPLETE) {
            return Collected.of(items);
        }
        return new Collected(c.flag(), items, c.message());
    }
}
