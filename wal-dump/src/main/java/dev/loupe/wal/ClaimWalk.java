package dev.loupe.wal;

import dev.loupe.format.freelist.Freelist;
import dev.loupe.format.freelist.FreelistTrunk;
import dev.loupe.format.map.PageKind;
import dev.loupe.format.page.LockBytePage;
import dev.loupe.format.page.PageSource;
import dev.loupe.format.ptrmap.PointerMap;

import java.io.IOException;
import java.util.BitSet;

/**
 * One claimant's {@link Claim} as computed alone from the database as of a commit, with what it depends on: the
 * pages it read, and whether it met any problem. A clean walk (no problem) referred only to pages it read, all
 * within the database, so a later commit gives the same walk unless it writes one of those pages or cuts the
 * database below one of them; a walk with problems may have referred to pages beyond the end, so a change of size
 * can change it.
 *
 * @param claim    the pages taken and their kinds
 * @param read     the pages read
 * @param clean    no problem was met
 * @param complete the claim holds every page the walk took (false when some page number could not be held)
 */
record ClaimWalk(Claim claim, BitSet read, boolean clean, boolean complete) {

    /** Whether the same walk over a database of {@code pageCount} pages (and the same page contents) gives this. */
    boolean holdsAt(long pageCount) {
        int[] pages = claim.pages();
        return clean && (pages.length == 0 || pages[pages.length - 1] <= pageCount)
                && (read.isEmpty() || read.length() - 1 <= pageCount);
    }

    /** The freelist from the header's first trunk page and count: trunks, then the leaves they list. */
    static ClaimWalk freelist(PageSource view, long firstTrunk, long count, int usableSize) throws IOException {
        ReadRecorder recorder = new ReadRecorder(view);
        Freelist freelist = Freelist.walk(recorder, firstTrunk, count, usableSize);
        BitSet taken = new BitSet();
        boolean complete = true;
        for (FreelistTrunk t : freelist.trunks()) {
            complete &= take(t.page(), taken);
        }
        for (long leaf : freelist.leafPages()) {
            complete &= take(leaf, taken);
        }
        Claim.Builder b = Claim.of(taken);
        // A page listed twice keeps the kind it was first given, as PageMap's second reference does.
        for (FreelistTrunk t : freelist.trunks()) {
            b.markIfOrphan(t.page(), PageKind.FREELIST_TRUNK);
        }
        for (long leaf : freelist.leafPages()) {
            b.markIfOrphan(leaf, PageKind.FREELIST_LEAF);
        }
        return new ClaimWalk(b.build(), recorder.read(), freelist.problems().isEmpty(), complete && b.complete());
    }

    /**
     * The pages no structure can use: the lock-byte page, and in an auto-vacuum database the pointer-map pages
     * (fileformat2 §1.7), which PageMap marks after the lock-byte page (so a page that is both is PTRMAP).
     */
    static ClaimWalk fixed(long pageCount, int pageSize, int usableSize, boolean autoVacuum) {
        BitSet taken = new BitSet();
        long lockByte = LockBytePage.of(pageSize);
        if (lockByte <= pageCount) {
            take(lockByte, taken);
        }
        BitSet ptrmap = new BitSet();
        if (autoVacuum) {
            // A pointer-map page is the first page of its group, or the one after when that is the lock-byte page.
            long perGroup = Math.max(1, usableSize / PointerMap.ENTRY_SIZE + 1);
            for (long base = 2; base <= pageCount; base += perGroup) {
                for (long p = base; p <= base + 1 && p <= pageCount; p++) {
                    if (PointerMap.isPtrmapPage(p, usableSize) && take(p, taken)) {
                        ptrmap.set((int) p);
                    }
                }
            }
        }
        Claim.Builder b = Claim.of(taken);
        if (lockByte <= pageCount) {
            b.mark(lockByte, PageKind.LOCK_BYTE);
        }
        ptrmap.stream().forEach(p -> b.mark(p, PageKind.PTRMAP));
        return new ClaimWalk(b.build(), new BitSet(), true, b.complete());
    }

    private static boolean take(long page, BitSet into) {
        if (page < 1 || page > PageClaims.MAX_PAGE) {
            return false;
        }
        into.set((int) page);
        return true;
    }
}
