package org.bulwark.store.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.concurrent.atomic.AtomicLong;

import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * An H2 file system ({@code jdbc:h2:bulwarkfull:/path}) over the real one that takes only so many more bytes,
 * as a disk that fills up: the write that does not fit is written in part and fails with "No space left on
 * device". H2 creates its file paths reflectively from the class, so the budget is one for the JVM: tests that use
 * it must not run in parallel, and reset it with {@link #unlimited()}.
 */
public final class FullDisk extends FilePathWrapper {

    static final String SCHEME = "bulwarkfull";

    private static final AtomicLong BUDGET = new AtomicLong(Long.MAX_VALUE);

    /** H2 makes one per path (with this constructor). */
    public FullDisk() {
    }

    /** Makes the file system known to H2 (again: once is enough, more do no harm). */
    static void register() {
        FilePath.register(new FullDisk());
    }

    /** The disk takes {@code bytes} more bytes from now. */
    static void limit(long bytes) {
        BUDGET.set(bytes);
    }

    /** The disk takes anything from now. */
    static void unlimited() {
        BUDGET.set(Long.MAX_VALUE);
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new Channel(super.open(mode));
    }

    /** Takes {@code wanted} bytes of the budget; @return how many of them fit */
    private static int take(int wanted) {
        while (true) {
            long left = BUDGET.get();
            int granted = (int) Math.min(wanted, left);
            if (left == Long.MAX_VALUE || BUDGET.compareAndSet(left, left - granted)) {
                return granted;
            }
        }
    }

    /** A file on the full disk. */
    private static final class Channel extends FileBase {

        private final FileChannel base;

        Channel(FileChannel base) {
            this.base = base;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return write(src, -1);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            int wanted = src.remaining();
            int granted = take(wanted);
            ByteBuffer part = src.duplicate();
            part.limit(part.position() + granted);
            int written = position < 0 ? base.write(part) : base.write(part, position);
            src.position(src.position() + written);
            if (granted < wanted) {
                throw new IOException("No space left on device");
            }
            return written;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return base.read(dst);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return base.read(dst, position);
        }

        @Override
        public long position() throws IOException {
            return base.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            base.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return base.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            base.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            base.force(metaData);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return base.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            base.close();
        }
    }
}
