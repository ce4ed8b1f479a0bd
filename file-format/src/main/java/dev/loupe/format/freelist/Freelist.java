package dev.loupe.format.freelist;

import dev.loupe.format.page.LockBytePage;
import dev.loupe.format.page.PageSet;
import dev.loupe.format.BigEndian;
import dev.loupe.format.Problem;
import dev.loupe.format.ProblemKind;
import dev.loupe.format.Span;
import dev.loupe.format.page.PageSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The freelist (fileformat2 §1.5) as walked from the header's first trunk page (@32): its trunk pages in chain
 * order, all its leaf pages, and what is wrong with it.
 *
 * <p>The walk follows what {@code PRAGMA integrity_check} checks (btree.c {@code checkList}): a trunk or leaf
 * page number of 0 or beyond the last page is invalid; a page met a second time (a loop, or a page listed twice)
 * ends the chain at a trunk and is reported at a leaf; a trunk whose leaf count exceeds usable size / 4 - 2 (what
 * fits in the page; SQLite itself writes at most usable size / 4 - 8) has its leaves ignored; the number of pages
 * found must equal the header's freelist count (@36). The lock-byte page (files over 1 GiB) is never free. Every
 * page is visited at most once, so the walk ends after at most page-count steps whatever the bytes say.
 */
public final class Freelist {

    private final long firstTrunk;
    private final long headerCount;
    private final List<FreelistTrunk> trunks;
    private final long[] leafPages;
    private final List<Problem> problems;

    private Freelist(long firstTrunk, long headerCount, List<FreelistTrunk> trunks, long[] leafPages,
            List<Problem> problems) {
        this.firstTrunk = firstTrunk;
        this.headerCount = headerCount;
        this.trunks = List.copyOf(trunks);
        this.leafPages = leafPages;
        this.problems = List.copyOf(problems);
    }

    /**
     * Walks the freelist.
     *
     * @param pages       the database's pages; its page count bounds every page number
     * @param firstTrunk  the header's first freelist trunk page (@32)
     * @param headerCount the header's total number of freelist pages (@36)
     * @param usableSize  the usable size of a page (page size minus reserved bytes)
     */
    public static Freelist walk(PageSource pages, long firstTrunk, long headerCount, int usableSize)
            throws IOException {
        long pageCount = Math.min(pages.pageCount(), 0xffffffffL);
        long lockBytePage = LockBytePage.of(pages.pageSize());
        int maxLeaves = usableSize / 4 - 2;
        PageSet seen = new PageSet();
        List<FreelistTrunk> trunks = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        long[] leaves = new long[16];
        int leafTotal = 0;
        long listed = 0;

        long trunk = firstTrunk;
        Span pointer = Span.inPage(1, 32, 4);
        // each pass adds a page to seen or stops, so this ends after at most pageCount passes
        while (trunk != 0) {
            if (trunk < 0 || trunk > pageCount) {
                problems.add(new Problem(ProblemKind.FREELIST_TRUNK, pointer, "freelist trunk page " + trunk
                        + " is beyond the last page (" + pageCount + ")"));
                break;
            }
            if (trunk == lockBytePage) {
                problems.add(new Problem(ProblemKind.FREELIST_TRUNK, pointer, "freelist trunk page " + trunk
                        + " is the lock-byte page, which is never used"));
                break;
            }
            if (!seen.add(trunk)) {
                problems.add(new Problem(ProblemKind.FREELIST_LOOP, pointer, "freelist trunk page " + trunk
                        + " is already on the freelist; the chain loops"));
                break;
            }
            byte[] data = pages.read(trunk);
            if (data == null || data.length < 8) {
                problems.add(new Problem(ProblemKind.PAGE_UNREADABLE, pointer,
                        "freelist trunk page " + trunk + " cannot be read"));
                break;
            }
            long next = BigEndian.u32(data, 0);
            long count = BigEndian.u32(data, 4);
            int n = (int) Math.min(count, (data.length - 8) / 4);
            if (count > maxLeaves) {
                problems.add(new Problem(ProblemKind.FREELIST_TRUNK, Span.inPage(trunk, 4, 4),
                        "freelist trunk page " + trunk + " claims " + count + " leaves; at most " + maxLeaves
                                + " fit (usable size / 4 - 2); its leaves are ignored"));
                n = 0;
            }
            long[] trunkLeaves = new long[n];
            List<Span> leafSpans = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int off = 8 + 4 * i;
                long leaf = BigEndian.u32(data, off);
                Span span = Span.inPage(trunk, off, 4);
                trunkLeaves[i] = leaf;
                leafSpans.add(span);
                String problem = leafProblem(leaf, pageCount, lockBytePage, seen);
                if (problem != null) {
                    problems.add(new Problem(ProblemKind.FREELIST_LEAF, span,
                            "freelist leaf " + leaf + " on trunk page " + trunk + " " + problem));
                    continue;
                }
                if (leafTotal == leaves.length) {
                    leaves = Arrays.copyOf(leaves, leaves.length * 2);
                }
                leaves[leafTotal++] = leaf;
            }
            listed += 1 + n;
            trunks.add(new FreelistTrunk(trunk, next, count, trunkLeaves, Span.inPage(trunk, 0, 4),
                    Span.inPage(trunk, 4, 4), leafSpans));
            pointer = Span.inPage(trunk, 0, 4);
            trunk = next;
        }
        if (listed != headerCount) {
            problems.add(new Problem(ProblemKind.FREELIST_COUNT, Span.inPage(1, 36, 4), "the freelist holds "
                    + listed + " pages (trunks and the leaves they list) but the header says " + headerCount));
        }
        return new Freelist(firstTrunk, headerCount, trunks, Arrays.copyOf(leaves, leafTotal), problems);
    }

    /** Why {@code leaf} cannot be a free page, or null when it can; adds it to {@code seen} when it can. */
    private static String leafProblem(long leaf, long pageCount, long lockBytePage, PageSet seen) {
        if (leaf == 0 || leaf > pageCount) {
            return "is not a page of the file (1.." + pageCount + ")";
        }
        if (leaf == lockBytePage) {
            return "is the lock-byte page, which is never used";
        }
        if (!seen.add(leaf)) {
            return "is already on the freelist";
        }
        return null;
    }

    /** The header's first trunk page (@32) this walk started from. */
    public long firstTrunk() {
        return firstTrunk;
    }

    /** The header's freelist page count (@36). */
    public long headerCount() {
        return headerCount;
    }

    /** The trunk pages read, in chain order. */
    public List<FreelistTrunk> trunks() {
        return trunks;
    }

    /** Page numbers of the trunks read, in chain order. */
    public long[] trunkPages() {
        return trunks.stream().mapToLong(FreelistTrunk::page).toArray();
    }

    /** The valid leaf pages (in range, not the lock-byte page, each listed once), in chain order. */
    public long[] leafPages() {
        return leafPages.clone();
    }

    /** Valid pages found on the freelist: trunks read plus {@link #leafPages()}. */
    public long pageTotal() {
        return trunks.size() + (long) leafPages.length;
    }

    public List<Problem> problems() {
        return problems;
    }
}
