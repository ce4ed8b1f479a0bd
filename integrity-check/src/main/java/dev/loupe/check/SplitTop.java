package dev.loupe.check;

import dev.loupe.format.Database;
import dev.loupe.format.Span;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.InteriorCell;
import dev.loupe.format.btree.PageType;
import dev.loupe.format.btree.PathStep;
import dev.loupe.format.page.PageSet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The top levels of a b-tree read for a split walk ({@link TableSplit}, {@link IndexSplit}): the subtrees below the
 * root (or below its children, when the root has too few for the threads), in walk order, each with the divider
 * cell the whole walk meets after it, cut into consecutive slices. The top pages must be interior pages of the
 * tree's kind that decode without a problem, and the root's children interior pages too (a tree of three levels or
 * more); else there is no split.
 */
final class SplitTop {

    /** Parts per thread, at most: enough for the threads to end together, few enough to cost nothing. */
    private static final int PARTS_PER_THREAD = 16;
    /** Parts at most, whatever the threads (each keeps its checks' state until the join). */
    private static final int MAX_PARTS = 256;

    /** A subtree to walk: its page, the bytes of the pointer to it, and the path from the root to that pointer. */
    record Subtree(long page, Span from, List<PathStep> path) {
    }

    /** The cell the whole walk meets after a subtree: cell {@code cell} of page {@code page} (an index's entry). */
    record Divider(long page, int cell, List<PathStep> path) {
    }

    /** A subtree and the divider that follows it in walk order (null after the last subtree of the tree). */
    record Unit(Subtree subtree, Divider divider) {
    }

    private SplitTop() {
    }

    /**
     * The units below the top levels of the tree rooted at {@code rootPage}, cut into at most
     * {@link #partsWanted} slices for {@code threads} threads; the top pages are added to {@code top}. Null when the
     * tree is not split.
     */
    static List<List<Unit>> cut(Database db, long rootPage, PageType interior, int threads, PageSet top)
            throws IOException {
        BTreePage root = interior(db, rootPage, top, interior);
        if (root == null) {
            return null;
        }
        List<Unit> units = units(root, List.of(), db.pageCount(), null);
        if (units == null || interior(db, units.get(0).subtree().page(), new PageSet(), interior) == null) {
            return null; // the root's children are leaves (or cannot be read): too small to split
        }
        int wanted = partsWanted(threads);
        if (units.size() < wanted) {
            // few children below the root: split one level lower, each child's last subtree followed by the root's
            // divider after that child
            List<Unit> lower = new ArrayList<>();
            for (Unit u : units) {
                BTreePage p = interior(db, u.subtree().page(), top, interior);
                List<Unit> c = p == null ? null : units(p, u.subtree().path(), db.pageCount(), u.divider());
                if (c == null) {
                    return null;
                }
                lower.addAll(c);
            }
            units = lower;
        }
        return slices(units, wanted);
    }

    /** {@code items} cut into at most {@code n} slices of consecutive items, as equal as they come. */
    static <T> List<List<T>> slices(List<T> items, int n) {
        int count = Math.min(n, items.size());
        List<List<T>> out = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            int from = (int) ((long) items.size() * k / count);
            int to = (int) ((long) items.size() * (k + 1) / count);
            out.add(List.copyOf(items.subList(from, to)));
        }
        return out;
    }

    /** How many parts a tree is cut into for {@code threads} threads, at most. */
    static int partsWanted(int threads) {
        return Math.min(MAX_PARTS, PARTS_PER_THREAD * threads);
    }

    /**
     * Page {@code pgno} decoded, when it is an interior page of {@code kind} that decodes without a problem, has
     * cells, and is not in {@code seen} (it is added); else null.
     */
    private static BTreePage interior(Database db, long pgno, PageSet seen, PageType kind) throws IOException {
        if (!seen.add(pgno)) {
            return null;
        }
        byte[] data = db.pages().read(pgno);
        if (data == null) {
            return null;
        }
        BTreePage p = BTreePage.decode(pgno, data, db.usableSize());
        if (p.type() != kind || !p.problems().isEmpty() || p.cellCount() == 0) {
            return null;
        }
        return p;
    }

    /**
     * The units below interior page {@code p} in walk order, the last (its right child) followed by {@code tail};
     * null when a cell is damaged or points nowhere.
     */
    private static List<Unit> units(BTreePage p, List<PathStep> above, long pageCount, Divider tail) {
        List<Unit> out = new ArrayList<>(p.cellCount() + 1);
        for (int i = 0; i < p.cellCount(); i++) {
            Cell c = p.cell(i);
            if (!(c instanceof InteriorCell ic) || !c.problems().isEmpty() || ic.leftChild() < 1
                    || ic.leftChild() > pageCount) {
                return null;
            }
            List<PathStep> path = pathTo(above, p.number(), i);
            out.add(new Unit(new Subtree(ic.leftChild(), ic.leftChildSpan(), path), new Divider(p.number(), i, path)));
        }
        long right = p.header().rightChild();
        if (right < 1 || right > pageCount) {
            return null;
        }
        out.add(new Unit(new Subtree(right, p.rightChildSpan(), pathTo(above, p.number(), p.cellCount())), tail));
        return out;
    }

    /** {@code above} and one more step: cell {@code cell} of page {@code page}. */
    private static List<PathStep> pathTo(List<PathStep> above, long page, int cell) {
        List<PathStep> path = new ArrayList<>(above.size() + 1);
        path.addAll(above);
        path.add(new PathStep(page, cell));
        return List.copyOf(path);
    }
}
