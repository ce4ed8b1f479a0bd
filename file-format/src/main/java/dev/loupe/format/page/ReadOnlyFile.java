package dev.loupe.format.page;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A file opened for reading only. Small files are read with positional reads; a large one is mapped read-only in
 * windows of {@value #WINDOW} bytes, made as they are first needed (a whole-file pass then costs no system call per
 * page, as sqlite3 with mmap). Files over 2 and 4 GiB work either way, and nothing is ever mapped whole. Opening it
 * never creates or changes anything beside it (no -shm, no -wal, no lock files).
 */
public final class ReadOnlyFile implements Closeable {

    /** Files from this size on are read through mapped windows. */
    static final long MAP_FROM = 64L << 20;
    /** Bytes per mapped window (a MappedByteBuffer holds at most 2 GiB). */
    static final int WINDOW = 1 << 28;

    private final Path path;
    private volatile FileChannel channel;
    private volatile boolean closed;
    /** Mapped windows by index, made on first use; null when the file is read with positional reads only. */
    private final AtomicReferenceArray<MappedByteBuffer> windows;
    /** The file size when it was opened: windows never cover more than that. */
    private final long mappedSize;

    private ReadOnlyFile(Path path, FileChannel channel) throws IOException {
        this.path = path;
        this.channel = channel;
        long size = channel.size();
        this.mappedSize = size;
        this.windows = size >= MAP_FROM ? new AtomicReferenceArray<>((int) ((size + WINDOW - 1) / WINDOW)) : null;
    }

    public static ReadOnlyFile open(Path path) throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        try {
            return new ReadOnlyFile(path, ch);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    public long size() throws IOException {
        try {
            return channel.size();
        } catch (ClosedChannelException e) {
            return reopened(e).size();
        }
    }

    /**
     * Reads up to {@code len} bytes at {@code position} into {@code dst}; returns the number read, which is less
     * than {@code len} only at end of file.
     */
    public int read(long position, byte[] dst, int off, int len) throws IOException {
        if (windows != null && position >= 0 && position + len <= mappedSize
                && position / WINDOW == (position + len - 1) / WINDOW) {
            MappedByteBuffer w = window((int) (position / WINDOW));
            try {
                w.get((int) (position % WINDOW), dst, off, len);
                return len;
            } catch (InternalError e) {
                // the JVM's answer to SIGBUS: the file shrank under the mapping (another process truncated it)
                throw new IOException(path + " changed while it was read (it is shorter than when opened)", e);
            }
        }
        try {
            return readFully(channel, position, dst, off, len);
        } catch (ClosedChannelException e) {
            return readFully(reopened(e), position, dst, off, len);
        }
    }

    private static int readFully(FileChannel ch, long position, byte[] dst, int off, int len) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(dst, off, len);
        int total = 0;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, position + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    /**
     * A FileChannel closes itself when a thread reading it is interrupted (an interactive user pressing Ctrl-C
     * during a long command). The file is still wanted by the next command, so the channel is opened again; the
     * interrupted read itself fails with an {@link InterruptedIOException}.
     */
    private synchronized FileChannel reopened(ClosedChannelException cause) throws IOException {
        if (closed) {
            throw cause;
        }
        if (!channel.isOpen()) {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        }
        if (cause instanceof ClosedByInterruptException || Thread.currentThread().isInterrupted()) {
            InterruptedIOException e = new InterruptedIOException("read of " + path + " interrupted");
            e.initCause(cause);
            throw e;
        }
        return channel;
    }

    private MappedByteBuffer window(int i) throws IOException {
        MappedByteBuffer w = windows.get(i);
        if (w == null) {
            synchronized (this) {
                w = windows.get(i);
                if (w == null) {
                    long start = (long) i * WINDOW;
                    FileChannel ch = channel.isOpen() ? channel : reopened(new ClosedChannelException());
                    w = ch.map(FileChannel.MapMode.READ_ONLY, start, Math.min(WINDOW, mappedSize - start));
                    windows.set(i, w);
                }
            }
        }
        return w;
    }

    /** Reads exactly the bytes at {@code [position, position+len)} that exist; the returned array may be shorter. */
    public byte[] readAt(long position, int len) throws IOException {
        long size = size();
        if (position >= size) {
            return new byte[0];
        }
        int n = (int) Math.min(len, size - position);
        byte[] b = new byte[n];
        int got = read(position, b, 0, n);
        return got == n ? b : java.util.Arrays.copyOf(b, got);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        channel.close();
    }
}
