package dev.loupe.samples.corrupt;

import dev.loupe.samples.Sample;

import java.util.List;

import static dev.loupe.samples.corrupt.Corruption.of;

/** Auto-vacuum: pointer-map pages (fileformat2 §1.7) and header fields 52/64. */
final class PtrmapCases {
    private PtrmapCases() {
    }

    static List<Corruption> cases() {
        return List.of(
                of("ptrmap-btree-entry-type-wrong", Sample.AUTOVACUUM_FULL,
                        "Pointer-map entry of a non-root page of table docs: type 5 changed to 4",
                        img -> img.put8(img.ptrmapEntryPos(nonRoot(img)), 4), "ptrmap-entry-wrong"),
                of("ptrmap-btree-entry-parent-wrong", Sample.AUTOVACUUM_FULL,
                        "Pointer-map entry of a non-root page of table docs: parent page increased by 1",
                        img -> {
                            int pos = img.ptrmapEntryPos(nonRoot(img)) + 1;
                            img.put32(pos, img.u32(pos) + 1);
                        }, "ptrmap-entry-wrong"),
                of("ptrmap-root-entry-wrong", Sample.AUTOVACUUM_FULL,
                        "Pointer-map entry of table docs' root page: type 1 (root) changed to 5",
                        img -> img.put8(img.ptrmapEntryPos(img.rootPage("docs")), 5), "ptrmap-entry-wrong"),
                of("ptrmap-overflow-entry-wrong", Sample.AUTOVACUUM_FULL,
                        "Pointer-map entry of a second overflow page (type 4): previous page increased by 1",
                        img -> {
                            Cell c = img.findCell(img.rootPage("docs"), x -> x.overflowChain().size() >= 2);
                            int pos = img.ptrmapEntryPos(c.overflowChain().get(1)) + 1;
                            img.put32(pos, img.u32(pos) + 1);
                        }, "ptrmap-entry-wrong"),
                of("ptrmap-free-page-entry-wrong", Sample.AUTOVACUUM_INCREMENTAL,
                        "Pointer-map entry of the first freelist trunk: type 2 (free) changed to 5 with parent 3",
                        img -> {
                            int pos = img.ptrmapEntryPos(img.freelistTrunks().get(0));
                            img.put8(pos, 5);
                            img.put32(pos + 1, 3);
                        }, "ptrmap-entry-wrong"),
                of("ptrmap-page-zeroed", Sample.AUTOVACUUM_FULL,
                        "The second pointer-map page (105) zeroed",
                        img -> {
                            int start = img.pageStart(2 + img.usableSize() / 5 + 1);
                            for (int i = 0; i < img.pageSize(); i++) {
                                img.put8(start + i, 0);
                            }
                        }, "ptrmap-entry-missing"),
                of("child-is-ptrmap-page", Sample.AUTOVACUUM_FULL,
                        "Right child of table docs' root aimed at pointer-map page 2",
                        img -> img.put32(img.rightChildPos(img.rootPage("docs")), 2),
                        "ptrmap-page-referenced", "ptrmap-entry-missing"),
                of("overflow-is-ptrmap-page", Sample.AUTOVACUUM_FULL,
                        "First overflow pointer of an overflowing docs row aimed at pointer-map page 105",
                        img -> {
                            Cell c = img.findCell(img.rootPage("docs"), x -> x.overflowPos() >= 0);
                            img.put32(c.overflowPos(), 2 + img.usableSize() / 5 + 1);
                        }, "ptrmap-page-referenced", "ptrmap-entry-missing"),
                of("max-rootpage-disagrees", Sample.AUTOVACUUM_FULL,
                        "Largest root page @52 increased by 1",
                        img -> img.put32(52, img.u32(52) + 1), "autovacuum-root-page"),
                of("incremental-vacuum-without-autovacuum", Sample.PAGE_1024,
                        "Incremental-vacuum flag @64 set to 1 on a file without auto-vacuum (@52 = 0)",
                        img -> img.put32(64, 1), "autovacuum-root-page"),
                of("autovacuum-flag-cleared", Sample.AUTOVACUUM_FULL,
                        "Largest root page @52 zeroed: the pointer-map pages become pages nothing uses",
                        img -> img.put32(52, 0), "page-never-used"));
    }

    /** A non-root page of table docs (a child of its root). */
    private static int nonRoot(Image img) {
        return img.children(img.rootPage("docs")).get(0);
    }
}
