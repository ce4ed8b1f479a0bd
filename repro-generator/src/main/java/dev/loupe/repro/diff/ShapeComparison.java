package dev.loupe.repro.diff;

import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.Freeblock;
import dev.loupe.format.page.PageSource;

import java.io.IOException;
import java.util.StringJoiner;

/**
 * Compares how two files lay out the same b-tree: its shape (depth, pages per level, leaf and interior pages,
 * fill), the numbers of its pages, and, when the shapes agree, where the cells and the free space lie inside each
 * pair of corresponding pages. All benign: SQLite's balance routines and another engine's may split and place
 * differently, and VACUUM alone renumbers pages; what a reader sees is compared by {@link ContentComparison}.
 */
final class ShapeComparison {

    private ShapeComparison() {
    }

    static void compare(ObjectTarget t, Side a, Side b, TreeShape sa, TreeShape sb, Differences out)
            throws IOException {
        boolean sameShape = sa.sameShape(sb);
        // fill is only comparable between pages of one usable size
        boolean otherFill = a.db.usableSize() == b.db.usableSize() && sa.fillPercent() != sb.fillPercent();
        if (!sameShape || sa.overflowPages() != sb.overflowPages() || otherFill) {
            out.add(new Difference(DiffClass.BENIGN, DiffKind.TREE_SHAPE, t.name(), null, t.rootA(), t.rootB(), -1,
                    -1, null, sa.describe(), sb.describe(), "the b-tree is shaped differently: "
                    + (sameShape ? "same pages and cells per page, other fill or overflow" : "other depth, pages or"
                    + " cells per page") + " (another engine may split pages differently)"));
        }
        int firstOther = -1;
        int n = Math.min(sa.pageCount(), sb.pageCount());
        for (int i = 0; i < n && firstOther < 0; i++) {
            if (sa.pageNumber(i) != sb.pageNumber(i)) {
                firstOther = i;
            }
        }
        if (firstOther >= 0 || sa.pageCount() != sb.pageCount()) {
            int i = firstOther >= 0 ? firstOther : n;
            out.add(new Difference(DiffClass.BENIGN, DiffKind.PAGE_PLACEMENT, t.name(), null,
                    i < sa.pageCount() ? sa.pageNumber(i) : 0, i < sb.pageCount() ? sb.pageNumber(i) : 0, -1, -1,
                    null, pages(sa), pages(sb), "the b-tree's pages have other numbers; the first to differ is page "
                    + (i + 1) + " in walk order (page placement)"));
        }
        if (!sameShape) {
            return;
        }
        for (int i = 0; i < sa.pageCount(); i++) {
            if (sa.placement(i) != sb.placement(i)) {
                cellPlacement(t, a.db.pages(), a.db.usableSize(), sa.pageNumber(i), b.db.pages(), b.db.usableSize(),
                        sb.pageNumber(i), out);
            }
        }
    }

    private static void cellPlacement(ObjectTarget t, PageSource pa, int ua, long a, PageSource pb, int ub, long b,
                                      Differences out) throws IOException {
        String da = "";
        String db = "";
        if (!out.full(DiffClass.BENIGN)) {
            da = layout(pa, ua, a);
            db = layout(pb, ub, b);
        }
        out.add(new Difference(DiffClass.BENIGN, DiffKind.CELL_PLACEMENT, t.name(), null, a, b, -1, -1, null, da, db,
                "page " + a + " vs page " + b + ": the same cells at other offsets, or other free space"));
    }

    /** "content at 3012, cells at 4080 4060 ..., freeblocks 100+12, 3 fragmented bytes". */
    private static String layout(PageSource pages, int usable, long pgno) throws IOException {
        byte[] data = pages.read(pgno);
        if (data == null) {
            return "unreadable";
        }
        BTreePage p = BTreePage.decode(pgno, data, usable);
        StringJoiner cells = new StringJoiner(" ");
        for (int i = 0; i < Math.min(p.cellCount(), 8); i++) {
            cells.add(Integer.toString(p.cellPointer(i)));
        }
        StringJoiner free = new StringJoiner(" ");
        for (Freeblock f : p.freeblocks()) {
            free.add(f.offset() + "+" + f.size());
        }
        return "content at " + p.header().cellContentStart() + ", cells at " + cells
                + (p.cellCount() > 8 ? " ..." : "") + ", freeblocks " + (free.length() == 0 ? "none" : free)
                + ", " + p.header().fragmentedFreeBytes() + " fragmented bytes";
    }

    /** "5 pages: 2 3 4 5 6" in walk order (at most 8 numbers). */
    private static String pages(TreeShape s) {
        StringJoiner j = new StringJoiner(" ");
        for (int i = 0; i < Math.min(s.pageCount(), 8); i++) {
            j.add(Long.toString(s.pageNumber(i)));
        }
        return s.pageCount() + (s.pageCount() == 1 ? " page: " : " pages: ") + j + (s.pageCount() > 8 ? " ..." : "");
    }
}
