package org.bulwark.collector.linux.accounts.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.Source;
import org.bulwark.linux.ColonFile;
import org.bulwark.linux.LinuxCollector;
import org.osgi.service.component.annotations.Component;

/**
 * Facts derived from the account databases {@code /etc/passwd}, {@code /etc/shadow} and {@code /etc/group}.
 * Each list-valued key names the offending accounts or ids, with the line of the first one as source, and is
 * ABSENT when there is none, so that controls expect {@code absent}:
 * {@code linux.accounts.uid0} (UID 0 besides root), {@code .empty-password}, {@code .unshadowed},
 * {@code .duplicate-uids}, {@code .duplicate-gids}, {@code .duplicate-usernames}, {@code .duplicate-groupnames},
 * {@code .system-with-shell}, {@code .legacy-entries}, {@code .missing-groups}, {@code .shadow-group-members},
 * {@code .pass-max-days-exceeded}; and {@code linux.accounts.root-gid}.
 */
@Component(service = Collector.class)
public final class AccountDatabaseCollector extends LinuxCollector {

    /** The most days a password may be used, as CIS requires. */
    static final int MAX_DAYS = 365;

    /** Below this UID accounts are system accounts ({@code UID_MIN} of Debian's login.defs). */
    static final int UID_MIN = 1000;

    static final Set<String> SHELLS_ALLOWED_FOR_SYSTEM = Set.of("root", "sync", "shutdown", "halt");

    private static final Set<String> PROVIDES = Set.of("linux.accounts.uid0", "linux.accounts.empty-password",
            "linux.accounts.unshadowed", "linux.accounts.duplicate-uids", "linux.accounts.duplicate-gids",
            "linux.accounts.duplicate-usernames", "linux.accounts.duplicate-groupnames",
            "linux.accounts.system-with-shell", "linux.accounts.legacy-entries", "linux.accounts.missing-groups",
            "linux.accounts.shadow-group-members", "linux.accounts.pass-max-days-exceeded", "linux.accounts.root-gid");

    public AccountDatabaseCollector() {
        super("linux.accounts.databases", Category.ACCOUNTS, PROVIDES);
    }

    /** The offending entries found so far for one key: name to row. */
    private static final class Findings {
        final Map<String, ColonFile.Row> found = new LinkedHashMap<>();

        void add(String value, ColonFile.Row row) {
            found.putIfAbsent(value, row);
        }

        Observation observe(String key, ColonFile file, String noneReason) {
            Optional<Observation> failure = file.failure(key);
            if (failure.isPresent()) {
                return failure.get();
            }
            if (found.isEmpty()) {
                return Observation.absent(key, Source.file(file.path(), 0), noneReason);
            }
            ColonFile.Row first = found.values().iterator().next();
            return Observation.ofAll(key, new ArrayList<>(found.keySet()), Source.file(file.path(), first.line()));
        }
    }

    @Override
    public List<Observation> collect(AssessmentContext context) {
        Path root = context.root();
        ColonFile passwd = ColonFile.passwd(root);
        ColonFile shadow = ColonFile.shadow(root);
        ColonFile group = ColonFile.group(root);
        List<Observation> result = new ArrayList<>();

        Findings uid0 = new Findings();
        Findings unshadowed = new Findings();
        Findings systemShell = new Findings();
        Findings missingGroups = new Findings();
        Set<String> gids = new LinkedHashSet<>();
        group.rows().forEach(r -> gids.add(r.get(2)));
        for (ColonFile.Row r : passwd.rows()) {
            if (r.get(2).equals("0") && !r.name().equals("root")) {
                uid0.add(r.name(), r);
            }
            if (!r.get(1).equals("x")) {
                unshadowed.add(r.name(), r);
            }
            String shell = r.get(6);
            boolean loginShell = !shell.isEmpty() && !shell.endsWith("/nologin") && !shell.endsWith("/false");
            if (Long.parseLong(r.get(2)) < UID_MIN && !SHELLS_ALLOWED_FOR_SYSTEM.contains(r.name()) && loginShell) {
                systemShell.add(r.name(), r);
            }
            if (group.exists() && group.failure("x").isEmpty() && !gids.contains(r.get(3))) {
                missingGroups.add(r.get(3), r);
            }
        }
        result.add(uid0.observe("linux.accounts.uid0", passwd, "no account besides root has UID 0"));
        result.add(unshadowed.observe("linux.accounts.unshadowed", passwd, "every account's password is in /etc/shadow"));
        result.add(systemShell.observe("linux.accounts.system-with-shell", passwd,
                "no system account has a login shell"));
        result.add(group.failure("linux.accounts.missing-groups")
                .orElseGet(() -> missingGroups.observe("linux.accounts.missing-groups", passwd,
                        "every primary group exists in /etc/group")));
        result.add(duplicates("linux.accounts.duplicate-uids", passwd, r -> r.get(2)));
        result.add(duplicates("linux.accounts.duplicate-usernames", passwd, ColonFile.Row::name));
        result.add(duplicates("linux.accounts.duplicate-gids", group, r -> r.get(2)));
        result.add(duplicates("linux.accounts.duplicate-groupnames", group, ColonFile.Row::name));

        Optional<ColonFile.Row> root0 = passwd.find("root");
        result.add(passwd.failure("linux.accounts.root-gid").orElseGet(() -> root0.isPresent()
                ? Observation.of("linux.accounts.root-gid", root0.get().get(3), Source.file(passwd.path(), root0.get().line()))
                : Observation.absent("linux.accounts.root-gid", Source.file(passwd.path(), 0), "no root account")));

        Findings empty = new Findings();
        Findings maxDays = new Findings();
        for (ColonFile.Row r : shadow.rows()) {
            String hash = r.get(1);
            if (hash.isEmpty()) {
                empty.add(r.name(), r);
            }
            boolean usable = !hash.isEmpty() && !hash.startsWith("!") && !hash.startsWith("*");
            if (usable && (r.get(4).isEmpty() || !r.get(4).matches("\\d+") || Long.parseLong(r.get(4)) > MAX_DAYS)) {
                maxDays.add(r.name(), r);
            }
        }
        result.add(empty.observe("linux.accounts.empty-password", shadow, "no account has an empty password hash"));
        result.add(maxDays.observe("linux.accounts.pass-max-days-exceeded", shadow,
                "every account with a password must change it within " + MAX_DAYS + " days"));

        Findings shadowMembers = new Findings();
        Optional<ColonFile.Row> shadowGroup = group.find("shadow");
        if (shadowGroup.isPresent()) {
            for (String m : shadowGroup.get().get(3).split(",")) {
                if (!m.isBlank()) {
                    shadowMembers.add(m.strip(), shadowGroup.get());
                }
            }
            for (ColonFile.Row r : passwd.rows()) {
                if (r.get(3).equals(shadowGroup.get().get(2))) {
                    shadowMembers.add(r.name(), shadowGroup.get());
                }
            }
        }
        result.add(passwd.failure("linux.accounts.shadow-group-members").orElseGet(() -> shadowMembers
                .observe("linux.accounts.shadow-group-members", group, "the shadow group has no members")));

        Findings legacy = new Findings();
        for (ColonFile f : List.of(passwd, shadow, group)) {
            for (ColonFile.Row r : f.legacy()) {
                legacy.add(f.path() + ":" + r.line(), r);
            }
        }
        result.add(legacy.found.isEmpty()
                ? Observation.absent("linux.accounts.legacy-entries", Source.file(passwd.path(), 0),
                        "no '+' or '-' NIS entries in passwd, shadow or group")
                : Observation.ofAll("linux.accounts.legacy-entries", new ArrayList<>(legacy.found.keySet()),
                        Source.derived("NIS compatibility entries")));
        return result;
    }

    private static Observation duplicates(String key, ColonFile file, Function<ColonFile.Row, String> field) {
        Map<String, ColonFile.Row> seen = new LinkedHashMap<>();
        Findings dups = new Findings();
        for (ColonFile.Row r : file.rows()) {
            ColonFile.Row earlier = seen.putIfAbsent(field.apply(r), r);
            if (earlier != null) {
                dups.add(field.apply(r), r);
            }
        }
        return dups.observe(key, file, "no duplicates in " + file.path());
    }
}
