package org.bulwark.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.bulwark.operations.api.FileOutput;

/**
 * The agent's spool: upload documents not yet acknowledged by the server, one file each
 * ({@code <millis>-<uuid>.json}, written atomically and synced), sent oldest first. The file's UUID is the upload's
 * {@code Upload-Id}, so a document sent again after a lost answer is stored once. Bounded: beyond {@code max}
 * files the oldest is dropped, with a warning.
 */
final class Spool {

    private static final Pattern NAME = Pattern.compile("\\d{13}-[0-9a-f-]{36}\\.json");

    /** How a spooled document fared. */
    enum Outcome {
        SENT, KEPT, DROPPED
    }

    /** Sends one document; says how it fared. */
    @FunctionalInterface
    interface Sender {
        Outcome send(byte[] document, String uploadId, String file);
    }

    private final Path dir;
    private final int max;
    private final FileOutput files;

    Spool(Path dir, int max, FileOutput files) {
        this.dir = dir;
        this.max = max;
        this.files = files;
    }

    /** Adds a document, dropping the oldest beyond the bound; @return its file */
    Path add(byte[] document, PrintWriter err) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(String.format("%013d", System.currentTimeMillis()) + "-" + UUID.randomUUID()
                + ".json");
        files.replace(file, document);
        List<Path> all = pending();
        for (int i = 0; i < all.size() - max; i++) {
            Files.deleteIfExists(all.get(i));
            err.println("bulwark: warning: the spool holds more than " + max + " uploads: dropped the oldest, "
                    + all.get(i).getFileName());
        }
        return file;
    }

    /** @return the spooled documents, oldest first (files of other names, links and directories ignored) */
    List<Path> pending() throws IOException {
        List<Path> all = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return all;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                if (NAME.matcher(p.getFileName().toString()).matches()
                        && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    all.add(p);
                }
            }
        }
        all.sort(null);
        return all;
    }

    /**
     * Sends what is spooled, oldest first, until one is kept (the server is unreachable or refuses the token: the
     * rest waits for the next run); a document the server refuses for good is dropped.
     *
     * @return how many were sent
     */
    int flush(Sender sender) throws IOException {
        int sent = 0;
        for (Path p : pending()) {
            String name = p.getFileName().toString();
            byte[] document = InputFiles.read(p);
            Outcome o = sender.send(document, name.substring(14, 50), name);
            if (o == Outcome.KEPT) {
                break;
            }
            Files.deleteIfExists(p);
            if (o == Outcome.SENT) {
                sent++;
            }
        }
        return sent;
    }
}
