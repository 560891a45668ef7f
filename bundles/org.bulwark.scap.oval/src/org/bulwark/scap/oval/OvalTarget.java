package org.bulwark.scap.oval;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The system an OVAL definition is evaluated on.
 *
 * @param root the directory the target's file system is mounted at ({@code /} for the running machine); every
 *             file is read below it
 * @param live whether {@code root} is the running machine, so that facts of the running system (kernel
 *             parameters in {@code /proc/sys}, {@code uname}, the environment, {@code /proc/mounts}) may be read;
 *             when {@code false} they are never collected and their tests are {@link OvalOutcome#UNKNOWN}
 */
public record OvalTarget(Path root, boolean live) {

    public OvalTarget {
        Objects.requireNonNull(root, "root");
    }

    /** @return an offline target: a mounted image or a copy of a system's files at {@code root} */
    public static OvalTarget offline(Path root) {
        return new OvalTarget(root, false);
    }

    /** @return the running machine, read below {@code /} */
    public static OvalTarget liveSystem() {
        return new OvalTarget(Path.of("/"), true);
    }
}
