package org.bulwark.server.internal;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.bulwark.store.api.AssessmentHistory;
import org.bulwark.store.api.AssessmentSummary;
import org.bulwark.store.api.StoreException;

/**
 * Upload ids already stored, per machine, so that an upload sent twice (an agent retrying after a lost answer) is
 * stored once. Kept in memory and in {@code uploads.log} of the data directory, which survives a crash:
 * <ol>
 * <li>before the upload is stored, an intent line {@code ?<TAB>machine<TAB>upload-id<TAB>finished} (the machine id
 * URL-encoded, the assessment's finish time in microseconds since the epoch), forced to disk ({@link #intend});</li>
 * <li>the store's commit;</li>
 * <li>the stored line {@code machine<TAB>upload-id<TAB>assessment}, forced to disk ({@link #stored}); only then is
 * the upload acknowledged.</li>
 * </ol>
 * A crash between 1 and 3 leaves an intent without its stored line: on opening, the log looks for the machine's
 * assessment finished at that time (one no stored line names) in the store and records it; none means the upload
 * was not stored, and its retry stores it. So a retry is answered "duplicate" exactly when the upload is stored,
 * whenever the crash came. Lines are written whole or cut off at the end of the file by a crash (cut: removed when
 * the log is opened, never acknowledged); writes are grouped into one {@code force} per batch. Lines of older
 * servers ({@code upload-id<TAB>assessment}) still count, for any machine.
 */
final class UploadLog implements AutoCloseable {

    static final String FILE = "uploads.log";
    /** The key prefix of an upload id an older server logged without its machine. */
    private static final String ANY_MACHINE = "\t\t";
    private static final String INTENT = "?";
    private static final System.Logger LOG = System.getLogger(UploadLog.class.getName());

    private final Map<String, CompletableFuture<Long>> ids = new ConcurrentHashMap<>();
    private final FileChannel out;
    /** The end of the whole lines written (guarded by {@code this}). */
    private long end;
    private final Object forcing = new Object();
    /** Up to where the file is known to be on disk (guarded by {@link #forcing}). */
    private long forced;

    /**
     * Reads the log of {@code dataDir} and completes what a crash interrupted, looking intents up in {@code store}.
     */
    UploadLog(Path dataDir, AssessmentHistory store) throws IOException, StoreException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(FILE);
        byte[] bytes = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
        int whole = bytes.length;
        while (whole > 0 && bytes[whole - 1] != '\n') {
            whole--; // a line cut by a crash: never acknowledged
        }
        Map<String, Instant> intents = new LinkedHashMap<>();
        Set<Long> named = new HashSet<>();
        for (String line : new String(bytes, 0, whole, StandardCharsets.UTF_8).split("\n")) {
            String[] f = line.split("\t", -1);
            try {
                if (f.length == 4 && f[0].equals(INTENT)) {
                    intents.put(f[1] + "\t" + f[2], Instant.EPOCH.plus(Long.parseLong(f[3]), ChronoUnit.MICROS));
                } else if (f.length == 2 || f.length == 3) {
                    long assessment = Long.parseLong(f[f.length - 1].trim());
                    ids.put(f.length == 3 ? f[0] + "\t" + f[1] : ANY_MACHINE + f[0],
                            CompletableFuture.completedFuture(assessment));
                    named.add(assessment);
                }
            } catch (NumberFormatException e) {
                // not a line of ours
            }
        }
        boolean existed = Files.exists(file);
        out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        if (!existed) {
            syncDirectory(dataDir); // the new file's name, before a line in it counts
        }
        if (out.size() > whole) {
            out.truncate(whole);
        }
        end = whole;
        forced = whole;
        intents.keySet().removeAll(ids.keySet());
        recover(intents, named, store);
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // not every platform forces a directory (Windows cannot open one)
        }
    }

    /** Records the assessment each intent stored, if it did: the machine's, finished then, named by no line yet. */
    private void recover(Map<String, Instant> intents, Set<Long> named, AssessmentHistory store)
            throws IOException, StoreException {
        for (Map.Entry<String, Instant> intent : intents.entrySet()) {
            String machine = URLDecoder.decode(intent.getKey().substring(0, intent.getKey().indexOf('\t')),
                    StandardCharsets.UTF_8);
            List<AssessmentSummary> stored;
            try {
                stored = store.history(machine, intent.getValue());
            } catch (StoreException e) {
                if (e.reason() == StoreException.Reason.INVALID_INPUT
                        || e.reason() == StoreException.Reason.NOT_FOUND) {
                    continue; // an unknown device: a new machine whose first upload was not stored
                }
                throw e;
            }
            for (AssessmentSummary s : stored) {
                // history also matches host names
                if (s.device().id().equals(machine) && s.finished().truncatedTo(ChronoUnit.MICROS)
                        .equals(intent.getValue()) && named.add(s.id())) {
                    ids.put(intent.getKey(), CompletableFuture.completedFuture(s.id()));
                    append(intent.getKey() + "\t" + s.id() + "\n");
                    LOG.log(System.Logger.Level.INFO, "upload " + intent.getKey().replace('\t', ' ')
                            + " was stored as assessment " + s.id() + " before the server stopped");
                    break;
                }
            }
        }
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
     * Claims {@code id}, a {@link #key}: returns {@code null} when the caller is first and must {@link #intend},
     * store the upload and then call {@link #stored}, or {@link #failed}; otherwise the future of the first upload's
     * assessment id.
     */
    CompletableFuture<Long> claim(String id) {
        CompletableFuture<Long> mine = new CompletableFuture<>();
        CompletableFuture<Long> legacy = ids.get(ANY_MACHINE + id.substring(id.indexOf('\t') + 1));
        return legacy != null ? legacy : ids.putIfAbsent(id, mine);
    }

    /**
     * Records, on disk, that upload {@code id} (claimed) of an assessment that finished at {@code finished} is about
     * to be stored. @throws IOException when it cannot be recorded: the upload must not be stored then
     */
    void intend(String id, Instant finished) throws IOException {
        append(INTENT + "\t" + id + "\t" + ChronoUnit.MICROS.between(Instant.EPOCH, finished) + "\n");
    }

    /**
     * Records, on disk, that upload {@code id} was stored as {@code assessment}. A failure to write is logged, not
     * thrown: the upload is stored, and its intent lets the log find it after a restart.
     */
    void stored(String id, long assessment) {
        try {
            append(id + "\t" + assessment + "\n");
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot write " + FILE + " (upload " + id.replace('\t', ' ')
                    + " is stored as assessment " + assessment + " and will be found again on restart): "
                    + e.getMessage());
        }
        ids.get(id).complete(assessment);
    }

    void failed(String id, Exception e) {
        CompletableFuture<Long> f = ids.remove(id);
        if (f != null) {
            f.completeExceptionally(e);
        }
    }

    /** Writes {@code line} whole (or not at all) and returns once it is on disk, with the lines written meanwhile. */
    private void append(String line) throws IOException {
        long mine;
        synchronized (this) {
            ByteBuffer b = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
            try {
                while (b.hasRemaining()) {
                    out.write(b, end + b.position());
                }
            } catch (IOException e) {
                try {
                    out.truncate(end); // no part of a line before the next one
                } catch (IOException again) {
                    e.addSuppressed(again);
                }
                throw e;
            }
            end += b.limit();
            mine = end;
        }
        synchronized (forcing) {
            if (forced < mine) {
                long upTo;
                synchronized (this) {
                    upTo = end;
                }
                out.force(false);
                forced = upTo;
            }
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
