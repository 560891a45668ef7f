package org.bulwark.scap.oval.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bulwark.linux.TargetFiles;
import org.bulwark.linux.UnreadableException;
import org.bulwark.scap.OvalElement;

/**
 * The file system objects a file-ish object names (OVAL's {@code filepath}, or {@code path} + {@code filename}
 * with {@code behaviors}), found below the target's root. Every directory is resolved with
 * {@link TargetFiles#resolve} (links confined to the root) and listed without following its entries; the last
 * component of a path is never followed (a link is an item of its own). A pattern on a path is searched below
 * its literal leading directories. {@code recurse_file_system} is treated as {@code all} (a root has no
 * mounts to tell apart); {@code /proc}, {@code /sys} and {@code /dev} are not entered by a recursion. At most
 * {@value #MAX_ENTRIES} entries are visited and {@value #MAX_DEPTH} directory levels entered per object.
 */
final class TargetPaths {

    static final int MAX_ENTRIES = 200_000;
    static final int MAX_DEPTH = 64;

    private static final Set<String> VIRTUAL = Set.of("/proc", "/sys", "/dev");

    /** A file system object: its full path, directory and name ({@code ""} for a directory itself). */
    record Located(String filepath, String path, String filename) {
    }

    /** What was found, and the first directory that could not be listed (then the collection is incomplete). */
    record Found(List<Located> located, String problem) {
    }

    private final Run run;
    private int visited;
    private String problem;

    private TargetPaths(Run run) {
        this.run = run;
    }

    static Found locate(OvalElement object, Run run) {
        TargetPaths t = new TargetPaths(run);
        List<Located> out = t.find(object);
        return new Found(out, t.problem);
    }

    private List<Located> find(OvalElement object) {
        Optional<Spec> filepath = run.objects().spec(object, "filepath");
        List<Located> out = new ArrayList<>();
        if (filepath.isPresent()) {
            Spec s = filepath.get();
            List<String> candidates = s.exact() ? s.values() : walk(base(s), false);
            for (String c : candidates) {
                if (c.startsWith("/") && s.selects(c, run.regexes()) && lexists(c)) {
                    out.add(new Located(c, TargetFiles.parentOf(c), TargetFiles.nameOf(c)));
                }
            }
            return out;
        }
        Spec path = run.objects().spec(object, "path").orElseThrow(
                () -> new OvalError(Run.where(object) + ": neither filepath nor path is given"));
        Optional<Spec> filename = run.objects().spec(object, "filename");
        List<String> dirs = new ArrayList<>();
        for (String d : path.exact() ? path.values() : walk(base(path), true)) {
            if (d.startsWith("/") && path.selects(d, run.regexes()) && isDirectory(d)) {
                dirs.add(d);
            }
        }
        Optional<OvalElement> behaviors = object.child("behaviors");
        String direction = behaviors.map(b -> b.attribute("recurse_direction")).orElse("");
        int maxDepth = behaviors.map(b -> depth(b)).orElse(-1);
        String recurse = behaviors.map(b -> Spec.or(b.attribute("recurse"), "symlinks and directories"))
                .orElse("symlinks and directories");
        if (direction.equals("down")) {
            dirs = down(dirs, maxDepth, recurse.contains("symlinks"));
        } else if (direction.equals("up")) {
            dirs = up(dirs, maxDepth);
        }
        for (String dir : dirs) {
            if (filename.isEmpty() || filename.get().nil()) {
                out.add(new Located(dir, dir, ""));
                continue;
            }
            for (String name : names(dir)) {
                if (filename.get().selects(name, run.regexes())) {
                    out.add(new Located(TargetFiles.child(dir, name), dir, name));
                }
            }
        }
        return out;
    }

    private static int depth(OvalElement behaviors) {
        String d = behaviors.attribute("max_depth").strip();
        try {
            return d.isEmpty() ? -1 : Integer.parseInt(d);
        } catch (NumberFormatException e) {
            throw new OvalError(Run.where(behaviors) + ": max_depth \"" + d + "\" is not an int");
        }
    }

    /** @return the directories and every directory below them, to {@code maxDepth} levels (-1: no limit) */
    private List<String> down(List<String> starts, int maxDepth, boolean followLinks) {
        List<String> out = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        record Dir(String path, int depth) {
        }
        Deque<Dir> todo = new ArrayDeque<>();
        for (String s : starts) {
            todo.add(new Dir(s, 0));
        }
        while (!todo.isEmpty()) {
            Dir d = todo.poll();
            Path real = resolved(d.path());
            if (real == null || !seen.add(real)) {
                continue;
            }
            out.add(d.path());
            if (maxDepth >= 0 && d.depth() >= maxDepth) {
                continue;
            }
            if (d.depth() >= MAX_DEPTH) {
                throw new OvalError("more than " + MAX_DEPTH + " directory levels below " + starts.get(0));
            }
            for (String name : names(d.path())) {
                String child = TargetFiles.child(d.path(), name);
                if (VIRTUAL.contains(child)) {
                    continue;
                }
                boolean link = Files.isSymbolicLink(real.resolve(name));
                if ((link ? followLinks : true) && isDirectory(child) && (followLinks || !link)) {
                    todo.add(new Dir(child, d.depth() + 1));
                }
            }
        }
        return out;
    }

    private List<String> up(List<String> starts, int maxDepth) {
        List<String> out = new ArrayList<>();
        for (String s : starts) {
            String d = s;
            out.add(d);
            for (int i = 0; (maxDepth < 0 || i < maxDepth) && !d.equals("/"); i++) {
                d = TargetFiles.parentOf(d);
                out.add(d);
            }
        }
        return List.copyOf(new java.util.LinkedHashSet<>(out));
    }

    /**
     * @return every entry (or, with {@code dirsOnly}, every directory) at or below {@code base}, not following links
     */
    private List<String> walk(String base, boolean dirsOnly) {
        List<String> out = new ArrayList<>();
        Deque<String> todo = new ArrayDeque<>();
        if (isDirectory(base)) {
            todo.add(base);
            if (dirsOnly) {
                out.add(base);
            }
        }
        while (!todo.isEmpty()) {
            String dir = todo.poll();
            if (dir.chars().filter(ch -> ch == '/').count() > MAX_DEPTH) {
                throw new OvalError("more than " + MAX_DEPTH + " directory levels below " + base);
            }
            Path real = resolved(dir);
            for (String name : names(dir)) {
                String child = TargetFiles.child(dir, name);
                boolean directory = real != null && Files.isDirectory(real.resolve(name), LinkOption.NOFOLLOW_LINKS);
                if (!dirsOnly || directory) {
                    out.add(child);
                }
                if (directory && !VIRTUAL.contains(child)) {
                    todo.add(child);
                }
            }
        }
        return out;
    }

    /**
     * @return the names in a directory of the target (dot files included), sorted; empty when it is none
     * @throws OvalError when it cannot be listed
     */
    static List<String> list(Run run, String dir) {
        TargetPaths t = new TargetPaths(run);
        List<String> names = t.names(dir);
        if (t.problem != null) {
            throw new OvalError(t.problem);
        }
        return names;
    }

    private List<String> names(String dir) {
        Path real = resolved(dir);
        List<String> names = new ArrayList<>();
        if (real == null) {
            return names;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(real)) {
            for (Path e : entries) {
                if (++visited > MAX_ENTRIES) {
                    throw new OvalError("more than " + MAX_ENTRIES + " files to look at (in " + dir + ")");
                }
                names.add(e.getFileName().toString());
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            return names;
        } catch (IOException e) {
            if (problem == null) {
                problem = "cannot list " + dir + ": " + TargetFiles.reasonFor(e);
            }
        }
        names.sort(null);
        return names;
    }

    private Path resolved(String targetPath) {
        try {
            return TargetFiles.resolve(run.root(), targetPath);
        } catch (UnreadableException e) {
            if (problem == null) {
                problem = e.path() + ": " + e.reason();
            }
            return null;
        }
    }

    private boolean isDirectory(String targetPath) {
        Path p = resolved(targetPath);
        return p != null && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
    }

    private boolean lexists(String targetPath) {
        return lstat(run, targetPath).isPresent();
    }

    /**
     * The attributes of a file system object without following its last component (its directory is resolved
     * below the root): {@code mode}, {@code uid}, {@code gid}, {@code size}.
     *
     * @throws OvalError when they cannot be read
     */
    static Optional<Map<String, Object>> lstat(Run run, String targetPath) {
        try {
            Path file = targetPath.equals("/") ? TargetFiles.resolve(run.root(), "/")
                    : TargetFiles.resolve(run.root(), TargetFiles.parentOf(targetPath)).resolve(TargetFiles.nameOf(targetPath));
            return Optional.of(Files.readAttributes(file, "unix:mode,uid,gid,size", LinkOption.NOFOLLOW_LINKS));
        } catch (NoSuchFileException | NotDirectoryException e) {
            return Optional.empty();
        } catch (UnreadableException e) {
            throw new OvalError(e.path() + ": " + e.reason());
        } catch (IOException e) {
            throw new OvalError(targetPath + ": " + TargetFiles.reasonFor(e));
        }
    }

    /**
     * The directory a pattern on a path searches below: its literal leading directories ({@code /etc/sysctl.d}
     * for {@code ^/etc/sysctl\.d/.*\.conf$}); {@code /} when the pattern is not anchored or not literal.
     */
    static String base(Spec s) {
        if (!s.operation().equals("pattern match") || s.values().size() != 1) {
            return "/";
        }
        String regex = s.values().get(0);
        if (!regex.startsWith("^/") || topLevelAlternative(regex)) {
            return "/";
        }
        StringBuilder literal = new StringBuilder();
        for (int i = 1; i < regex.length(); i++) {
            char c = regex.charAt(i);
            char next = i + 1 < regex.length() ? regex.charAt(i + 1) : 0;
            if (c == '\\' && next != 0 && "./-_+*?()[]{}|^$ ".indexOf(next) >= 0) {
                char after = i + 2 < regex.length() ? regex.charAt(i + 2) : 0;
                if ("?*{".indexOf(after) >= 0 && after != 0) {
                    break;
                }
                literal.append(next);
                i++;
            } else if (Character.isLetterOrDigit(c) || c == '/' || c == '-' || c == '_' || c == ':' || c == '@') {
                if (next != 0 && "?*{".indexOf(next) >= 0) {
                    break;
                }
                literal.append(c);
            } else {
                break;
            }
        }
        String l = literal.toString();
        int slash = l.lastIndexOf('/');
        return slash <= 0 ? "/" : l.substring(0, slash);
    }

    private static boolean topLevelAlternative(String regex) {
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return true;
            }
        }
        return false;
    }
}
