package dev.loupe.format.ptrmap;

import dev.loupe.format.page.LockBytePage;
import dev.loupe.format.BigEndian;
import dev.loupe.format.Problem;
import dev.loupe.format.ProblemKind;
import dev.loupe.format.Span;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the pointer map of an auto-vacuum database lives and what its pages say (fileformat2 §1.7).
 *
 * <p>With J = usableSize / 5 entries per pointer-map page, pointer-map pages are pages 2, 2 + (J+1), 2 + 2(J+1),
 * ...; each holds five-byte entries for the J pages after it, the entry for page K at offset 5 * (K - P - 1).
 * Page 1 has no entry. When one of those positions is the lock-byte page (page 2^30 / pageSize + 1), the pointer-map
 * page is the page after it instead, and covers one page fewer (as btree.c's {@code ptrmapPageno} places it).
 *
 * <p>The page size is not a parameter: with at most 255 reserved bytes and a usable size of at least 480, the
 * page size is always the smallest power of two that is at least the usable size.
 */
public final class PointerMap {

    /** Bytes per entry: a type byte and a 4-byte parent page number. */
    public static final int ENTRY_SIZE = 5;

    private PointerMap() {
    }

    /** Whether page {@code pgno} is a pointer-map page of an auto-vacuum database with this usable size. */
    public static boolean isPtrmapPage(long pgno, int usableSize) {
        return pgno >= 2 && ptrmapPageFor(pgno, usableSize) == pgno;
    }

    /**
     * The pointer-map page holding the entry for page {@code pgno}; for a pointer-map page, the page itself;
     * 0 for page 1 (which has no entry).
     */
    public static long ptrmapPageFor(long pgno, int usableSize) {
        if (pgno < 2) {
            return 0;
        }
        long perGroup = Math.max(1, usableSize / ENTRY_SIZE + 1); // a nonsense usable size must not divide by 0
        long p = (pgno - 2) / perGroup * perGroup + 2;
        if (p == lockBytePage(usableSize)) {
            p++;
        }
        return p;
    }

    /**
     * Offset of page {@code pgno}'s entry inside its pointer-map page, or -1 when it has none (page 1, pointer-map
     * pages, the lock-byte page).
     */
    public static int entryOffset(long pgno, int usableSize) {
        long p = ptrmapPageFor(pgno, usableSize);
        if (p == 0 || p >= pgno || pgno == lockBytePage(usableSize)) {
            return -1;
        }
        return (int) (ENTRY_SIZE * (pgno - p - 1));
    }

    /**
     * Decodes pointer-map page {@code pgno}: the entries of the pages it covers up to {@code pageCount}, and a
     * problem for every type byte outside 1..5, a root or free entry whose parent is not 0, and an overflow or
     * b-tree entry whose parent is not a page of the file.
     *
     * @param page      the page's bytes (at least usable size bytes for a full page; fewer yield fewer entries)
     * @param pgno      its page number; if it is not a pointer-map page, the result has no entries and a problem
     * @param usableSize usable bytes per page
     * @param pageCount pages in the database; entries of later pages are stale and not returned
     */
    public static PtrmapPage decode(byte[] page, long pgno, int usableSize, long pageCount) {
        List<PtrmapEntry> entries = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (!isPtrmapPage(pgno, usableSize)) {
            problems.add(new Problem(ProblemKind.PTRMAP_ENTRY, Span.inPage(Math.max(1, pgno), 0, 0), "page " + pgno
                    + " is not a pointer-map page for usable size " + usableSize));
            return new PtrmapPage(pgno, entries, problems);
        }
        long lockBytePage = lockBytePage(usableSize);
        long perPage = usableSize / ENTRY_SIZE;
        // the pages whose entries sit here are those for which this page is ptrmapPageFor()
        long groupStart = pgno - 1 == lockBytePage ? pgno - 1 : pgno;
        long last = Math.min(groupStart + perPage, pageCount);
        for (long key = pgno + 1; key <= last; key++) {
            if (key == lockBytePage) {
                continue;
            }
            int off = (int) (ENTRY_SIZE * (key - pgno - 1));
            if (off + ENTRY_SIZE > page.length) {
                break;
            }
            int type = BigEndian.u8(page, off);
            long parent = BigEndian.u32(page, off + 1);
            Span span = Span.inPage(pgno, off, ENTRY_SIZE);
            entries.add(new PtrmapEntry(key, type, parent, span));
            String problem = entryProblem(type, parent, pageCount);
            if (problem != null) {
                problems.add(new Problem(ProblemKind.PTRMAP_ENTRY, span,
                        "pointer-map entry for page " + key + " " + problem));
            }
        }
        return new PtrmapPage(pgno, entries, problems);
    }

    /** What is wrong with an entry, or null when nothing is. */
    private static String entryProblem(int type, long parent, long pageCount) {
        PtrmapType t = PtrmapType.fromCode(type).orElse(null);
        if (t == null) {
            return "has type " + type + "; valid types are 1..5";
        }
        if (!t.hasParent() && parent != 0) {
            return "has type " + type + " (" + t + ") and parent " + parent + "; the parent must be 0";
        }
        if (t.hasParent() && (parent == 0 || parent > pageCount)) {
            return "has type " + type + " (" + t + ") and parent " + parent + ", which is not a page of the file (1.."
                    + pageCount + ")";
        }
        return null;
    }

    /** The lock-byte page of the page size that goes with {@code usableSize} (see the class comment). */
    private static long lockBytePage(int usableSize) {
        int pageSize = 512;
        while (pageSize < usableSize) {
            pageSize <<= 1;
        }
        return LockBytePage.of(pageSize);
    }
}
