package org.bulwark.collector.linux.accounts.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.Source;
import org.bulwark.linux.ColonFile;
import org.bulwark.linux.FileStat;
import org.bulwark.linux.LinuxCollector;
import org.bulwark.linux.TargetFiles;
import org.bulwark.linux.UnreadableException;
import org.osgi.service.component.annotations.Component;

/**
 * Home directories of interactive accounts (UID 1000 and up, or root, with a login shell). Each key lists the
 * offending {@code user:path} entries and is ABSENT when there is none:
 * {@code linux.accounts.home-missing}, {@code linux.accounts.home-not-owned} (owned by another UID),
 * {@code linux.accounts.home-permissive} (writable by the group or accessible by others, i.e. beyond 0750),
 * {@code linux.accounts.dotfiles-writable} ({@code .bashrc}, {@code .profile} and other dot files writable by
 * group or others) and {@code linux.accounts.forbidden-dotfiles} ({@code .rhosts}, {@code .netrc},
 * {@code .forward}).
 */
@Component(service = Collector.class)
public final class HomeDirectoriesCollector extends LinuxCollector {

    static final List<String> DOTFILES = List.of(".bashrc", ".bash_profile", ".bash_login", ".profile", ".bash_logout",
            ".zshrc", ".ssh", ".ssh/authorized_keys");
    static final List<String> FORBIDDEN = List.of(".rhosts", ".netrc", ".forward");

    private static final Set<String> PROVIDES = Set.of("linux.accounts.home-missing", "linux.accounts.home-not-owned",
            "linux.accounts.home-permissive", "linux.accounts.dotfiles-writable", "linux.accounts.forbidden-dotfiles");

    public HomeDirectoriesCollector() {
        super("linux.accounts.homes", Category.ACCOUNTS, PROVIDES);
    }

    @Override
    public List<Observation> collect(AssessmentContext context) {
        Path root = context.root();
        ColonFile passwd = ColonFile.passwd(root);
        Optional<Observation> failure = passwd.failure("x");
        if (failure.isPresent()) {
            List<Observation> result = new ArrayList<>();
            for (String key : List.of("linux.accounts.home-missing", "linux.accounts.home-not-owned",
                    "linux.accounts.home-permissive", "linux.accounts.dotfiles-writable",
                    "linux.accounts.forbidden-dotfiles")) {
                Observation f = passwd.failure(key).get();
                result.add(f);
            }
            return result;
        }
        List<String> missing = new ArrayList<>();
        List<String> notOwned = new ArrayList<>();
        List<String> permissive = new ArrayList<>();
        List<String> dotWritable = new ArrayList<>();
        List<String> forbidden = new ArrayList<>();
        String unreadable = null;
        for (ColonFile.Row r : passwd.rows()) {
            if (context.isCancelled()) {
                break;
            }
            long uid = Long.parseLong(r.get(2));
            String shell = r.get(6);
            boolean login = !shell.isEmpty() && !shell.endsWith("/nologin") && !shell.endsWith("/false")
                    && !shell.equals("/bin/sync");
            if (!login || uid != 0 && uid < AccountDatabaseCollector.UID_MIN || uid == 65534) {
                continue;
            }
            String user = r.name();
            String home = r.get(5);
            if (!home.startsWith("/")) {
                missing.add(user + ":" + home);
                continue;
            }
            try {
                Optional<FileStat> stat = FileStat.of(root, home);
                if (stat.isEmpty() || !stat.get().type().equals("directory")) {
                    missing.add(user + ":" + home);
                    continue;
                }
                if (stat.get().uid() != uid) {
                    notOwned.add(user + ":" + home);
                }
                if (!stat.get().atMost(0750)) {
                    permissive.add(user + ":" + home);
                }
                for (String dot : DOTFILES) {
                    Optional<FileStat> d = FileStat.of(root, TargetFiles.child(home, dot));
                    if (d.isPresent() && (Integer.parseInt(d.get().mode(), 8) & 0022) != 0) {
                        dotWritable.add(user + ":" + TargetFiles.child(home, dot));
                    }
                }
                for (String dot : FORBIDDEN) {
                    if (FileStat.of(root, TargetFiles.child(home, dot)).isPresent()) {
                        forbidden.add(user + ":" + TargetFiles.child(home, dot));
                    }
                }
            } catch (UnreadableException e) {
                unreadable = unreadable == null ? e.path() + ": " + e.reason() : unreadable;
            }
        }
        Source source = Source.derived("home directories of the accounts with a login shell in /etc/passwd");
        List<Observation> result = new ArrayList<>();
        result.add(list("linux.accounts.home-missing", missing, source, "every interactive account has a home directory",
                unreadable));
        result.add(list("linux.accounts.home-not-owned", notOwned, source, "every home directory belongs to its user",
                unreadable));
        result.add(list("linux.accounts.home-permissive", permissive, source,
                "no home directory is more permissive than 0750", unreadable));
        result.add(list("linux.accounts.dotfiles-writable", dotWritable, source,
                "no dot file is writable by group or others", unreadable));
        result.add(list("linux.accounts.forbidden-dotfiles", forbidden, source, "no .rhosts, .netrc or .forward files",
                unreadable));
        return result;
    }

    private static Observation list(String key, List<String> found, Source source, String none, String unreadable) {
        if (!found.isEmpty()) {
            return Observation.ofAll(key, found, source);
        }
        if (unreadable != null) {
            return Observation.unreadable(key, source, unreadable);
        }
        return Observation.absent(key, source, none);
    }
}
