package dev.loupe.format.space;

import dev.loupe.format.Database;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.BTreePageHeader;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.Freeblock;
import dev.loupe.format.btree.LocalPayload;
import dev.loupe.format.btree.PageType;
import dev.loupe.format.btree.PayloadCell;
import dev.loupe.format.btree.TreeCensus;
import dev.loupe.format.map.ObjectPages;
import dev.loupe.format.map.PageMap;
import dev.loupe.format.page.PageSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Space used by every b-tree of a {@link PageMap}, page by page as dbstat measures it (src/dbstat.c
 * statDecodePage): a b-tree page's unused bytes are the gap between its cell pointer array and its cell content
 * area plus its freeblocks plus its fragmented bytes; its payload is the local payload of its cells; a cell's
 * overflow pages hold usable size - 4 payload bytes each but the last, whose unfilled rest is unused. Each tree
 * page is read once; overflow pages are not read (their payload follows from the cell's declared size).
 */
public final class SpaceAnalysis {

    private static final PageType[] TYPES = PageType.values();

    private SpaceAnalysis() {
    }

    public static List<ObjectSpace> of(Database db, PageMap map) throws IOException {
        List<ObjectSpace> out = new ArrayList<>();
        for (ObjectPages o : map.objects()) {
            out.add(measure(db, o));
        }
        return List.copyOf(out);
    }

    private static ObjectSpace measure(Database db, ObjectPages object) throws IOException {
        PageSource pages = db.pages();
        int usable = db.usableSize();
        long perOverflowPage = usable - 4L;
        TreeCensus census = object.census();
        long[] treePages = census.pages();
        long leafCells = 0;
        long cells = 0;
        long payload = 0;
        long overflowPayload = 0;
        long interiorUnused = 0;
        long leafUnused = 0;
        long overflowUnused = 0;
        long maxPayload = 0;
        long withOverflow = 0;
        for (long pgno : treePages) {
            byte[] data = pages.read(pgno);
            if (data == null) {
                continue;
            }
            BTreePage page = BTreePage.decode(pgno, data, usable);
            PageType type = page.type();
            if (type == null) {
                continue;
            }
            int n = page.cellCount();
            cells += n;
            long unused = unused(page);
            if (type.isLeaf()) {
                leafCells += n;
                leafUnused += unused;
            } else {
                interiorUnused += unused;
            }
            for (int i = 0; i < n; i++) {
                Cell cell = page.cell(i);
                if (!(cell instanceof PayloadCell pc)) {
                    continue; // a table-interior cell has no payload
                }
                LocalPayload local = pc.payload();
                payload += local.localSize();
                maxPayload = Math.max(maxPayload, local.declaredSize());
                if (local.overflows() && perOverflowPage > 0) {
                    long rest = Math.max(0, local.declaredSize() - local.localSize());
                    long chainPages = (rest + perOverflowPage - 1) / perOverflowPage;
                    overflowPayload += rest;
                    overflowUnused += chainPages * perOverflowPage - rest;
                    withOverflow++;
                }
            }
        }
        payload += overflowPayload;
        return new ObjectSpace(object.type(), object.name(), object.tableName(), census.interiorPages(),
                census.leafPages(), census.overflowPages(), census.entries(), leafCells, cells, payload,
                overflowPayload, interiorUnused, leafUnused, overflowUnused, maxPayload, withOverflow, census.depth(),
                nonSequentialLeaves(census), db.pageSize());
    }

    /** dbstat's nUnused: cell content start - end of the cell pointer array + fragmented bytes + freeblock sizes. */
    private static long unused(BTreePage page) {
        BTreePageHeader h = page.header();
        long unused = (long) h.cellContentStart() - h.offset() - h.size() - 2L * page.cellCount();
        unused += h.fragmentedFreeBytes();
        for (Freeblock f : page.freeblocks()) {
            unused += f.size();
        }
        return unused;
    }

    /**
     * spaceanal.tcl's gap count: all the tree's pages (interior, leaf, overflow) in page-number order; a leaf
     * counts when it is not the page right after the previous one.
     */
    private static long nonSequentialLeaves(TreeCensus census) {
        long[] tree = census.pages();
        byte[] types = census.pageTypes();
        long[] overflow = census.overflow();
        long[] all = new long[tree.length + overflow.length];
        // page number in the high bits, "is a leaf" in the lowest bit, so one sort keeps both
        for (int i = 0; i < tree.length; i++) {
            all[i] = tree[i] << 1 | (TYPES[types[i]].isLeaf() ? 1 : 0);
        }
        for (int i = 0; i < overflow.length; i++) {
            all[tree.length + i] = overflow[i] << 1;
        }
        Arrays.sort(all);
        long gaps = 0;
        long prev = 0;
        for (long v : all) {
            long pgno = v >>> 1;
            if (prev > 0 && (v & 1) == 1 && pgno != prev + 1) {
                gaps++;
            }
            prev = pgno;
        }
        return gaps;
    }
}
