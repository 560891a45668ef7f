package org.bulwark.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * What a test needs to run part of itself in a JVM of its own, e.g. to kill it ({@code kill -9}) in the middle of a
 * write: the running Java's {@code java} binary, the files of the test runtime's bundles, and class paths made of
 * them. Bundle locations are resolved as the OSGi launcher does: a relative one against the OSGi install area, else
 * the working directory; a bundle that is a folder (a reactor project in a Tycho test run) gives its class folders.
 *
 * @since 1.5
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** @return the {@code java} binary of the running Java */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** @return the bundles of the runtime {@code from} runs in that {@code which} accepts, in install order */
    public static List<Bundle> bundles(Class<?> from, Predicate<Bundle> which) {
        List<Bundle> out = new ArrayList<>();
        for (Bundle b : FrameworkUtil.getBundle(from).getBundleContext().getBundles()) {
            if (which.test(b)) {
                out.add(b);
            }
        }
        return out;
    }

    /** @return the file or folder of {@code bundle}, absolute */
    public static Path file(Bundle bundle) {
        String location = bundle.getLocation(); // e.g. initial@reference:file:plugins/x.jar
        int file = location.indexOf("file:");
        if (file < 0) {
            throw new IllegalStateException("bundle " + bundle.getSymbolicName() + " has no file location: "
                    + location);
        }
        return resolve(location.substring(file + "file:".length()));
    }

    /**
     * @return {@code bundle}'s location as a framework in another JVM installs it: {@code reference:file:} (when the
     *         original was a reference) and the absolute path
     */
    public static String absoluteLocation(Bundle bundle) {
        String location = bundle.getLocation();
        int file = location.indexOf("file:");
        if (file < 0) {
            return location;
        }
        int from = location.lastIndexOf("reference:", file);
        return location.substring(from < 0 ? file : from, file) + "file:" + file(bundle);
    }

    /**
     * @param extra further entries, e.g. the framework's jar
     * @return a class path of {@code bundles}' jars and class folders ({@code target/classes}, {@code bin} or the
     *         folder itself, whichever holds classes), then {@code extra}, each once
     */
    public static String classpath(Collection<Bundle> bundles, Path... extra) {
        Set<String> entries = new LinkedHashSet<>();
        for (Bundle b : bundles) {
            Path p = file(b);
            if (Files.isDirectory(p)) {
                for (String sub : new String[] { "target/classes", "bin", "." }) {
                    Path d = p.resolve(sub).normalize();
                    if (Files.isDirectory(d.resolve("org"))) {
                        entries.add(d.toString());
                    }
                }
            } else {
                entries.add(p.toString());
            }
        }
        for (Path p : extra) {
            entries.add(p.toAbsolutePath().toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    /** @return the jar (or folder) {@code type} was loaded from, e.g. the OSGi framework's for {@code Bundle} */
    public static Path codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return a bundle location's path; relative ones are relative to the OSGi install area or working directory */
    static Path resolve(String location) {
        Path p = Path.of(location);
        if (p.isAbsolute()) {
            return p;
        }
        String installArea = System.getProperty("osgi.install.area");
        if (installArea != null) {
            Path candidate = Path.of(installArea.replaceFirst("^file:", "")).resolve(p).normalize();
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        return Path.of(System.getProperty("user.dir")).resolve(p).normalize();
    }
}
