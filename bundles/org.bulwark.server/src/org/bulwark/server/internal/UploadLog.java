package org.bulwark.server.internal;

import java.io.IOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Upload ids already stored, per machine, so that an upload sent twice (an agent retrying after a lost answer) is
 * stored once. Kept in memory and appended to {@code uploads.log} of the data directory
 * ({@code machine<TAB>upload-id<TAB>assessment}, the machine id URL-encoded) before the upload is acknowledged, so it
 * survives restarts. Lines of older servers ({@code upload-id<TAB>assessment}) still count, for any machine.
 */
final class UploadLog implements AutoCloseable {

    static final String FILE = "uploads.log";
    /** The key prefix of an upload id an older server logged without its machine. */
    private static final String ANY_MACHINE = "\t\t";

    private final Map<String, CompletableFuture<Long>> ids = new ConcurrentHashMap<>();
    private final Writer out;

    UploadLog(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(FILE);
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", -1);
                if (f.length < 2 || f.length > 3) {
                    continue;
                }
                try {
                    long assessment = Long.parseLong(f[f.length - 1].trim());
                    ids.put(f.length == 3 ? f[0] + "\t" + f[1] : ANY_MACHINE + f[0],
                            CompletableFuture.completedFuture(assessment));
                } catch (NumberFormatException e) {
                    // a line cut by a crash: that upload was not acknowledged
                }
            }
        }
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** @return whether {@code id} is a valid Upload-Id: 1 to 200 visible ASCII characters */
    static boolean validId(String id) {
        return !id.isEmpty() && id.length() <= 200 && id.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    /** @return the key of upload {@code uploadId} (a {@link #validId}) of machine {@code machineId} */
    static String key(String machineId, String uploadId) {
        return URLEncoder.encode(machineId, StandardCharsets.UTF_8) + "\t" + uploadId;
    }

    /**
     * Claims {@code id}, a {@link #key}: returns {@code null} when the caller is first and must store the upload and
     * then call {@link #stored} or {@link #failed}; otherwise the future of the first upload's assessment id.
     */
    CompletableFuture<Long> claim(String id) {
        CompletableFuture<Long> mine = new CompletableFuture<>();
        CompletableFuture<Long> legacy = ids.get(ANY_MACHINE + id.substring(id.indexOf('\t') + 1));
        return legacy != null ? legacy : ids.putIfAbsent(id, mine);
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
