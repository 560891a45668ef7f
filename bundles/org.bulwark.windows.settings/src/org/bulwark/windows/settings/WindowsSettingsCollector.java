package org.bulwark.windows.settings;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.Source;
import org.bulwark.collector.api.SourceKind;
import org.bulwark.windows.api.PolicyFact;
import org.bulwark.windows.api.WindowsTarget;
import org.bulwark.windows.api.WindowsTargets;

/**
 * The fixed part of a Windows collector: a settings catalogue (a JSON resource of the subclass's bundle, read once
 * when the component is created) whose settings are resolved through the {@link SettingResolver}, plus the facts
 * a subclass adds in {@link #more}. On a root that is not a Windows system every key is UNAVAILABLE with
 * {@value #NOT_WINDOWS}. Immutable; thread-safe. The subclass is the DS component and passes its references.
 */
public abstract class WindowsSettingsCollector implements Collector {

    /** The reason every key has on a target that is not a Windows system volume. */
    public static final String NOT_WINDOWS = "the target is not a Windows system (no Windows/System32/config/SOFTWARE)";

    private final String id;
    private final Category category;
    private final SettingResolver resolver;
    private final WindowsTargets targets;
    private final List<Setting> settings;
    private final Set<String> provides;

    /**
     * @param catalogue the catalogue's path in the subclass's bundle, e.g. {@code settings/network.json}; {@code null}
     *                  for none
     * @param moreKeys  the keys {@link #more} reports
     * @throws IllegalStateException when the catalogue is missing or breaks its format (a defect of the bundle)
     */
    protected WindowsSettingsCollector(String id, Category category, String catalogue, Set<String> moreKeys,
            SettingResolver resolver, WindowsTargets targets) {
        this.id = Objects.requireNonNull(id, "id");
        this.category = Objects.requireNonNull(category, "category");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.targets = Objects.requireNonNull(targets, "targets");
        settings = catalogue == null ? List.of() : load(id, catalogue);
        Set<String> keys = new LinkedHashSet<>();
        settings.forEach(s -> keys.add(s.key()));
        for (String k : moreKeys) {
            if (!keys.add(k)) {
                throw new IllegalStateException(id + ": key " + k + " is both in " + catalogue + " and added");
            }
        }
        provides = Set.copyOf(keys);
    }

    private List<Setting> load(String collector, String catalogue) {
        try (InputStream in = getClass().getResourceAsStream("/" + catalogue)) {
            if (in == null) {
                throw new IllegalStateException(collector + ": no settings catalogue " + catalogue + " in the bundle");
            }
            return resolver.read(catalogue, in);
        } catch (IOException | CatalogException e) {
            throw new IllegalStateException(collector + ": " + e.getMessage(), e);
        }
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Category category() {
        return category;
    }

    @Override
    public final Set<String> provides() {
        return provides;
    }

    /** @return the catalogue's settings, in file order */
    public final List<Setting> settings() {
        return settings;
    }

    @Override
    public final List<Observation> collect(AssessmentContext context) {
        Optional<WindowsTarget> target = targets.open(context);
        List<Observation> out = new ArrayList<>();
        if (target.isEmpty()) {
            for (String key : provides) {
                out.add(Observation.unavailable(key, NOT_WINDOWS));
            }
            return out;
        }
        RegistryLookup lookup = resolver.lookup(target.get());
        for (Setting s : settings) {
            if (context.isCancelled()) {
                break;
            }
            out.add(resolver.resolve(s, lookup));
        }
        out.addAll(more(target.get(), context));
        return out;
    }

    /** @return the observations of the keys given to the constructor as {@code moreKeys}; none by default */
    protected List<Observation> more(WindowsTarget target, AssessmentContext context) {
        return List.of();
    }

    /**
     * @return {@code fact} as an observation of {@code key}: its value with the place it was read as a FILE
     *         source; an absent, unreadable or (offline) unavailable fact in that state with its reason
     */
    public static Observation observe(String key, PolicyFact fact) {
        Source where = fact.source().isEmpty() ? null : new Source(SourceKind.FILE, fact.source(), 0, null);
        return switch (fact.state()) {
            case PRESENT -> Observation.of(key, Long.toString(fact.value().getAsLong()), where);
            case ABSENT -> Observation.absent(key, where, fact.reason().isEmpty() ? null : fact.reason());
            case UNREADABLE -> Observation.unreadable(key, where, fact.reason());
            case UNAVAILABLE -> Observation.unavailable(key, fact.reason());
        };
    }
}
