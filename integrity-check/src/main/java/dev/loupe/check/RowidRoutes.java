package dev.loupe.check;

import dev.loupe.format.Problem;
import dev.loupe.format.Span;
import dev.loupe.format.Varint;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.BTreeWalker;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.PageType;
import dev.loupe.format.btree.PathStep;
import dev.loupe.format.btree.TableInteriorCell;
import dev.loupe.format.find.TreeSearch;

import java.util.Arrays;
import java.util.List;

/**
 * Follows a rowid table's walk to tell where its tree's damage can mislead a descent by rowid ({@link DamagedRowids}).
 *
 * <p>A descent for rowid r takes, on a table interior page, the left child of the first cell whose key is at least r,
 * or the right child when there is none (fileformat2 §1.6; SQLite's moveto and {@code TreeSearch} alike); on a leaf
 * it looks for r among the cells' rowids. So each page is reached by the rowids of one closed range: the whole range
 * at the root, and on an interior page whose keys d0 < d1 < ... rise strictly, child i gets {@code (d[i-1], d[i]]}
 * of its page's range, the right child what lies above the last key. Where every page on the way is sound (a page of
 * the table kind whose cells all read without a problem, keys rising strictly, each leaf's rowids rising strictly
 * within its range), the descent for r reaches the one leaf whose range holds r, as the walk did, and finds there
 * exactly the row the walk found, or none. So the rowids to distrust are the range of every page that is not sound
 * (with every problem the walker reports charged to the page it names, or to the child range of the page that refers
 * to it) and the rowid of every row found outside its leaf's range.
 *
 * <p>No call per row: a leaf's first and last rowids, read from its page when the walk enters it, are checked against
 * its range; the walk's own check that rowids rise ({@link #notRising}) covers the rows between. Only a leaf found
 * wanting has all its rowids read.
 *
 * <p>One frame per tree level, overwritten as the walk moves on: the walk is depth-first, so the frames above the
 * page last entered are its ancestors.
 */
final class RowidRoutes {

    /** Ranges kept; past this many every rowid is distrusted. */
    static final int CAP = 1 << 16;

    private final long[] page = new long[BTreeWalker.MAX_DEPTH + 1];
    private final long[] first = new long[BTreeWalker.MAX_DEPTH + 1];
    private final long[] last = new long[BTreeWalker.MAX_DEPTH + 1];
    /** Per interior frame: its cells' keys and children (the right child last); whether the keys route. */
    private final long[][] keys = new long[BTreeWalker.MAX_DEPTH + 1][];
    private final long[][] children = new long[BTreeWalker.MAX_DEPTH + 1][];
    private final boolean[] routes = new boolean[BTreeWalker.MAX_DEPTH + 1];
    /** Per interior frame that routes: which cells do not read (null: none), and where each one's pointer points. */
    private final boolean[][] bad = new boolean[BTreeWalker.MAX_DEPTH + 1][];
    private final int[][] pointers = new int[BTreeWalker.MAX_DEPTH + 1][];
    private final boolean[] leaf = new boolean[BTreeWalker.MAX_DEPTH + 1];
    /** The depth of the page last entered, and the deepest frame ever set; -1 before the root. */
    private int depth = -1;
    private int deepest = -1;
    /** The leaf last entered (its bytes stay until the walk leaves it), or null; whether its rowids were read. */
    private BTreePage currentLeaf;
    private boolean leafCharged;

    /** Problems about a page the walk is about to enter, each with the range it would charge (see settle). */
    private long[] pendingPage = new long[4];
    private Span[] pendingSpan = new Span[4];
    private long[] pendingLo = new long[4];
    private long[] pendingHi = new long[4];
    private int pendingCount;

    private long[] firsts = new long[16];
    private long[] lasts = new long[16];
    private int count;
    private boolean all;

    /** The walk entered {@code p} at {@code path} (as {@code TreeVisitor#page} is told). */
    void page(BTreePage p, List<PathStep> path, int d) {
        enter(p, path, d);
        settle(p.number(), d == depth ? d : -1);
    }

    /**
     * The problems the walker reported about a page before it entered it (a page's own problems come first), now
     * that the page is known: one about a single cell or child pointer of it is charged narrowly
     * ({@link #chargedNarrowly}); any other is charged the page's whole range, as it would have been at once.
     */
    private void settle(long entered, int d) {
        for (int i = 0; i < pendingCount; i++) {
            boolean covered = d >= 0 && pendingPage[i] == entered && chargedNarrowly(d, pendingSpan[i]);
            if (!covered) {
                charge(pendingLo[i], pendingHi[i]);
            }
        }
        pendingCount = 0;
    }

    private void enter(BTreePage p, List<PathStep> path, int d) {
        if (d > BTreeWalker.MAX_DEPTH || d > deepest + 1) {
            all = true;
            return;
        }
        long lo;
        long hi;
        if (d == 0) {
            lo = Long.MIN_VALUE;
            hi = Long.MAX_VALUE;
        } else {
            PathStep step = path.get(d - 1);
            if (page[d - 1] != step.page()) {
                all = true; // not the walk this was built for: trust nothing
                return;
            }
            long[] range = childRange(d - 1, step.cellIndex());
            lo = range[0];
            hi = range[1];
        }
        depth = d;
        deepest = Math.max(deepest, d);
        page[d] = p.number();
        first[d] = lo;
        last[d] = hi;
        keys[d] = null;
        children[d] = null;
        routes[d] = false;
        bad[d] = null;
        pointers[d] = null;
        leaf[d] = p.type() == PageType.TABLE_LEAF;
        currentLeaf = leaf[d] ? p : null;
        leafCharged = false;
        if (leaf[d]) {
            int n = p.cellCount();
            long firstRowid = n == 0 ? 0 : rowidAt(p, 0);
            long lastRowid = n == 0 ? 0 : rowidAt(p, n - 1);
            if (n > 0 && (firstRowid == NO_ROWID || lastRowid == NO_ROWID || firstRowid < lo || lastRowid > hi
                    || firstRowid > lastRowid)) {
                chargeLeaf();
            }
            return;
        }
        if (p.type() != PageType.TABLE_INTERIOR) {
            charge(lo, hi);
            return;
        }
        int n = p.cellCount();
        long[] k = new long[n];
        long[] c = new long[n + 1];
        boolean[] unread = null;
        boolean rising = true;
        boolean before = false;
        for (int i = 0; i < n; i++) {
            Cell cell = p.cellPointerValid(i) ? p.cell(i) : null;
            if (!(cell instanceof TableInteriorCell t) || !t.problems().isEmpty()) {
                if (unread == null) {
                    unread = new boolean[n];
                }
                unread[i] = true;
                // the walk may still follow the child it reads there: what it meets below is charged to this range
                c[i] = cell instanceof TableInteriorCell t ? t.leftChild() : -1;
                continue;
            }
            k[i] = t.rowid();
            c[i] = t.leftChild();
            // the cells that read must rise: a descent compares with them alone until it meets one that does not
            rising &= !before || k[previous(unread, i - 1)] < k[i];
            before = true;
        }
        c[n] = p.header().rightChild();
        keys[d] = k;
        children[d] = c;
        routes[d] = rising;
        if (!rising) {
            charge(lo, hi);
            return;
        }
        int[] at = new int[n];
        for (int i = 0; i < n; i++) {
            at[i] = p.cellPointer(i);
        }
        pointers[d] = at;
        if (unread != null) {
            bad[d] = unread;
            for (int j = 0; j < n; j++) {
                if (unread[j]) {
                    long[] range = probedBy(d, j);
                    charge(range[0], range[1]);
                }
            }
        }
    }

    /** The last index at or below {@code i} of a cell that reads ({@code unread} null: all do), or -1. */
    private static int previous(boolean[] unread, int i) {
        while (i >= 0 && unread != null && unread[i]) {
            i--;
        }
        return i;
    }

    /** The first index at or above {@code i} of a cell that reads, or {@code n} when there is none. */
    private static int next(boolean[] unread, int i, int n) {
        while (i < n && unread != null && unread[i]) {
            i++;
        }
        return i;
    }

    /**
     * The rowids whose descent compares with cell {@code j} of interior frame {@code d}. A descent's binary search for
     * the first key at least r ({@code TreeSearch}: lo = 0, hi = n, mid = (lo + hi) / 2) meets cell j with lo and hi
     * where the walk of that search tree down to j leaves them; it is met by exactly the rowids whose answer lies in
     * [lo, hi], those above the key before lo and up to the key at hi. A key there that does not read is replaced by
     * the next one out that does, or the page's own bound: a wider range, never a narrower one.
     */
    private long[] probedBy(int d, int j) {
        long[] k = keys[d];
        boolean[] unread = bad[d];
        int n = k.length;
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (mid == j) {
                break;
            }
            if (j < mid) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        int below = previous(unread, lo - 1);
        int above = next(unread, hi, n);
        long first = below < 0 ? this.first[d] : k[below] == Long.MAX_VALUE ? Long.MAX_VALUE : k[below] + 1;
        long last = above >= n ? this.last[d] : k[above];
        return new long[] {Math.max(first, this.first[d]), Math.min(last, this.last[d])};
    }

    /**
     * The range a descent routes to child {@code i} of the interior frame {@code d}; the frame's own range when its
     * keys do not route (that range is distrusted whole).
     */
    private long[] childRange(int d, int i) {
        long lo = first[d];
        long hi = last[d];
        if (!routes[d] || keys[d] == null || i < 0 || i > keys[d].length) {
            return new long[] {lo, hi};
        }
        long[] k = keys[d];
        // the keys around the child, or the nearest ones that read (a child next to a cell that does not read is
        // reached by no descent: its range is charged already, with that cell's)
        int below = previous(bad[d], i - 1);
        if (below >= 0) {
            // above the key before: an empty range when that key is the largest rowid there is
            if (k[below] == Long.MAX_VALUE) {
                return new long[] {1, 0};
            }
            lo = Math.max(lo, k[below] + 1);
        }
        int above = next(bad[d], i, k.length);
        if (above < k.length) {
            hi = Math.min(hi, k[above]);
        }
        return new long[] {lo, hi};
    }

    /**
     * The walk found a rowid not above the one before it, on the leaf it entered last: that leaf's rows are not in
     * order, or some lie outside its range (the leaf before may be checked in order, this one not).
     */
    void notRising() {
        if (depth < 0 || !leaf[depth]) {
            all = true;
        } else {
            chargeLeaf();
        }
    }

    /** Something on the page last entered cannot be read as the descent would (a cell pointer, a cell). */
    void pageDamaged() {
        if (depth < 0) {
            all = true;
        } else if (!leaf[depth]) {
            charge(first[depth], last[depth]);
        } else {
            chargeLeaf();
        }
    }

    /** The current leaf's range, and each rowid on it outside that range (no descent for it comes here). */
    private void chargeLeaf() {
        if (leafCharged) {
            return;
        }
        leafCharged = true;
        long lo = first[depth];
        long hi = last[depth];
        charge(lo, hi);
        BTreePage p = currentLeaf;
        for (int i = 0; p != null && i < p.cellCount(); i++) {
            long r = rowidAt(p, i);
            if (r != NO_ROWID && (r < lo || r > hi)) {
                charge(r, r);
            }
        }
    }

    /** Read from a cell when its pointer or varints do not: the walk reads no row there (or charges the page). */
    private static final long NO_ROWID = Long.MIN_VALUE;

    /**
     * The rowid of cell {@code i} of a table leaf, read as the walk reads it (after the payload size: fileformat2
     * §1.6); {@link #NO_ROWID} when the pointer is out of range or a varint runs off the page. A real rowid of
     * Long.MIN_VALUE reads as none, which only widens what is charged (its leaf is then charged whole).
     */
    private static long rowidAt(BTreePage p, int i) {
        int at = TreeSearch.rowidAt(p, i);
        return at < 0 ? NO_ROWID : Varint.value(p.data(), at);
    }

    /**
     * A problem the walker reported: charged to the range of the page it names when the walk is on that page or
     * below it, else to the range of the child by that number of a page on the way down (the problem is in a page
     * the walk is about to enter, or could not), else to every rowid.
     */
    void problem(Problem p) {
        long at = p.span().page();
        boolean found = false;
        for (int d = 0; d <= deepest; d++) {
            if (page[d] == at) {
                if (!chargedNarrowly(d, p.span())) {
                    charge(first[d], last[d]);
                }
                found = true;
            }
            long[] c = children[d];
            if (c == null) {
                continue;
            }
            for (int i = 0; i < c.length; i++) {
                if (c[i] == at) {
                    // most likely the page the walk is about to enter: settled when it does
                    long[] range = childRange(d, i);
                    pend(at, p.span(), range[0], range[1]);
                    found = true;
                }
            }
        }
        if (!found && deepest < 0) {
            pend(at, p.span(), Long.MIN_VALUE, Long.MAX_VALUE); // the root's own problems, before it is entered
        } else if (!found) {
            all = true;
        }
    }

    private void pend(long at, Span span, long lo, long hi) {
        if (pendingCount == pendingPage.length) {
            pendingPage = Arrays.copyOf(pendingPage, pendingCount * 2);
            pendingSpan = Arrays.copyOf(pendingSpan, pendingCount * 2);
            pendingLo = Arrays.copyOf(pendingLo, pendingCount * 2);
            pendingHi = Arrays.copyOf(pendingHi, pendingCount * 2);
        }
        pendingPage[pendingCount] = at;
        pendingSpan[pendingCount] = span;
        pendingLo[pendingCount] = lo;
        pendingHi[pendingCount] = hi;
        pendingCount++;
    }

    /**
     * Charges what a problem on interior frame {@code d} can do to a descent when the problem is about one cell or
     * child pointer and the page's keys route: a cell that does not read, named at its pointer or where that points,
     * is covered by the cell's own range ({@link #probedBy}); a child pointer that leads nowhere (a cell's left child,
     * or the right child at the header) misleads only the descents routed to that child. False when the problem is
     * none of these (the caller charges the whole page).
     */
    private boolean chargedNarrowly(int d, Span span) {
        if (!routes[d] || pointers[d] == null) {
            return false;
        }
        int h = BTreePage.headerOffset(page[d]);
        int n = pointers[d].length;
        if (span.offset() == h + 8) {
            long[] range = childRange(d, n);
            charge(range[0], range[1]);
            return true;
        }
        for (int j = 0; j < n; j++) {
            if (span.offset() == h + 12 + 2L * j || span.offset() == pointers[d][j]) {
                if (bad[d] == null || !bad[d][j]) {
                    long[] range = childRange(d, j);
                    charge(range[0], range[1]);
                }
                return true;
            }
        }
        return false;
    }

    private void charge(long lo, long hi) {
        if (lo > hi || all) {
            return;
        }
        if (count == CAP) {
            all = true;
            return;
        }
        if (count == firsts.length) {
            firsts = Arrays.copyOf(firsts, count * 2);
            lasts = Arrays.copyOf(lasts, count * 2);
        }
        firsts[count] = lo;
        lasts[count] = hi;
        count++;
    }

    /**
     * Takes in what {@code part} distrusts: the routes of one part of a walk split across threads, kept by the join
     * in walk order ({@code TableSplit}). Each part's routes were primed with the part's ancestors, so each charged
     * what the whole walk would have charged on its pages.
     */
    void absorb(RowidRoutes part) {
        part.settle(-1, -1);
        if (part.all) {
            all = true;
        }
        for (int i = 0; i < part.count; i++) {
            charge(part.firsts[i], part.lasts[i]);
        }
    }

    /**
     * What the walk leaves distrusted. {@code walkMetDamage}: the walk's own verdict; when it met damage that came to
     * nothing here, every rowid is distrusted rather than none.
     */
    DamagedRowids result(boolean walkMetDamage) {
        settle(-1, -1);
        if (all) {
            return DamagedRowids.ALL;
        }
        DamagedRowids r = DamagedRowids.of(firsts, lasts, count);
        return walkMetDamage && r.none() ? DamagedRowids.ALL : r;
    }
}
