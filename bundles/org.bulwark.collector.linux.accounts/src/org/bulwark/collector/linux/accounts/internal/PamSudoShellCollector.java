package org.bulwark.collector.linux.accounts.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.Source;
import org.bulwark.linux.DropInDirectories;
import org.bulwark.linux.FileStat;
import org.bulwark.linux.LinuxCollector;
import org.bulwark.linux.TargetFiles;
import org.bulwark.linux.TextFile;
import org.bulwark.linux.UnreadableException;
import org.osgi.service.component.annotations.Component;

/**
 * PAM, sudo and shell settings, each with the file and line that sets it:
 * <ul>
 * <li>{@code linux.pam.su.wheel}: the arguments of an active {@code pam_wheel.so} line in {@code /etc/pam.d/su}
 * (su restricted to a group), ABSENT when none;</li>
 * <li>{@code linux.pam.pwquality}, {@code linux.pam.faillock}: {@code yes} when {@code common-password} /
 * {@code common-auth} use the module, ABSENT when not;</li>
 * <li>{@code linux.pam.unix.hash}: the hashing method {@code pam_unix.so} uses in {@code common-password};</li>
 * <li>{@code linux.pam.unix.nullok}: the files whose {@code pam_unix.so} line allows empty passwords;</li>
 * <li>{@code linux.sudo.use_pty}, {@code linux.sudo.logfile}: global {@code Defaults} in {@code /etc/sudoers}
 * and {@code /etc/sudoers.d} (the last one wins); {@code linux.sudo.nopasswd}: {@code file:line} of rules with
 * {@code NOPASSWD};</li>
 * <li>{@code linux.shell.tmout}, {@code linux.shell.umask}: the last {@code TMOUT=} / {@code umask} in
 * {@code /etc/profile}, {@code /etc/profile.d/*.sh} and {@code /etc/bash.bashrc};</li>
 * <li>{@code linux.shell.root-path.problems}: what is wrong with the directories root's {@code PATH} is set to in
 * {@code /etc/environment}, {@code /etc/profile}, {@code /root/.profile} and {@code /root/.bashrc}, one value per
 * problem as {@code file:line: problem} (an empty entry, {@code .} or another relative entry, a directory that is
 * group- or world-writable or not owned by root); entries that name a variable other than {@code $PATH} and
 * directories that do not exist are not judged; ABSENT when there is no problem.</li>
 * </ul>
 */
@Component(service = Collector.class)
public final class PamSudoShellCollector extends LinuxCollector {

    private static final Set<String> PROVIDES = Set.of("linux.pam.su.wheel", "linux.pam.pwquality",
            "linux.pam.faillock", "linux.pam.unix.hash", "linux.pam.unix.nullok", "linux.sudo.use_pty",
            "linux.sudo.logfile", "linux.sudo.nopasswd", "linux.shell.tmout", "linux.shell.umask",
            "linux.shell.root-path.problems");

    /** The files that set root's PATH, in the order a root login shell reads them. */
    static final List<String> ROOT_PATH_FILES = List.of("/etc/environment", "/etc/profile", "/root/.profile",
            "/root/.bashrc");

    static final Set<String> HASHES = Set.of("yescrypt", "sha512", "sha256", "md5", "bigcrypt", "blowfish",
            "gost_yescrypt");

    public PamSudoShellCollector() {
        super("linux.accounts.pam-sudo-shell", Category.ACCOUNTS, PROVIDES);
    }

    /** A line of a file, with comments and surrounding blanks removed. */
    record Line(String file, int number, String text) {
        Source source() {
            return Source.file(file, number);
        }
    }

    /** Reads the active lines of {@code files} in order; the first unreadable file is returned as failure. */
    static List<Line> lines(Path root, List<String> files, String key, List<Observation> failure) {
        List<Line> result = new ArrayList<>();
        for (String path : files) {
            Optional<TextFile> file;
            try {
                file = TargetFiles.read(root, path);
            } catch (UnreadableException e) {
                if (failure.isEmpty()) {
                    failure.add(Observation.unreadable(key, Source.file(path, 0), path + ": " + e.reason()));
                }
                continue;
            }
            if (file.isEmpty()) {
                continue;
            }
            for (TextFile.Line l : file.get().content("#")) {
                result.add(new Line(path, l.number(), l.text()));
            }
        }
        return result;
    }

    @Override
    public List<Observation> collect(AssessmentContext context) {
        Path root = context.root();
        List<Observation> result = new ArrayList<>();
        result.add(pamModule(root, "linux.pam.su.wheel", "/etc/pam.d/su", "pam_wheel.so", true));
        result.add(pamModule(root, "linux.pam.pwquality", "/etc/pam.d/common-password", "pam_pwquality.so", false));
        result.add(pamModule(root, "linux.pam.faillock", "/etc/pam.d/common-auth", "pam_faillock.so", false));
        result.add(unixHash(root));
        result.add(nullok(root));
        result.addAll(sudo(root));
        result.addAll(shell(root));
        result.add(rootPath(root));
        return result;
    }

    static Observation pamModule(Path root, String key, String file, String module, boolean arguments) {
        List<Observation> failure = new ArrayList<>();
        for (Line l : lines(root, List.of(file), key, failure)) {
            String[] w = l.text().split("\\s+");
            int at = Arrays.asList(w).indexOf(module);
            if (at < 0) {
                at = indexOfModule(w, module);
            }
            if (at >= 0) {
                String args = String.join(" ", Arrays.copyOfRange(w, at + 1, w.length));
                return Observation.of(key, arguments ? (args.isEmpty() ? "(no arguments)" : args) : "yes", l.source());
            }
        }
        if (!failure.isEmpty()) {
            return failure.get(0);
        }
        return Observation.absent(key, Source.file(file, 0), "no active " + module + " line in " + file);
    }

    private static int indexOfModule(String[] words, String module) {
        for (int i = 0; i < words.length; i++) {
            if (words[i].endsWith("/" + module)) {
                return i;
            }
        }
        return -1;
    }

    static Observation unixHash(Path root) {
        String key = "linux.pam.unix.hash";
        String file = "/etc/pam.d/common-password";
        List<Observation> failure = new ArrayList<>();
        for (Line l : lines(root, List.of(file), key, failure)) {
            String[] w = l.text().split("\\s+");
            int at = indexOf(w, "pam_unix.so");
            if (at >= 0 && w[0].equals("password")) {
                for (int i = at + 1; i < w.length; i++) {
                    if (HASHES.contains(w[i])) {
                        return Observation.of(key, w[i], l.source());
                    }
                }
                return Observation.of(key, "login.defs", l.source().withDetail("no method argument: ENCRYPT_METHOD"));
            }
        }
        return failure.isEmpty() ? Observation.absent(key, Source.file(file, 0), "no pam_unix.so password line")
                : failure.get(0);
    }

    static Observation nullok(Path root) {
        String key = "linux.pam.unix.nullok";
        List<Observation> failure = new ArrayList<>();
        List<String> found = new ArrayList<>();
        Source first = null;
        for (Line l : lines(root, List.of("/etc/pam.d/common-auth", "/etc/pam.d/common-password"), key, failure)) {
            String[] w = l.text().split("\\s+");
            int at = indexOf(w, "pam_unix.so");
            if (at >= 0 && Arrays.asList(w).subList(at + 1, w.length).contains("nullok")) {
                found.add(l.file() + ":" + l.number());
                first = first == null ? l.source() : first;
            }
        }
        if (!failure.isEmpty()) {
            return failure.get(0);
        }
        return found.isEmpty() ? Observation.absent(key, Source.file("/etc/pam.d/common-auth", 0),
                "no pam_unix.so line allows empty passwords") : Observation.ofAll(key, found, first);
    }

    private static int indexOf(String[] words, String module) {
        int at = Arrays.asList(words).indexOf(module);
        return at >= 0 ? at : indexOfModule(words, module);
    }

    static List<Observation> sudo(Path root) {
        List<String> files = new ArrayList<>(List.of("/etc/sudoers"));
        for (DropInDirectories.Entry e : DropInDirectories.merge(root, List.of("/etc/sudoers.d"), "")) {
            String name = TargetFiles.nameOf(e.path());
            if (!name.endsWith("~") && !name.contains(".")) {
                files.add(e.path());
            }
        }
        List<Observation> failure = new ArrayList<>();
        List<Line> lines = lines(root, files, "linux.sudo.use_pty", failure);
        if (!failure.isEmpty()) {
            Observation f = failure.get(0);
            return List.of(f, new Observation("linux.sudo.logfile", f.state(), List.of(), f.source(), f.reason(), List.of()),
                    new Observation("linux.sudo.nopasswd", f.state(), List.of(), f.source(), f.reason(), List.of()));
        }
        Observation usePty = Observation.absent("linux.sudo.use_pty", Source.file("/etc/sudoers", 0),
                "use_pty is not set");
        Observation logfile = Observation.absent("linux.sudo.logfile", Source.file("/etc/sudoers", 0),
                "logfile is not set");
        List<String> nopasswd = new ArrayList<>();
        Source firstNopasswd = null;
        for (Line l : lines) {
            String t = l.text();
            if (t.startsWith("Defaults") && (t.length() == 8 || Character.isWhitespace(t.charAt(8)))) {
                for (String item : t.substring(8).split(",")) {
                    String s = item.strip();
                    if (s.equals("use_pty")) {
                        usePty = Observation.of("linux.sudo.use_pty", "yes", l.source());
                    } else if (s.equals("!use_pty")) {
                        usePty = Observation.of("linux.sudo.use_pty", "no", l.source());
                    } else if (s.startsWith("logfile")) {
                        int eq = s.indexOf('=');
                        if (eq > 0) {
                            logfile = Observation.of("linux.sudo.logfile",
                                    s.substring(eq + 1).strip().replace("\"", ""), l.source());
                        }
                    }
                }
            } else if (t.contains("NOPASSWD:")) {
                nopasswd.add(l.file() + ":" + l.number());
                firstNopasswd = firstNopasswd == null ? l.source() : firstNopasswd;
            }
        }
        Observation np = nopasswd.isEmpty()
                ? Observation.absent("linux.sudo.nopasswd", Source.file("/etc/sudoers", 0), "no NOPASSWD rule")
                : Observation.ofAll("linux.sudo.nopasswd", nopasswd, firstNopasswd);
        return List.of(usePty, logfile, np);
    }

    static List<Observation> shell(Path root) {
        List<String> files = new ArrayList<>(List.of("/etc/profile"));
        DropInDirectories.merge(root, List.of("/etc/profile.d"), ".sh").forEach(e -> files.add(e.path()));
        files.add("/etc/bash.bashrc");
        List<Observation> failure = new ArrayList<>();
        List<Line> lines = lines(root, files, "linux.shell.tmout", failure);
        if (!failure.isEmpty()) {
            Observation f = failure.get(0);
            return List.of(f, new Observation("linux.shell.umask", f.state(), List.of(), f.source(), f.reason(), List.of()));
        }
        Observation tmout = Observation.absent("linux.shell.tmout", Source.file("/etc/profile", 0),
                "TMOUT is not set in /etc/profile, /etc/profile.d or /etc/bash.bashrc");
        Observation umask = Observation.absent("linux.shell.umask", Source.file("/etc/profile", 0),
                "umask is not set in /etc/profile, /etc/profile.d or /etc/bash.bashrc");
        Pattern tm = Pattern.compile("(?:readonly\\s+|export\\s+|declare\\s+-r\\s+)?TMOUT=(\\d+)\\b.*");
        Pattern um = Pattern.compile("umask\\s+(0?[0-7]{3})\\b.*");
        for (Line l : lines) {
            Matcher m = tm.matcher(l.text());
            if (m.matches()) {
                tmout = Observation.of("linux.shell.tmout", m.group(1), l.source());
            }
            m = um.matcher(l.text());
            if (m.matches()) {
                String v = m.group(1);
                umask = Observation.of("linux.shell.umask", v.length() == 3 ? "0" + v : v, l.source());
            }
        }
        return List.of(tmout, umask);
    }

    private static final Pattern PATH_ASSIGNMENT = Pattern.compile(
            "(?:export\\s+|readonly\\s+|declare\\s+(?:-\\w+\\s+)*)?PATH=(\"[^\"]*\"|'[^']*'|[^\\s;]*).*");

    static Observation rootPath(Path root) {
        String key = "linux.shell.root-path.problems";
        List<Observation> failure = new ArrayList<>();
        List<Line> lines = lines(root, ROOT_PATH_FILES, key, failure);
        if (!failure.isEmpty()) {
            return failure.get(0);
        }
        List<String> problems = new ArrayList<>();
        Source first = null;
        int assignments = 0;
        for (Line l : lines) {
            String text = l.text();
            // one assignment per statement: "if ...; then PATH=...; fi" and "PATH=...; export PATH"
            for (String statement : text.split(";")) {
                Matcher m = PATH_ASSIGNMENT.matcher(statement.strip().replaceFirst("^(then|else|do)\\s+", ""));
                if (!m.matches()) {
                    continue;
                }
                assignments++;
                String value = m.group(1);
                if (value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'"))) {
                    value = value.substring(1, value.length() - 1);
                }
                int before = problems.size();
                String[] entries = value.split(":", -1);
                for (String entry : entries) {
                    String problem = pathEntryProblem(root, entry);
                    if (problem != null) {
                        problems.add(l.file() + ":" + l.number() + ": " + problem);
                    }
                }
                if (first == null && problems.size() > before) {
                    first = l.source();
                }
            }
        }
        if (problems.isEmpty()) {
            return Observation.absent(key, Source.derived("PATH set in " + String.join(", ", ROOT_PATH_FILES)),
                    assignments == 0 ? "PATH is not set in " + String.join(", ", ROOT_PATH_FILES)
                            + " (the login program's default applies)"
                            : "every directory of root's PATH is absolute, owned by root and not group- or world-writable");
        }
        return Observation.ofAll(key, problems.stream().distinct().toList(), first);
    }

    /** @return what is wrong with one entry of root's PATH, or null */
    static String pathEntryProblem(Path root, String entry) {
        if (entry.isEmpty()) {
            return "empty PATH entry (the current directory)";
        }
        if (entry.equals(".") || entry.equals("./")) {
            return "'.' in PATH (the current directory)";
        }
        if (entry.startsWith("$")) {
            return null; // $PATH, ${PATH} or another variable: not resolved here
        }
        if (!entry.startsWith("/")) {
            return "relative PATH entry '" + entry + "'";
        }
        if (entry.contains("$") || entry.contains("`")) {
            return null;
        }
        Optional<FileStat> stat;
        try {
            stat = FileStat.of(root, entry);
        } catch (UnreadableException e) {
            return entry + ": " + e.reason();
        }
        if (stat.isEmpty()) {
            return null;
        }
        FileStat s = stat.get();
        List<String> wrong = new ArrayList<>();
        if (!s.type().equals("directory")) {
            wrong.add("not a directory (" + s.type() + ")");
        }
        int mode = Integer.parseInt(s.mode(), 8);
        if ((mode & 0002) != 0) {
            wrong.add("world-writable (" + s.mode() + ")");
        } else if ((mode & 0020) != 0) {
            wrong.add("group-writable (" + s.mode() + ")");
        }
        if (s.uid() > 0) {
            wrong.add("owned by uid " + s.uid() + ", not root");
        }
        return wrong.isEmpty() ? null : entry + " in PATH is " + String.join(", ", wrong);
    }
}
