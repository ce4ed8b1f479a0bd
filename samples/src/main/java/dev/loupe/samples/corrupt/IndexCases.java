package dev.loupe.samples.corrupt;

import dev.loupe.samples.Sample;

import java.util.Arrays;
import java.util.List;

import static dev.loupe.samples.corrupt.Corruption.of;

/** Indexes against their tables, and index b-tree key order (deeper than integrity_check). */
final class IndexCases {
    private static final String INDEX = "mixed_i_t";

    private IndexCases() {
    }

    static List<Corruption> cases() {
        return List.of(
                of("index-entry-deleted", Sample.PAGE_1024,
                        "First non-overflowing entry of index mixed_i_t's first leaf removed (its bytes freed)",
                        img -> deleteFirstLocal(img, img.leaves(img.rootPage(INDEX)).get(0)), "index-entry-missing"),
                of("table-row-deleted", Sample.PAGE_1024,
                        "First non-overflowing row of table mixed's first leaf removed: its index entry is extra",
                        img -> deleteFirstLocal(img, img.leaves(img.rootPage("mixed")).get(0)),
                        "index-entry-extra"),
                of("index-entry-rowid-changed", Sample.PAGE_1024,
                        "Rowid of the first 2-byte-rowid entry of index mixed_i_t set to 0x7fxx, a rowid no row has",
                        img -> {
                            Cell c = img.findCell(img.rootPage(INDEX), x -> {
                                List<Field> f = x.fields();
                                return f.get(f.size() - 1).serialType() == 2;
                            });
                            List<Field> f = c.fields();
                            img.put8(f.get(f.size() - 1).bodyPos(), 0x7f);
                        }, "index-entry-missing"),
                of("index-keys-swapped", Sample.PAGE_1024,
                        "Cell pointers 0 and 1 of index mixed_i_t's first leaf swapped: keys out of order",
                        img -> RecordCases.swapCells(img, img.leaves(img.rootPage(INDEX)).get(0), 0, 1),
                        "index-key-order"),
                of("index-divider-too-big", Sample.PAGE_1024,
                        "First value of divider 0 on index mixed_i_t's root made a large positive integer",
                        img -> {
                            int root = img.rootPage(INDEX);
                            for (Cell c : img.cells(root)) {
                                Field f = c.fields().get(0);
                                if (f.serialType() >= 1 && f.serialType() <= 6) {
                                    img.put8(f.bodyPos(), 0x7f);
                                    return;
                                }
                            }
                            throw new IllegalStateException("no integer divider");
                        }, "divider-key"),
                of("index-record-header-size-too-big", Sample.PAGE_1024,
                        "Record header size of the first short entry of index mixed_i_t set to 127, past the"
                                + " payload's end: SQLite's lookups that compare with it stop its table scan",
                        img -> {
                            Cell c = img.findCell(img.rootPage(INDEX), x -> x.payloadSize() < 100
                                    && x.overflowPos() < 0 && img.u8(x.payloadStart()) < 0x80);
                            img.put8(c.payloadStart(), 127);
                        }, "record-malformed"),
                of("index-cell-pointer-shifted", Sample.PAGE_1024,
                        "Pointer of cell 0 on index mixed_i_t's second leaf moved 3 bytes on: the entry read there is"
                                + " garbage",
                        img -> {
                            int pos = img.cellPointerPos(img.leaves(img.rootPage(INDEX)).get(1), 0);
                            img.put16(pos, img.u16(pos) + 3);
                        }, "record-malformed"),
                of("unique-index-duplicate", Sample.INDEXES,
                        "An entry of UNIQUE index people_handle given the same handle as the entry before it",
                        img -> {
                            int root = img.rootPage("people_handle");
                            for (int leaf : img.leaves(root)) {
                                for (int i = 1; i < img.cellCount(leaf); i++) {
                                    Field a = img.cell(leaf, i - 1).fields().get(0);
                                    Field b = img.cell(leaf, i).fields().get(0);
                                    if (a.serialType() == b.serialType() && a.isText()) {
                                        byte[] bytes = Arrays.copyOfRange(img.db(), a.bodyPos(),
                                                a.bodyPos() + a.bodyLength());
                                        System.arraycopy(bytes, 0, img.db(), b.bodyPos(), bytes.length);
                                        return;
                                    }
                                }
                            }
                            throw new IllegalStateException("no pair of equal-length handles");
                        }, "index-not-unique"));
    }

    private static void deleteFirstLocal(Image img, int page) {
        for (int i = 0; i < img.cellCount(page); i++) {
            if (img.cell(page, i).overflowPos() < 0) {
                img.deleteCell(page, i);
                return;
            }
        }
        throw new IllegalStateException("no local cell on page " + page);
    }
}
