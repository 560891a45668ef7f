package org.bulwark.server.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Upload ids already stored, so that an upload sent twice (an agent retrying after a lost answer) is stored once.
 * Kept in memory and appended to {@code uploads.log} of the data directory ({@code id<TAB>assessment}) before the
 * upload is acknowledged, so it survives restarts.
 */
final class UploadLog implements AutoCloseable {

    static final String FILE = "uploads.log";

    private final Map<String, CompletableFuture<Long>> ids = new ConcurrentHashMap<>();
    private final Writer out;

    UploadLog(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(FILE);
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    try {
                        ids.put(line.substring(0, tab), CompletableFuture.completedFuture(
                                Long.parseLong(line.substring(tab + 1).trim())));
                    } catch (NumberFormatException e) {
                        // a line cut by a crash: that upload was not acknowledged
                    }
                }
            }
        }
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /**
     * Claims {@code id}: returns {@code null} when the caller is first and must store the upload and then call
     * {@link #stored} or {@link #failed}; otherwise the future of the first upload's assessment id.
     */
    CompletableFuture<Long> claim(String id) {
        CompletableFuture<Long> mine = new CompletableFuture<>();
        CompletableFuture<Long> other = ids.putIfAbsent(id, mine);
        return other;
    }

    synchronized void stored(String id, long assessment) throws IOException {
        out.write(id + "\t" + assessment + "\n");
        out.flush();
        ids.get(id).complete(assessment);
    }

    void failed(String id, Exception e) {
        CompletableFuture<Long> f = ids.remove(id);
        if (f != null) {
            f.completeExceptionally(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            // nothing more to write
        }
    }
}
