package dev.loupe.format.page;

/**
 * The lock-byte page (fileformat2 §1.3.1): the page holding byte offset 2^30 (PENDING_BYTE). SQLite never stores
 * anything in it; it exists only in files larger than 1 GiB.
 */
public final class LockBytePage {

    /** Byte offset SQLite's file locks use (PENDING_BYTE). */
    public static final long PENDING_BYTE = 0x40000000L;

    private LockBytePage() {
    }

    /** The lock-byte page's number for a page size. */
    public static long of(int pageSize) {
        return PENDING_BYTE / pageSize + 1;
    }
}
