package dev.loupe.format.page;

import java.io.Closeable;
import java.io.IOException;

/**
 * Pages of a database, numbered from 1, as some view of the file presents them: the plain file, the file with a
 * WAL applied up to a commit, or an in-memory image. Implementations never write anything anywhere.
 */
public interface PageSource extends Closeable {

    /** Bytes per page (512..65536). */
    int pageSize();

    /**
     * Pages this view holds: for a file, its size divided by the page size (a partial last page is not a page, as
     * SQLite sees it); for a WAL view, the database size recorded by the commit frame.
     */
    long pageCount();

    /**
     * A fresh copy of page {@code pgno}, or {@code null} when {@code pgno} is outside {@code 1..pageCount()}.
     * Only I/O failures throw.
     */
    byte[] read(long pgno) throws IOException;

    /**
     * Copies page {@code pgno} into {@code dst} (at least {@link #pageSize()} bytes), for readers that go through
     * many pages and keep none: no allocation per page where the source can avoid it. False, and {@code dst}
     * untouched, when {@code pgno} is outside {@code 1..pageCount()}.
     */
    default boolean readInto(long pgno, byte[] dst) throws IOException {
        byte[] b = read(pgno);
        if (b == null) {
            return false;
        }
        int n = Math.min(b.length, pageSize());
        System.arraycopy(b, 0, dst, 0, n);
        java.util.Arrays.fill(dst, n, pageSize(), (byte) 0);
        return true;
    }

    /** Human-readable origin, e.g. the file path and which WAL commit is applied. */
    String describe();

    @Override
    default void close() throws IOException {
    }
}
