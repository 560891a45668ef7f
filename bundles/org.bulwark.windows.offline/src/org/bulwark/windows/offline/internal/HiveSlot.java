package org.bulwark.windows.offline.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.bulwark.windows.api.WindowsReadException;
import org.bulwark.windows.regf.Hive;
import org.bulwark.windows.regf.HiveException;

/**
 * One hive file of an image: opened, or why not. A missing or corrupt hive is kept as its
 * {@link WindowsReadException}, so every read from it says why. Immutable.
 *
 * @param file    the file as the target sees it
 * @param hive    the opened hive; {@code null} when it could not be opened
 * @param failure why it could not be opened; {@code null} when it was
 * @param logs    whether {@code .LOG1} or {@code .LOG2} files lie beside it
 */
record HiveSlot(String file, Hive hive, WindowsReadException failure, boolean logs) {

    static HiveSlot open(ImageFiles files, String windowsPath) {
        Optional<ImageFiles.Found> found;
        try {
            found = files.file(windowsPath);
        } catch (IOException e) {
            String shown = "/" + windowsPath;
            String m = String.valueOf(e.getMessage());
            return new HiveSlot(shown, null, new WindowsReadException(shown,
                    m.startsWith(shown + ": ") ? m.substring(shown.length() + 2) : m), false);
        }
        if (found.isEmpty()) {
            return new HiveSlot("/" + windowsPath, null,
                    new WindowsReadException("/" + windowsPath, "the hive is not in the image"), false);
        }
        String shown = found.get().targetPath();
        boolean logs = false;
        try {
            logs = files.file(windowsPath + ".LOG1").isPresent() || files.file(windowsPath + ".LOG2").isPresent();
        } catch (IOException e) {
            logs = true;
        }
        try {
            return new HiveSlot(shown, Hive.open(found.get().file()), null, logs);
        } catch (HiveException e) {
            return new HiveSlot(shown, null, new WindowsReadException(shown, reason(e, found.get().file()
                    .toString())), logs);
        }
    }

    /** @return the hive, or the reason it cannot be read */
    Hive get() throws WindowsReadException {
        if (hive == null) {
            throw failure;
        }
        return hive;
    }

    /** @return whether the hive was opened and its base block says a write was left incomplete */
    boolean dirty() {
        return hive != null && hive.dirty();
    }

    /** @return the problems to report for this hive: why it could not be opened, or that it may be stale */
    List<String> problems() {
        if (failure != null) {
            return List.of(failure.getMessage());
        }
        if (dirty()) {
            return List.of(file + ": the hive was not written completely (its sequence numbers differ)"
                    + (logs ? " and transaction logs lie beside it" : "")
                    + "; values read from it may be stale");
        }
        return List.of();
    }

    /** @return the reader's message about this hive, without the host's file name */
    String reason(HiveException e) {
        return hive == null ? String.valueOf(e.getMessage()) : reason(e, hive.name());
    }

    /** @return the reader's message with the host's file name left out (the exception names the target's) */
    static String reason(HiveException e, String hostName) {
        String m = String.valueOf(e.getMessage());
        if (m.startsWith(hostName)) {
            m = m.substring(hostName.length()).replaceFirst("^[:,]\\s*", "");
        }
        return m.replace(hostName, "");
    }
}
