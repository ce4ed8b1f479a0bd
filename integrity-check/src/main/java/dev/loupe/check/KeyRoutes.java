package dev.loupe.check;

import dev.loupe.format.Problem;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.BTreeWalker;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.InteriorCell;
import dev.loupe.format.btree.PathStep;
import dev.loupe.format.record.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * Follows an index's walk to tell which keys a descent may be led to a damaged page by ({@link DamagedKeys}).
 *
 * <p>In an index b-tree each interior cell is a key that sorts after its left subtree and before what follows it
 * (fileformat2 §1.6), and a descent takes the left child of the first cell whose key is not below the one it looks
 * for. So child i of an interior page P is reached only by keys from P's key i-1 to its key i (both included: an
 * equal key may lead either way); for the first child the low end is the one of P's own range, found the same way
 * further up, for the right-most child the high end. These two keys are the last key before the child's subtree and
 * the first after it in walk order. Take a descent whose key K lies outside every such interval of a damaged page and
 * outside the intervals where the key order breaks ({@code KeyBreaks}): every key it compares with on sound pages
 * answers as in an ordered tree, so were it to enter a damaged page, the topmost one on its way (whose parent is sound)
 * would have K in its interval. It enters none, and finds what the walk found. An end is a key read without a problem
 * and of the index's length; where one cannot be read the next one up serves (a wider interval), and where there is
 * none the interval is open on that side.
 *
 * <p>A damaged page is one the walker reported a problem in (or in a child pointer of, or in a child it could not
 * read or enter: then that child's interval), one with a cell pointer out of range or a cell or record that does not
 * read, and an interior page with no cells. The ends are read from the pages when a page is charged, which only damage does: an intact index costs a few
 * stores per page.
 */
final class KeyRoutes {

    /** Intervals kept; past this many every key is in doubt. */
    static final int CAP = 1024;

    /** Reads the key of cell {@code cell} on page {@code page} again (null when it does not read soundly). */
    @FunctionalInterface
    interface KeyAt {
        List<Value> key(long page, int cell);
    }

    private final KeyAt keyAt;
    private final int keyLength;
    /** Per tree level on the walk's way down: the page, its cell count and children, the cell taken below it. */
    private final long[] page = new long[BTreeWalker.MAX_DEPTH + 1];
    private final int[] cells = new int[BTreeWalker.MAX_DEPTH + 1];
    private final long[][] children = new long[BTreeWalker.MAX_DEPTH + 1][];
    private final int[] taken = new int[BTreeWalker.MAX_DEPTH + 1];
    /** The depth of the page last entered; -1 before the root. */
    private int depth = -1;
    private final List<DamagedKeys.Interval> intervals = new ArrayList<>();
    /** The frame last charged (its interval is in already); -1: none. */
    private long lastCharged = -1;
    private boolean all;

    /** @param keyLength values in the index's records: a shorter or longer key does not bound an interval */
    KeyRoutes(KeyAt keyAt, int keyLength) {
        this.keyAt = keyAt;
        this.keyLength = keyLength;
    }

    /** The walk entered {@code p} at {@code path} (as {@code TreeVisitor#page} is told). */
    void page(BTreePage p, List<PathStep> path, int d) {
        if (d > BTreeWalker.MAX_DEPTH || d > depth + 1 && d > 0 || d > 0 && page[d - 1] != path.get(d - 1).page()) {
            all = true; // not the walk this was built for: trust nothing
            return;
        }
        if (d > 0) {
            taken[d - 1] = path.get(d - 1).cellIndex();
        }
        depth = d;
        page[d] = p.number();
        children[d] = null;
        cells[d] = 0;
        if (p.type() == null || p.type().isLeaf()) {
            return;
        }
        int n = p.cellCount();
        long[] c = new long[n + 1];
        boolean readable = !p.type().isTable();
        for (int i = 0; i < n; i++) {
            Cell cell = p.cellPointerValid(i) ? p.cell(i) : null;
            c[i] = cell instanceof InteriorCell ic ? ic.leftChild() : -1;
            readable &= c[i] != -1;
        }
        c[n] = p.header().rightChild();
        children[d] = c;
        cells[d] = n;
        // a descent does not go through an interior page with no cells (SQLite's cursor refuses it, and so does the
        // exact pass's IndexSeek), nor past a cell it cannot read; the walker skips such a cell without a word
        if (n == 0 || !readable) {
            charge(d);
        }
    }

    /** The page {@code pageNumber}, on the walk's way down, is damaged (a cell pointer, cell or record there). */
    void damaged(long pageNumber) {
        for (int d = 0; d <= depth; d++) {
            if (page[d] == pageNumber) {
                charge(d);
                return;
            }
        }
        all = true;
    }

    /**
     * A problem the walker reported: charged to the page it names when that page is on the walk's way down, else to
     * the child by that number of a page on the way down (a child it is about to enter, or cannot), else every key
     * is in doubt.
     */
    void problem(Problem p) {
        long at = p.span().page();
        for (int d = 0; d <= depth; d++) {
            if (page[d] == at) {
                charge(d);
                return;
            }
        }
        boolean found = false;
        for (int d = 0; d <= depth; d++) {
            long[] c = children[d];
            for (int i = 0; c != null && i < c.length; i++) {
                if (c[i] == at) {
                    child(d, i);
                    found = true;
                }
            }
        }
        if (!found) {
            all = true;
        }
    }

    /** Charges the page at depth {@code d} of the way down: the interval of the child it is of its parent. */
    private void charge(int d) {
        if (lastCharged == page[d]) {
            return; // one interval per page, whatever number of its cells are damaged
        }
        lastCharged = page[d];
        if (d == 0) {
            all = true; // the root's interval holds every key
            return;
        }
        child(d - 1, taken[d - 1]);
    }

    /** Charges the keys that lead from the page at depth {@code d} of the way down to its child {@code i}. */
    private void child(int d, int i) {
        if (all) {
            return;
        }
        List<Value> low = null;
        for (int k = d, c = i; k >= 0 && low == null; c = k > 0 ? taken[k - 1] : 0, k--) {
            if (c > 0) {
                low = sound(keyAt.key(page[k], c - 1));
            }
        }
        List<Value> high = null;
        for (int k = d, c = i; k >= 0 && high == null; c = k > 0 ? taken[k - 1] : 0, k--) {
            if (c < cells[k]) {
                high = sound(keyAt.key(page[k], c));
            }
        }
        if (intervals.size() == CAP) {
            all = true;
            return;
        }
        intervals.add(new DamagedKeys.Interval(low, high));
    }

    /** Values in the index's records (a key of another length bounds nothing). */
    int keyLength() {
        return keyLength;
    }

    /**
     * The keys a descent may be led to the leaf {@code pageNumber} by, the page the walk is in, below the root: from
     * the key just before the leaf's cells in walk order to the one just after them (the dividers of its ancestors
     * nearest it on either side; null for none on that side). Null when the walk is not in that page, the page is
     * the root, or one of those two keys does not read soundly (no wider interval stands in for it here).
     */
    DamagedKeys.Interval leafRoute(long pageNumber) {
        if (all || depth < 1 || page[depth] != pageNumber) {
            return null;
        }
        List<Value> low = null;
        for (int k = depth - 1; k >= 0; k--) {
            if (taken[k] > 0) {
                low = sound(keyAt.key(page[k], taken[k] - 1));
                if (low == null) {
                    return null;
                }
                break;
            }
        }
        List<Value> high = null;
        for (int k = depth - 1; k >= 0; k--) {
            if (taken[k] < cells[k]) {
                high = sound(keyAt.key(page[k], taken[k]));
                if (high == null) {
                    return null;
                }
                break;
            }
        }
        return new DamagedKeys.Interval(low, high);
    }

    private List<Value> sound(List<Value> key) {
        return key != null && key.size() == keyLength && !key.contains(null) ? key : null;
    }

    /**
     * What the walk leaves in doubt. {@code walkMetDamage}: the walk's own verdict; when it met damage that came to
     * nothing here, every key is in doubt rather than none.
     */
    DamagedKeys result(boolean walkMetDamage) {
        if (all || walkMetDamage && intervals.isEmpty()) {
            return DamagedKeys.ALL;
        }
        return new DamagedKeys(false, intervals);
    }
}
