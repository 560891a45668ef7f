package org.bulwark.scap.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bulwark.scap.Benchmark;
import org.bulwark.scap.Group;
import org.bulwark.scap.Profile;
import org.bulwark.scap.ResolvedProfile;
import org.bulwark.scap.Rule;
import org.bulwark.scap.ScapContentException;
import org.bulwark.scap.Tailoring;
import org.bulwark.scap.Value;

/** Applies a profile's extends chain to a benchmark. Pure functions; the reader has checked every reference. */
final class ProfileResolver {

    private ProfileResolver() {
    }

    static ResolvedProfile resolve(Benchmark b, Optional<Tailoring> tailoring, String profileId)
            throws ScapContentException {
        Map<String, Profile> benchmarkProfiles = new HashMap<>();
        b.profiles().forEach(p -> benchmarkProfiles.put(p.id(), p));
        Map<String, Profile> tailored = new HashMap<>();
        tailoring.ifPresent(t -> t.profiles().forEach(p -> tailored.put(p.id(), p)));
        Profile leaf = tailored.getOrDefault(profileId, benchmarkProfiles.get(profileId));
        if (leaf == null) {
            String file = tailoring.map(Tailoring::file).orElse(b.id());
            throw new ScapContentException(file, "no profile \"" + Where.clip(profileId) + "\" in benchmark "
                    + b.id() + (tailoring.isPresent() ? " or its tailoring" : ""));
        }
        boolean own = tailored.get(leaf.id()) == leaf;
        List<Profile> chain = own ? chain(leaf, tailored, benchmarkProfiles, tailoring.get().file())
                : chain(leaf, benchmarkProfiles, Map.of(), b.id());

        Map<String, Boolean> selected = new HashMap<>();
        for (Group g : b.groups()) {
            selected.put(g.id(), g.selected());
        }
        for (Rule r : b.rules()) {
            selected.put(r.id(), r.selected());
        }
        Map<String, String> selectors = new HashMap<>();
        Map<String, String> set = new HashMap<>();
        Map<String, Profile.RefineRule> refined = new LinkedHashMap<>();
        for (Profile p : chain) {
            for (Profile.Selection s : p.selections()) {
                selected.put(s.idref(), s.selected());
            }
            for (Map.Entry<String, String> e : p.refineValues().entrySet()) {
                selectors.put(e.getKey(), e.getValue());
                set.remove(e.getKey());
            }
            for (Map.Entry<String, String> e : p.setValues().entrySet()) {
                set.put(e.getKey(), e.getValue());
            }
            for (Profile.RefineRule r : p.refineRules()) {
                refined.put(r.idref(), r);
            }
        }
        Map<String, Group> groups = new HashMap<>();
        b.groups().forEach(g -> groups.put(g.id(), g));
        List<String> rules = new ArrayList<>();
        for (Rule r : b.rules()) {
            if (selected.get(r.id()) && ancestorsSelected(r.groupId(), groups, selected)) {
                rules.add(r.id());
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Value v : b.values()) {
            String literal = set.get(v.id());
            values.put(v.id(), literal != null ? literal : v.select(selectors.getOrDefault(v.id(), "")));
        }
        return new ResolvedProfile(b.id(), leaf, tailored.containsKey(leaf.id()), rules, values, refined);
    }

    /**
     * The extends chain of a profile, its root first. A profile of {@code own} (a tailoring's) extends one of
     * {@code own} not yet in the chain, else one of {@code base} (the benchmark's, which may have the same id); a
     * profile of {@code base} extends one of {@code base}.
     *
     * @throws ScapContentException naming the chain when it comes back to a profile, or an unknown profile
     */
    static List<Profile> chain(Profile leaf, Map<String, Profile> own, Map<String, Profile> base, String file)
            throws ScapContentException {
        List<Profile> chain = new ArrayList<>();
        Set<Profile> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        boolean inOwn = own.get(leaf.id()) == leaf;
        for (Profile p = leaf; p != null; ) {
            seen.add(p);
            chain.add(p);
            String ext = p.extendsId();
            if (ext.isEmpty()) {
                break;
            }
            Profile next = null;
            if (inOwn && own.containsKey(ext) && !seen.contains(own.get(ext))) {
                next = own.get(ext);
            } else {
                inOwn = false;
                next = base.get(ext);
                if (next == null && !own.containsKey(ext)) {
                    throw new ScapContentException(file, "profile " + p.id() + " extends the unknown profile "
                            + Where.clip(ext));
                }
            }
            if (next == null || seen.contains(next)) {
                List<String> ids = new ArrayList<>();
                chain.forEach(c -> ids.add(c.id()));
                ids.add(ext);
                throw new ScapContentException(file, "profile " + leaf.id() + " extends itself through "
                        + String.join(" -> ", ids));
            }
            p = next;
        }
        Collections.reverse(chain);
        return chain;
    }

    private static boolean ancestorsSelected(String groupId, Map<String, Group> groups, Map<String, Boolean> selected) {
        int guard = 0;
        for (String g = groupId; !g.isEmpty() && guard++ < 10_000; g = groups.get(g).parentId()) {
            if (!selected.get(g)) {
                return false;
            }
        }
        return true;
    }
}
