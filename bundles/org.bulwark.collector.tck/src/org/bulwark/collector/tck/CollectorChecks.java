package org.bulwark.collector.tck;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.ObservationState;

/**
 * The single checks of the TCK. Each throws an {@link AssertionError} that says what is wrong; use them in
 * tests of your own, or extend {@link CollectorContract} to run them all.
 */
public final class CollectorChecks {

    /** How long past its deadline a collector may take to return. */
    public static final Duration GRACE = Duration.ofSeconds(1);

    private CollectorChecks() {
    }

    /** The id is a non-blank word without spaces, the category is set, provides is non-empty, valid and stable. */
    public static void declaresIdCategoryAndProvides(Collector c) {
        String id = c.id();
        check(id != null && !id.isBlank() && id.chars().noneMatch(Character::isWhitespace),
                "id() must be a non-blank word without spaces, was '" + id + "'");
        check(id.equals(c.id()), "id() must not change");
        check(c.category() != null, "category() must not be null");
        Set<String> provides = c.provides();
        check(provides != null && !provides.isEmpty(), "provides() must list at least one key");
        for (String p : provides) {
            String key = p != null && p.endsWith(".*") ? p.substring(0, p.length() - 2) : p;
            check(key != null && Observation.KEY_PATTERN.matcher(key).matches(),
                    "provides() entry '" + p + "' is neither a key nor a prefix ending in .*");
        }
        check(provides.equals(c.provides()), "provides() must not change while the service is registered");
    }

    /**
     * The observations are well-formed for {@code c}: a list without nulls, keys valid, declared and unique,
     * values within the limits, a source for every PRESENT value, and every exact key of {@code provides()}
     * reported.
     */
    public static void wellFormed(Collector c, List<Observation> observations) {
        check(observations != null, c.id() + ": collect() returned null instead of a list");
        Set<String> provides = c.provides();
        Set<String> seen = new HashSet<>();
        for (Observation o : observations) {
            check(o != null, c.id() + ": collect() returned a null observation");
            check(Observation.KEY_PATTERN.matcher(o.key()).matches(), c.id() + ": invalid key '" + o.key() + "'");
            check(provides.stream().anyMatch(p -> Collector.covers(p, o.key())),
                    c.id() + ": key " + o.key() + " is not covered by provides() " + provides);
            check(seen.add(o.key()), c.id() + ": key " + o.key() + " is reported twice");
            check(o.values().size() <= Observation.MAX_VALUES, c.id() + ": " + o.key() + " has too many values");
            for (String v : o.values()) {
                check(v != null, c.id() + ": " + o.key() + " has a null value");
                check(v.length() <= Observation.MAX_VALUE_LENGTH, c.id() + ": " + o.key() + " has a value over "
                        + Observation.MAX_VALUE_LENGTH + " characters");
            }
            check(o.state() != ObservationState.PRESENT || o.source() != null,
                    c.id() + ": " + o.key() + " is PRESENT without a source (evidence)");
        }
        for (String p : provides) {
            check(p.endsWith(".*") || seen.contains(p), c.id() + ": key " + p
                    + " is declared in provides() but not reported (report it as absent, unreadable,"
                    + " unparseable or unavailable)");
        }
    }

    /** Runs {@code collect} on another thread, as Bulwark does; fails when it takes longer than {@code max}. */
    public static List<Observation> collect(Collector c, AssessmentContext context, Duration max) throws Exception {
        CompletableFuture<List<Observation>> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                result.complete(c.collect(context));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "tck-collector");
        t.setDaemon(true);
        t.start();
        try {
            return result.get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            t.interrupt();
            throw new AssertionError(c.id() + ": collect() did not return within " + max.toMillis() + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception x) {
                throw x;
            }
            throw e;
        }
    }

    /**
     * The collector returns by the deadline of a context with {@code budget}, and returns (or throws) within
     * {@link #GRACE} when the assessment is already cancelled and its thread interrupted.
     */
    public static void honoursTheDeadline(Collector c, Path root, Duration budget) throws Exception {
        collect(c, TestContext.of(root, budget), budget.plus(GRACE));
        CompletableFuture<Object> done = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            Thread.currentThread().interrupt();
            try {
                done.complete(c.collect(TestContext.expired(root)));
            } catch (Throwable e) {
                done.complete(e);
            }
        }, "tck-cancelled-collector");
        t.setDaemon(true);
        t.start();
        try {
            done.get(GRACE.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(c.id() + ": collect() kept running although the assessment was cancelled"
                    + " and its thread interrupted");
        }
    }

    /**
     * Runs the collector on {@code root} made read-only and checks that no file or directory below it was
     * created, changed or removed. Permissions are restored afterwards.
     */
    public static List<Observation> writesNothing(Collector c, Path root, Duration budget) throws Exception {
        Map<String, String> before = snapshot(root);
        Map<Path, Set<PosixFilePermission>> permissions = readOnly(root);
        List<Observation> observations;
        try {
            observations = collect(c, TestContext.of(root, budget), budget.plus(GRACE));
        } finally {
            restore(permissions);
        }
        Map<String, String> after = snapshot(root);
        if (!before.equals(after)) {
            StringBuilder diff = new StringBuilder(c.id() + ": collect() changed the target root:");
            Set<String> all = new java.util.TreeSet<>(before.keySet());
            all.addAll(after.keySet());
            for (String p : all) {
                String b = before.get(p);
                String a = after.get(p);
                if (b == null) {
                    diff.append("\n  created ").append(p);
                } else if (a == null) {
                    diff.append("\n  removed ").append(p);
                } else if (!a.equals(b)) {
                    diff.append("\n  changed ").append(p);
                }
            }
            throw new AssertionError(diff.toString());
        }
        return observations;
    }

    /** Every path below {@code root} with its type, size, modification time and (for files) SHA-256. */
    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                out.put(root.relativize(dir) + "/", "dir " + attrs.lastModifiedTime());
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String kind = attrs.isSymbolicLink() ? "link " + Files.readSymbolicLink(file)
                        : "file " + attrs.size() + " " + attrs.lastModifiedTime() + " " + sha256(file);
                out.put(root.relativize(file).toString(), kind);
                return FileVisitResult.CONTINUE;
            }
        });
        return out;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0;) {
                d.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<Path, Set<PosixFilePermission>> readOnly(Path root) throws IOException {
        Map<Path, Set<PosixFilePermission>> old = new java.util.LinkedHashMap<>();
        if (!root.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return old;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.toList()) {
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
                old.put(p, perms);
                Set<PosixFilePermission> ro = EnumSet.copyOf(perms.isEmpty()
                        ? EnumSet.of(PosixFilePermission.OWNER_READ) : perms);
                ro.removeAll(EnumSet.of(PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_WRITE,
                        PosixFilePermission.OTHERS_WRITE));
                Files.setPosixFilePermissions(p, ro);
            }
        }
        return old;
    }

    private static void restore(Map<Path, Set<PosixFilePermission>> permissions) throws IOException {
        List<Path> paths = new java.util.ArrayList<>(permissions.keySet());
        java.util.Collections.reverse(paths);
        for (Path p : paths) {
            Files.setPosixFilePermissions(p, permissions.get(p));
        }
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
