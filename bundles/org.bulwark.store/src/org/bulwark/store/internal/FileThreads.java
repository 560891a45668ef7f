package org.bulwark.store.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.bulwark.store.api.StoreException;
import org.bulwark.store.api.StoreException.Reason;

/**
 * Where an H2 file's work runs: on threads of the store's own, which nobody else can interrupt. Java closes a
 * {@code FileChannel} that an interrupted thread reads, writes or forces ({@code ClosedByInterruptException}),
 * and H2 then closes the database under every connection of the JVM: a cancelled job or a server request thread
 * interrupted while it saved (each commit writes and forces the file on the committing thread,
 * {@link H2Durability}) broke the store, and a half-done commit. So every transaction, the open and the close of
 * an H2 file run here; the caller waits for them to finish even when it is interrupted meanwhile, and keeps its
 * interrupt. Store work is short (a transaction), so a caller is held up by one at most. PostgreSQL talks over a
 * socket, which an interrupt does not close: its work runs on the caller's thread ({@link #inline()}).
 */
final class FileThreads implements AutoCloseable {

    /** Store work that may throw. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws StoreException;
    }

    /** {@code null} for work on the caller's thread. */
    private final ExecutorService threads;
    private final String where;

    private FileThreads(ExecutorService threads, String where) {
        this.threads = threads;
        this.where = where;
    }

    /** @return threads for an H2 file at {@code where} (created as needed, idle ones end after a minute) */
    static FileThreads forFile(String where) {
        AtomicInteger n = new AtomicInteger();
        return new FileThreads(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "bulwark-store-" + n.incrementAndGet() + " " + where);
            t.setDaemon(true);
            return t;
        }), where);
    }

    /** @return work on the caller's thread */
    static FileThreads inline() {
        return new FileThreads(null, null);
    }

    /**
     * Runs {@code work} on a store thread and waits for it, also when the calling thread is interrupted meanwhile
     * (its interrupt status is set again afterwards).
     */
    <T> T call(Call<T> work) throws StoreException {
        if (threads == null) {
            return work.run();
        }
        Future<T> result;
        try {
            result = threads.submit(work::run);
        } catch (RejectedExecutionException e) {
            throw new StoreException(Reason.UNAVAILABLE, "the store at " + where + " is closed", e);
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the work goes on: stopping it half-way is what this prevents
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof StoreException s) {
                        throw s;
                    }
                    if (cause instanceof RuntimeException r) {
                        throw r;
                    }
                    if (cause instanceof Error x) {
                        throw x;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Lets the idle threads end; work already handed over still finishes. */
    @Override
    public void close() {
        if (threads != null) {
            threads.shutdown();
        }
    }
}
