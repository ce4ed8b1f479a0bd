package dev.loupe.samples.corrupt;

import dev.loupe.samples.Sample;

import java.util.List;

import static dev.loupe.samples.corrupt.Corruption.of;

/** B-tree pages and their references (fileformat2 §1.6; integrity_check's checkTreePage). */
final class BtreeCases {
    private static final String TABLE = "mixed";
    private static final String INDEX = "mixed_i_t";

    private BtreeCases() {
    }

    static List<Corruption> cases() {
        return List.of(
                of("child-page-number-invalid", Sample.PAGE_1024,
                        "Right child of table mixed's root points past the end of the file",
                        img -> {
                            int root = img.rootPage(TABLE);
                            img.put32(img.rightChildPos(root), img.pageCount() + 50L);
                        }, "page-number-invalid"),
                of("overflow-page-number-invalid", Sample.PAGE_1024,
                        "First overflow page of the first overflowing row of mixed points past the end of the file",
                        img -> {
                            Cell c = img.findCell(img.rootPage(TABLE), x -> x.overflowPos() >= 0);
                            img.put32(c.overflowPos(), img.pageCount() + 7L);
                        }, "page-number-invalid"),
                of("child-page-referenced-twice", Sample.PAGE_1024,
                        "Cell 1 of table mixed's root gets cell 0's left child: one leaf referenced twice",
                        img -> {
                            int root = img.rootPage(TABLE);
                            img.put32(img.cellPos(root, 1), img.cell(root, 0).leftChild());
                        }, "page-referenced-twice"),
                of("overflow-page-referenced-twice", Sample.PAGE_1024,
                        "An overflow pointer of table mixed aimed at the table's last leaf page",
                        img -> {
                            int root = img.rootPage(TABLE);
                            Cell c = img.findCell(root, x -> x.overflowPos() >= 0);
                            List<Integer> leaves = img.leaves(root);
                            img.put32(c.overflowPos(), leaves.get(leaves.size() - 1));
                        }, "page-referenced-twice"),
                of("overflow-chain-short", Sample.PAGE_1024,
                        "Next pointer of the first page of a multi-page overflow chain zeroed",
                        img -> {
                            Cell c = img.findCell(img.rootPage(TABLE), x -> x.overflowChain().size() >= 2);
                            img.put32(img.pageStart(c.overflowChain().get(0)), 0);
                        }, "overflow-chain-length"),
                of("overflow-chain-long", Sample.OVERFLOW,
                        "Last page of a docs overflow chain linked to the first page of another row's chain",
                        img -> {
                            int root = img.rootPage("docs");
                            Cell a = img.findCell(root, x -> x.overflowChain().size() >= 2);
                            Cell b = img.findCell(root, x -> x.overflowPos() >= 0 && x.pos() != a.pos()
                                    && !x.overflowChain().isEmpty());
                            List<Integer> chain = a.overflowChain();
                            img.put32(img.pageStart(chain.get(chain.size() - 1)), b.overflowChain().get(0));
                        }, "page-referenced-twice"),
                of("page-type-invalid", Sample.PAGE_1024, "Type byte of table mixed's first leaf set to 7",
                        img -> img.put8(img.header(img.leaves(img.rootPage(TABLE)).get(0)), 7),
                        "page-header-invalid"),
                of("page-cell-count-huge", Sample.PAGE_1024,
                        "Cell count of table mixed's first leaf set to 65535 (> (pagesize-8)/6)",
                        img -> img.put16(img.header(img.leaves(img.rootPage(TABLE)).get(0)) + 3, 0xffff),
                        "page-header-invalid"),
                of("freeblock-before-content-area", Sample.PAGE_1024,
                        "First-freeblock field of index mixed_i_t's first leaf points at byte 20, inside the cell"
                                + " pointer array",
                        img -> img.put16(img.header(img.leaves(img.rootPage(INDEX)).get(0)) + 1, 20),
                        "freeblock-invalid"),
                of("freeblock-past-page-end", Sample.RESERVED_8,
                        "The first freeblock of a mixed table page grows past the usable end of the page",
                        img -> {
                            int page = firstPageWithFreeblock(img, img.rootPage(TABLE));
                            int fb = img.u16(img.header(page) + 1);
                            img.put16(img.pageStart(page) + fb + 2, img.usableSize() - fb + 8);
                        }, "freeblock-invalid"),
                of("cell-offset-out-of-range", Sample.PAGE_1024,
                        "Pointer of cell 0 on table mixed's first leaf set to 2 (inside the page header)",
                        img -> img.put16(img.cellPointerPos(img.leaves(img.rootPage(TABLE)).get(0), 0), 2),
                        "cell-pointer-out-of-range"),
                of("cell-extends-off-page", Sample.PAGE_1024,
                        "Payload size of the last cell in table mixed's first leaf enlarged so it ends past the page",
                        BtreeCases::extendLastCell, "cell-extends-off-page"),
                of("rowid-out-of-order", Sample.PAGE_1024,
                        "Rowid of cell 1 on table mixed's second leaf set to the rowid of cell 0",
                        img -> {
                            int leaf = img.leaves(img.rootPage(TABLE)).get(1);
                            img.cell(leaf, 1).setKey(img.cell(leaf, 0).key());
                        }, "rowid-order"),
                of("rowid-divider-too-small", Sample.PAGE_1024,
                        "Divider rowid of cell 0 on table mixed's root lowered below its left child's last rowid",
                        img -> {
                            Cell c = img.cell(img.rootPage(TABLE), 0);
                            c.setKey(c.key() - 5);
                        }, "rowid-order"),
                of("child-depth-differs", Sample.PAGE_512,
                        "Right child of index mixed_i_t's root (depth 3) replaced by a leaf of that subtree",
                        img -> {
                            int root = img.rootPage(INDEX);
                            int right = (int) img.u32(img.rightChildPos(root));
                            img.put32(img.rightChildPos(root), img.leaves(right).get(0));
                        }, "child-depth-differs"),
                of("cells-overlap", Sample.PAGE_1024,
                        "Cell pointer 1 of index mixed_i_t's first leaf set equal to cell pointer 0",
                        img -> {
                            int leaf = img.leaves(img.rootPage(INDEX)).get(0);
                            img.put16(img.cellPointerPos(leaf, 1), img.u16(img.cellPointerPos(leaf, 0)));
                        }, "cell-overlap"),
                of("fragmentation-mismatch", Sample.PAGE_1024,
                        "Fragmented free bytes of table mixed's first leaf increased by 3",
                        img -> {
                            int h = img.header(img.leaves(img.rootPage(TABLE)).get(0));
                            img.put8(h + 7, img.u8(h + 7) + 3);
                        }, "fragmentation-mismatch"),
                of("leaf-page-empty", Sample.PAGE_1024,
                        "Table mixed's first leaf emptied as if its cells were deleted without rebalancing: cell count"
                                + " 0, no freeblocks, content area at the page end",
                        img -> {
                            int h = img.header(img.leaves(img.rootPage(TABLE)).get(0));
                            img.put16(h + 1, 0);
                            img.put16(h + 3, 0);
                            img.put16(h + 5, img.pageSize());
                            img.put8(h + 7, 0);
                        }, "btree-page-empty"),
                of("interior-root-empty", Sample.PAGE_1024,
                        "Cell count of table mixed's interior root set to 0 (only its right child is left)",
                        img -> img.put16(img.header(img.rootPage(TABLE)) + 3, 0),
                        "btree-page-empty"),
                of("cell-content-start-too-high", Sample.PAGE_1024,
                        "Cell content area start of table mixed's first leaf moved 40 bytes past its first cell",
                        img -> {
                            int leaf = img.leaves(img.rootPage(TABLE)).get(0);
                            int h = img.header(leaf);
                            img.put16(h + 5, img.u16(h + 5) + 40);
                        }, "cell-pointer-out-of-range"),
                of("table-page-in-index-tree", Sample.PAGE_1024,
                        "Type byte of index mixed_i_t's first leaf changed from 10 (index leaf) to 13 (table leaf)",
                        img -> img.put8(img.header(img.leaves(img.rootPage(INDEX)).get(0)), 13),
                        "tree-page-kind"));
    }

    static int firstPageWithFreeblock(Image img, int root) {
        for (List<Integer> level : img.levels(root)) {
            for (int p : level) {
                if (img.u16(img.header(p) + 1) != 0) {
                    return p;
                }
            }
        }
        throw new IllegalStateException("no page with a freeblock in tree " + root);
    }

    /** Grows the payload size of the page's highest cell so the cell ends past the usable size. */
    private static void extendLastCell(Image img) {
        for (int leaf : img.leaves(img.rootPage(TABLE))) {
            Cell last = null;
            for (Cell c : img.cells(leaf)) {
                if (c.overflowPos() < 0 && (last == null || c.pos() > last.pos())) {
                    last = c;
                }
            }
            if (last == null) {
                continue;
            }
            long needed = img.pageStart(leaf) + img.usableSize() - last.payloadStart() + 4;
            long max = last.payloadSizeLength() == 1 ? 127 : 16383;
            if (needed <= max && needed <= img.usableSize() - 35) {
                last.setPayloadSize(needed);
                return;
            }
        }
        throw new IllegalStateException("no cell can be extended");
    }
}
