package dev.loupe.format.page;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file opened for reading only, read with positional reads so that files over 2 and 4 GiB work and nothing is
 * ever mapped whole. Opening it never creates or changes anything beside it (no -shm, no -wal, no lock files).
 */
public final class ReadOnlyFile implements Closeable {

    private final Path path;
    private final FileChannel channel;

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
        return channel.size();
    }

    /**
     * Reads up to {@code len} bytes at {@code position} into {@code dst}; returns the number read, which is less
     * than {@code len} only at end of file.
     */
    public int read(long position, byte[] dst, int off, int len) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(dst, off, len);
        int total = 0;
        while (buf.hasRemaining()) {
            int n = channel.read(buf, position + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
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
        channel.close();
    }
}
