package dev.loupe.repro.file;

import dev.loupe.format.header.DatabaseHeader;

import java.util.Arrays;

/**
 * A database file held in memory while it is reduced: its bytes, page size and usable size (fileformat2 §1.3),
 * with big-endian accessors by page. Any bytes after the last whole page (a file that is not a page multiple) are
 * kept as a tail so that finding survives reduction.
 */
final class DbImage {
    private final byte[] bytes;
    private final int pageSize;
    private final int usableSize;

    DbImage(byte[] bytes, int pageSize, int usableSize) {
        this.bytes = bytes;
        this.pageSize = pageSize;
        this.usableSize = usableSize;
    }

    /** The image's page size from header offset 16 (1 = 65536), or 0 if the header cannot give one. */
    static int pageSizeOf(byte[] file) {
        if (file.length < 100) {
            return 0;
        }
        int p = ((file[16] & 0xff) << 8) | (file[17] & 0xff);
        if (p == 1) {
            p = 65536;
        }
        return p >= 512 && Integer.bitCount(p) == 1 ? p : 0;
    }

    static DbImage of(byte[] file) {
        int p = pageSizeOf(file);
        if (p == 0) {
            return null;
        }
        return new DbImage(file.clone(), p, usableSizeOf(p, file[20] & 0xff));
    }

    /**
     * Page size less the reserved bytes (@20), read as the whole page when that leaves fewer than the 480 bytes
     * fileformat2 §1.3.4 requires: the checker reads such a file's pages the same way (Database#usableSize), so the
     * reducer's edits see the cells the checker sees.
     */
    static int usableSizeOf(int pageSize, int reserved) {
        int u = pageSize - reserved;
        return u >= DatabaseHeader.MIN_USABLE_SIZE ? u : pageSize;
    }

    byte[] bytes() {
        return bytes;
    }

    DbImage copy() {
        return new DbImage(bytes.clone(), pageSize, usableSize);
    }

    int pageSize() {
        return pageSize;
    }

    int usableSize() {
        return usableSize;
    }

    long pageCount() {
        return bytes.length / pageSize;
    }

    int tailLength() {
        return bytes.length % pageSize;
    }

    boolean hasPage(long pgno) {
        return pgno >= 1 && pgno <= pageCount();
    }

    int start(long pgno) {
        return (int) ((pgno - 1) * pageSize);
    }

    byte[] page(long pgno) {
        int s = start(pgno);
        return Arrays.copyOfRange(bytes, s, s + pageSize);
    }

    void setPage(long pgno, byte[] data) {
        System.arraycopy(data, 0, bytes, start(pgno), pageSize);
    }

    long u32(long pgno, int offset) {
        int p = start(pgno) + offset;
        return ((long) (bytes[p] & 0xff) << 24) | ((bytes[p + 1] & 0xff) << 16) | ((bytes[p + 2] & 0xff) << 8)
                | (bytes[p + 3] & 0xff);
    }

    void put32(long pgno, int offset, long v) {
        int p = start(pgno) + offset;
        bytes[p] = (byte) (v >>> 24);
        bytes[p + 1] = (byte) (v >>> 16);
        bytes[p + 2] = (byte) (v >>> 8);
        bytes[p + 3] = (byte) v;
    }

    /** A header field (fileformat2 §1.3) as an unsigned 32-bit number. */
    long header32(int offset) {
        return u32(1, offset);
    }

    void putHeader32(int offset, long v) {
        put32(1, offset, v);
    }

    /** Largest root b-tree page (offset 52): non-zero in auto-vacuum and incremental-vacuum files. */
    boolean autoVacuum() {
        return header32(52) != 0;
    }

    /** Entries per pointer-map page (fileformat2 §1.7: U/5). */
    int ptrmapEntries() {
        return usableSize / 5;
    }

    /** True if {@code pgno} is where a pointer-map page sits in an auto-vacuum file of this page size. */
    boolean isPtrmapPosition(long pgno) {
        if (pgno < 2) {
            return false;
        }
        return (pgno - 2) % (ptrmapEntries() + 1) == 0;
    }

    /** The pointer-map page that holds the entry of {@code pgno}. */
    long ptrmapPageFor(long pgno) {
        long group = ptrmapEntries() + 1L;
        return 2 + ((pgno - 2) / group) * group;
    }
}
