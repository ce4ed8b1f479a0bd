package dev.loupe.gui;

import java.util.Arrays;
import java.util.BitSet;
import java.util.function.IntConsumer;

/**
 * Where each item of a {@link TreeShape} is drawn for one collapse state, in world units (a box is
 * {@link #BOX_W} by {@link #BOX_H}): leaves first, left to right, parents centred over their children. Children that
 * are all leaves (or collapsed, or broken links' boxes) form a group that wraps into rows ({@link #columns}), so the
 * usual wide, shallow b-tree (one root, dozens of leaves) stays legible when fitted, and the hundreds of leaves under
 * one interior page of 4 KiB make a block rather than a line a hundred thousand pixels long. Items are bucketed by
 * x, so what a viewport shows is found without looking at the rest: drawing and hit-testing cost what is on screen,
 * not what the tree holds.
 */
final class TreeLayout {

    static final double BOX_W = 150;
    static final double BOX_H = 64;
    static final double H_GAP = 18;
    static final double V_GAP = 56;
    static final double ROW_GAP = 22;
    /** Room under a box for the "+N pages" line of a collapsed node. */
    static final double LABEL_H = 18;
    /** Fewest boxes in a row of a group that wraps. */
    static final int WRAP = 8;
    private static final double BUCKET_W = 4 * (BOX_W + H_GAP);

    private final TreeShape shape;
    private final BitSet collapsed;
    /** Centre x and top y of each item; NaN for an item a collapsed ancestor hides. */
    private final double[] x;
    private final double[] y;
    /** Items shown, depth-first. */
    private final int[] shown;
    /** Shown items whose children are shown (expanded interior nodes), with their children's extent. */
    private final int[] parents;
    private final double[] kidsMinX;
    private final double[] kidsMaxX;
    private final double[] kidsMaxY;
    private final double[] kidsTop;
    /** Whether the parent's children form a group (all terminal: leaves, collapsed nodes, broken links' boxes). */
    private final boolean[] group;
    /** Per item: its parent's index in {@link #parents}, -1 for the root and hidden items. */
    private final int[] parentSlot;
    /** Per item: whether its children form a group (set while placing). */
    private final BitSet groups = new BitSet();
    /** Shown items by bucket of their left edge: items of bucket b are bucketItems[bucketStart[b]..[b+1]). */
    private final int[] bucketStart;
    private final int[] bucketItems;
    private final double width;
    private final double height;
    private double nextSlot;

    private TreeLayout(TreeShape shape, BitSet collapsed) {
        this.shape = shape;
        this.collapsed = collapsed;
        int n = shape.size();
        x = new double[n];
        y = new double[n];
        Arrays.fill(x, Double.NaN);
        Arrays.fill(y, Double.NaN);
        if (n > 0) {
            place(0, 0);
        }
        int count = 0;
        int parentCount = 0;
        double maxX = 0;
        double maxY = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(x[i])) {
                count++;
                maxX = Math.max(maxX, x[i] + BOX_W / 2);
                maxY = Math.max(maxY, y[i] + BOX_H + LABEL_H);
                if (expanded(i)) {
                    parentCount++;
                }
            }
        }
        shown = new int[count];
        parents = new int[parentCount];
        kidsMinX = new double[parentCount];
        kidsMaxX = new double[parentCount];
        kidsMaxY = new double[parentCount];
        kidsTop = new double[parentCount];
        group = new boolean[parentCount];
        parentSlot = new int[n];
        Arrays.fill(parentSlot, -1);
        int s = 0;
        int p = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(x[i])) {
                continue;
            }
            shown[s++] = i;
            if (expanded(i)) {
                double lo = Double.MAX_VALUE;
                double hi = -Double.MAX_VALUE;
                double low = 0;
                double high = Double.MAX_VALUE;
                for (int c = i + 1; c < shape.end(i); c = shape.end(c)) {
                    lo = Math.min(lo, x[c]);
                    hi = Math.max(hi, x[c]);
                    low = Math.max(low, y[c]);
                    high = Math.min(high, y[c]);
                    parentSlot[c] = p;
                }
                parents[p] = i;
                kidsMinX[p] = lo;
                kidsMaxX[p] = hi;
                kidsMaxY[p] = low;
                kidsTop[p] = high;
                group[p] = groups.get(i);
                p++;
            }
        }
        width = maxX;
        height = maxY;
        int buckets = (int) (maxX / BUCKET_W) + 1;
        bucketStart = new int[buckets + 1];
        for (int i : shown) {
            bucketStart[bucket(i) + 1]++;
        }
        for (int b = 0; b < buckets; b++) {
            bucketStart[b + 1] += bucketStart[b];
        }
        bucketItems = new int[count];
        int[] fill = Arrays.copyOf(bucketStart, buckets);
        for (int i : shown) {
            bucketItems[fill[bucket(i)]++] = i;
        }
    }

    /** Lays out {@code shape} with the nodes of {@code collapsed} (item indices) folded; the set is copied. */
    static TreeLayout of(TreeShape shape, BitSet collapsed) {
        return new TreeLayout(shape, (BitSet) collapsed.clone());
    }

    TreeShape shape() {
        return shape;
    }

    /** The collapse state this layout was made for (do not modify). */
    BitSet collapsed() {
        return collapsed;
    }

    boolean isCollapsed(int i) {
        return collapsed.get(i);
    }

    /** Whether the item's children are drawn: a shown node with children that is not collapsed. */
    boolean expanded(int i) {
        return shape.hasChildren(i) && !collapsed.get(i) && !Double.isNaN(x[i]);
    }

    boolean isShown(int i) {
        return i >= 0 && i < x.length && !Double.isNaN(x[i]);
    }

    double centreX(int i) {
        return x[i];
    }

    double top(int i) {
        return y[i];
    }

    int shownCount() {
        return shown.length;
    }

    /** Right edge of the drawing (its left edge is 0). */
    double width() {
        return width;
    }

    /** Bottom edge of the drawing (its top is 0). */
    double height() {
        return height;
    }

    /** Items shown, depth-first. */
    int[] shown() {
        return shown;
    }

    /**
     * Calls {@code action} with every shown item whose box (and the line under it) meets the rectangle
     * [x0, x1] × [y0, y1] of world coordinates.
     */
    void forEachBoxIn(double x0, double y0, double x1, double y1, IntConsumer action) {
        if (bucketItems.length == 0 || x1 < 0 || x0 > width) {
            return;
        }
        int from = Math.max(0, (int) Math.floor((x0 - BOX_W) / BUCKET_W));
        int to = Math.min(bucketStart.length - 2, (int) Math.floor(x1 / BUCKET_W));
        for (int b = from; b <= to; b++) {
            for (int k = bucketStart[b]; k < bucketStart[b + 1]; k++) {
                int i = bucketItems[k];
                double left = x[i] - BOX_W / 2;
                if (left <= x1 && left + BOX_W >= x0 && y[i] <= y1 && y[i] + BOX_H + LABEL_H >= y0) {
                    action.accept(i);
                }
            }
        }
    }

    /**
     * Calls {@code action} with every shown item whose edge from its parent may cross the rectangle [x0, x1] × [y0,
     * y1]: only the parents whose span of children meets it are looked at.
     */
    void forEachEdgeIn(double x0, double y0, double x1, double y1, IntConsumer action) {
        for (int p = 0; p < parents.length; p++) {
            int i = parents[p];
            double lo = Math.min(x[i], kidsMinX[p]);
            double hi = Math.max(x[i], kidsMaxX[p]);
            if (hi < x0 || lo > x1 || y[i] + BOX_H > y1 || kidsMaxY[p] < y0) {
                continue;
            }
            double fromX = x[i];
            double fromY = y[i] + BOX_H;
            for (int c = i + 1; c < shape.end(i); c = shape.end(c)) {
                double toX = x[c];
                double toY = y[c];
                if (Math.max(fromX, toX) >= x0 && Math.min(fromX, toX) <= x1 && toY >= y0 && fromY <= y1) {
                    action.accept(c);
                }
            }
        }
    }

    /**
     * Calls {@code action} with the index (for {@link #parentItem} and the other group accessors) of every expanded
     * parent whose children's block, or whose edges to them, may meet the rectangle [x0, x1] × [y0, y1].
     */
    void forEachParentIn(double x0, double y0, double x1, double y1, IntConsumer action) {
        for (int p = 0; p < parents.length; p++) {
            int i = parents[p];
            double lo = Math.min(x[i], kidsMinX[p]) - BOX_W / 2;
            double hi = Math.max(x[i], kidsMaxX[p]) + BOX_W / 2;
            if (hi >= x0 && lo <= x1 && y[i] + BOX_H <= y1 && kidsMaxY[p] + BOX_H + LABEL_H >= y0) {
                action.accept(p);
            }
        }
    }

    int parentItem(int p) {
        return parents[p];
    }

    /** Whether parent {@code p}'s children form a group of terminal boxes (see the class comment). */
    boolean isGroup(int p) {
        return group[p];
    }

    /** The block the children of parent {@code p} cover: left, top, right, bottom in world units. */
    double[] block(int p) {
        return new double[]{kidsMinX[p] - BOX_W / 2, kidsTop[p], kidsMaxX[p] + BOX_W / 2, kidsMaxY[p] + BOX_H};
    }

    /** Top of the first row of parent {@code p}'s children. */
    double kidsTop(int p) {
        return kidsTop[p];
    }

    /** Whether item {@code i} is one of a group of terminal boxes (its parent's children wrap as a block). */
    boolean inGroup(int i) {
        return parentSlot[i] >= 0 && group[parentSlot[i]];
    }

    /** Whether item {@code i} is in the first row of its parent's children. */
    boolean inFirstRow(int i) {
        return parentSlot[i] >= 0 && y[i] == kidsTop[parentSlot[i]];
    }

    /** The shown item whose box holds the world point (wx, wy), -1 for none. */
    int itemAt(double wx, double wy) {
        int[] found = {-1};
        forEachBoxIn(wx, wy, wx, wy, i -> {
            if (wy <= y[i] + BOX_H) {
                found[0] = i;
            }
        });
        return found[0];
    }

    private int bucket(int i) {
        return (int) Math.max(0, (x[i] - BOX_W / 2) / BUCKET_W);
    }

    /** Places item {@code i} and what it shows below it at top {@code top}; returns its centre x. */
    private double place(int i, double top) {
        double cx;
        if (!shape.isNode(i) || !shape.hasChildren(i) || collapsed.get(i)) {
            cx = slot();
        } else {
            int[] kids = shape.children(i);
            boolean terminal = true;
            for (int c : kids) {
                terminal &= !shape.isNode(c) || !shape.hasChildren(c) || collapsed.get(c);
            }
            if (terminal) {
                groups.set(i);
            }
            int columns = columns(kids.length);
            if (terminal && kids.length > columns) {
                double start = nextSlot;
                for (int k = 0; k < kids.length; k++) {
                    nextSlot = start + k % columns;
                    place(kids[k], top + BOX_H + V_GAP + (k / columns) * (BOX_H + ROW_GAP));
                }
                nextSlot = start + columns;
                cx = (x[kids[0]] + x[kids[columns - 1]]) / 2;
            } else {
                for (int c : kids) {
                    place(c, top + BOX_H + V_GAP);
                }
                cx = (x[kids[0]] + x[kids[kids.length - 1]]) / 2;
            }
        }
        x[i] = cx;
        y[i] = top;
        return cx;
    }

    /**
     * Boxes per row of a group of {@code n}: at least {@link #WRAP}, and about 1.5 √n, so that a large group is a
     * block about as wide as a screen is wide in proportion to its height, not a tall column.
     */
    static int columns(int n) {
        return Math.max(WRAP, (int) Math.round(1.5 * Math.sqrt(n)));
    }

    private double slot() {
        double cx = nextSlot * (BOX_W + H_GAP) + BOX_W / 2;
        nextSlot++;
        return cx;
    }
}
