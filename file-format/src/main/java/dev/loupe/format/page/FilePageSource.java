package dev.loupe.format.page;

import java.io.IOException;

/** The pages of a database file as they are on disk, with no WAL applied. */
public final class FilePageSource implements PageSource {

    private final ReadOnlyFile file;
    private final int pageSize;
    private final long pageCount;
    private final boolean ownsFile;

    /**
     * @param ownsFile whether {@link #close()} closes {@code file}
     */
    public FilePageSource(ReadOnlyFile file, int pageSize, boolean ownsFile) throws IOException {
        this(file, pageSize, Long.MAX_VALUE, ownsFile);
    }

    /**
     * @param maxPages the most pages this view shows: the header's page count when it is valid (SQLite ignores
     *                 pages past it); the file's own size still limits what exists. A partial last page counts:
     *                 SQLite's pager rounds the file size up to whole pages and reads the missing bytes as zeros.
     */
    public FilePageSource(ReadOnlyFile file, int pageSize, long maxPages, boolean ownsFile) throws IOException {
        if (pageSize < 512 || pageSize > 65536 || Integer.bitCount(pageSize) != 1) {
            throw new IllegalArgumentException("page size " + pageSize);
        }
        this.file = file;
        this.pageSize = pageSize;
        this.pageCount = Math.min(maxPages, (file.size() + pageSize - 1) / pageSize);
        this.ownsFile = ownsFile;
    }

    @Override
    public int pageSize() {
        return pageSize;
    }

    @Override
    public long pageCount() {
        return pageCount;
    }

    @Override
    public byte[] read(long pgno) throws IOException {
        if (pgno < 1 || pgno > pageCount) {
            return null;
        }
        byte[] b = new byte[pageSize]; // a partial last page keeps zeros past the end of the file, as in SQLite
        file.read((pgno - 1) * pageSize, b, 0, pageSize);
        return b;
    }

    @Override
    public boolean readInto(long pgno, byte[] dst) throws IOException {
        if (pgno < 1 || pgno > pageCount) {
            return false;
        }
        int n = file.read((pgno - 1) * pageSize, dst, 0, pageSize);
        java.util.Arrays.fill(dst, n, pageSize, (byte) 0);
        return true;
    }

    public ReadOnlyFile file() {
        return file;
    }

    @Override
    public String describe() {
        return file.path().toString();
    }

    @Override
    public void close() throws IOException {
        if (ownsFile) {
            file.close();
        }
    }
}
