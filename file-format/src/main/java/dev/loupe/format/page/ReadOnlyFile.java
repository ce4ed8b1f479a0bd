package dev.loupe.format.page;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file opened for reading only, read with positional reads so that files over 2 and 4 GiB work and nothing is
 * ever mapped whole. Opening it never creates or changes anything beside it (no -shm, no -wal, no lock files).
 */
public final class ReadOnlyFile implements Closeable {

    private final Path path;
    private volatile FileChannel channel;
    private volatile boolean closed;

    private ReadOnlyFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    public static ReadOnlyFile open(Path path) throws IOException {
        return new ReadOnlyFile(path, FileChannel.open(path, StandardOpenOption.READ));
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
