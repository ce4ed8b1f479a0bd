package dev.loupe.check;

import dev.loupe.format.Problem;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.BTreeWalker;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.InteriorCell;
import dev.loupe.format.btree.PathStep;
import dev.loupe.format.record.Value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Follows an index's walk to tell which keys a descent may be led through a damaged page ({@link DamagedKeys}).
 *
 * <p>An index b-tree's walk meets its keys in key order, each interior cell between the subtrees on its two sides. So
 * the page X's subtree lies, in walk order, between the last key met before the walk entered X, {@code lo}, and the
 * first key met after it left X, {@code hi}; where X's parent is sound, those are the parent's keys on either side of
 * the pointer to X, or keys further up, and a descent reaches X only for a key in {@code [lo, hi]}. Take a descent
 * whose key K lies outside every such interval of a damaged page and outside the intervals where the key order breaks
 * ({@code KeyBreaks}): every key it compares with on sound pages answers as in an ordered tree, so were it to enter a
 * damaged page, the topmost one on its way (whose parent is sound) would have K between its {@code lo} and its
 * {@code hi}. It enters none, and finds what the walk found. The keys of damaged cells take no part: only sound keys
 * (records read without a problem, of the index's length) serve as {@code lo} and {@code hi}; none before or after
 * means no bound on that side.
 *
 * <p>A damaged page is one the walker reported a problem in (or in a child pointer of, or in a child it could not
 * read: then the page holding the pointer), one with a cell pointer out of range or a cell or record that does not
 * read. Its {@code lo} is found again when the page is charged, from where the last sound key before it was; its
 * {@code hi} is taken from the first sound key met once the walk is out of the page's subtree.
 */
final class KeyRoutes {

    /** Intervals kept; past this many every key is in doubt. */
    static final int CAP = 1024;

    /** Reads the sound key of cell {@code cell} on page {@code page} again (null when it cannot). */
    @FunctionalInterface
    interface KeyAt {
        List<Value> key(long page, int cell);
    }

    private final KeyAt keyAt;
    private final long[] page = new long[BTreeWalker.MAX_DEPTH + 1];
    /** Where the last sound key before each frame's page was (page 0: none, no lower bound). */
    private final long[] beforePage = new long[BTreeWalker.MAX_DEPTH + 1];
    private final int[] beforeCell = new int[BTreeWalker.MAX_DEPTH + 1];
    private final long[][] children = new long[BTreeWalker.MAX_DEPTH + 1][];
    private final boolean[] charged = new boolean[BTreeWalker.MAX_DEPTH + 1];
    private int deepest = -1;
    /** Where the last sound key met was. */
    private long lastPage;
    private int lastCell;

    /** Intervals still waiting for their high end: their low end and the depth of the page charged. */
    private final List<List<Value>> pendingLow = new ArrayList<>();
    private int[] pendingDepth = new int[4];
    private boolean[] pendingLeft = new boolean[4];
    private final List<DamagedKeys.Interval> closed = new ArrayList<>();
    private boolean all;

    KeyRoutes(KeyAt keyAt) {
        this.keyAt = keyAt;
    }

    /** The walk entered {@code p} at depth {@code d} (as {@code TreeVisitor#page} is told). */
    void page(BTreePage p, int d) {
        if (d > BTreeWalker.MAX_DEPTH || d > deepest + 1) {
            all = true;
            return;
        }
        left(d); // the subtrees of the pages at depth d and below are over
        page[d] = p.number();
        beforePage[d] = lastPage;
        beforeCell[d] = lastCell;
        charged[d] = false;
        children[d] = null;
        deepest = Math.max(deepest, d);
        if (p.type() == null || p.type().isLeaf()) {
            return;
        }
        int n = p.cellCount();
        long[] c = new long[n + 1];
        for (int i = 0; i < n; i++) {
            Cell cell = p.cellPointerValid(i) ? p.cell(i) : null;
            c[i] = cell instanceof InteriorCell ic ? ic.leftChild() : -1;
        }
        c[n] = p.header().rightChild();
        children[d] = c;
    }

    /**
     * A sound key the walk met, in cell {@code cell} of page {@code pageNumber} at depth {@code d}. True when an
     * interval ends there: the caller then hands the key, decoded, to {@link #high}. (Per entry of every index: no
     * allocation, and nothing but two stores while no damaged page waits for its high end.)
     */
    boolean key(int d, long pageNumber, int cell) {
        lastPage = pageNumber;
        lastCell = cell;
        if (pendingLow.isEmpty()) {
            return false;
        }
        left(d + 1); // a key on a page at depth d: the walk is out of every subtree deeper than d
        for (int i = 0; i < pendingLow.size(); i++) {
            if (pendingLeft[i]) {
                return true;
            }
        }
        return false;
    }

    /** The key {@link #key} was told of last, when it answered true: the high end of the intervals it ends. */
    void high(List<Value> key) {
        for (int i = pendingLow.size() - 1; i >= 0; i--) {
            if (pendingLeft[i]) {
                close(i, key);
            }
        }
    }

    /** The page {@code pageNumber} is damaged (a cell pointer, a cell or a record on it does not read). */
    void damaged(long pageNumber) {
        for (int d = 0; d <= deepest; d++) {
            if (page[d] == pageNumber) {
                charge(d);
                return;
            }
        }
        all = true;
    }

    /**
     * A problem the walker reported: charged to the page it names when that page is on the walk's way down, else to
     * the page on the way down that points to it, else every key is in doubt.
     */
    void problem(Problem p) {
        long at = p.span().page();
        for (int d = 0; d <= deepest; d++) {
            if (page[d] == at) {
                charge(d);
                return;
            }
        }
        boolean found = false;
        for (int d = 0; d <= deepest; d++) {
            if (children[d] != null && contains(children[d], at)) {
                charge(d);
                found = true;
            }
        }
        if (!found) {
            all = true;
        }
    }

    private static boolean contains(long[] a, long v) {
        for (long x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    private void charge(int d) {
        if (charged[d] || all) {
            return;
        }
        charged[d] = true;
        List<Value> low = null;
        if (beforePage[d] != 0) {
            low = keyAt.key(beforePage[d], beforeCell[d]);
            if (low == null) {
                all = true;
                return;
            }
        }
        int n = pendingLow.size();
        if (n == pendingDepth.length) {
            pendingDepth = Arrays.copyOf(pendingDepth, 2 * n);
            pendingLeft = Arrays.copyOf(pendingLeft, 2 * n);
        }
        pendingLow.add(low);
        pendingDepth[n] = d;
        pendingLeft[n] = false;
    }

    /** Marks the pending intervals of pages at depth {@code d} or deeper as left behind by the walk. */
    private void left(int d) {
        for (int i = 0; i < pendingLow.size(); i++) {
            if (pendingDepth[i] >= d) {
                pendingLeft[i] = true;
            }
        }
        for (int k = Math.max(0, d); k <= deepest; k++) {
            charged[k] = charged[k] && k < d;
        }
    }

    private void close(int i, List<Value> high) {
        add(pendingLow.get(i), high);
        int last = pendingLow.size() - 1;
        pendingLow.set(i, pendingLow.get(last));
        pendingDepth[i] = pendingDepth[last];
        pendingLeft[i] = pendingLeft[last];
        pendingLow.remove(last);
    }

    private void add(List<Value> low, List<Value> high) {
        if (closed.size() == CAP) {
            all = true;
            return;
        }
        closed.add(new DamagedKeys.Interval(low, high));
    }

    /**
     * What the walk leaves in doubt. {@code walkMetDamage}: the walk's own verdict; when it met damage that came to
     * nothing here, every key is in doubt rather than none.
     */
    DamagedKeys result(boolean walkMetDamage) {
        for (int i = pendingLow.size() - 1; i >= 0; i--) {
            close(i, null); // no sound key after it: no upper bound
        }
        if (all || walkMetDamage && closed.isEmpty()) {
            return DamagedKeys.ALL;
        }
        return new DamagedKeys(false, closed);
    }
}
