package dev.loupe.cli;

import dev.loupe.format.Database;
import dev.loupe.format.Problem;
import dev.loupe.format.Span;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.InteriorCell;
import dev.loupe.format.btree.LocalPayload;
import dev.loupe.format.btree.PayloadCell;
import dev.loupe.format.btree.TableInteriorCell;
import dev.loupe.format.btree.TableLeafCell;
import dev.loupe.format.layout.CellLayout;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One cell decoded for {@code loupe cell}: the page, the cell taken apart ({@link CellLayout}) and the cell's fixed
 * fields (left child, payload size, rowid, first overflow page) with their spans and bytes.
 */
record CellInspection(Database db, BTreePage page, CellLayout layout, List<CellField> fields, List<Problem> problems) {

    /** A fixed field of a cell: its name, where it is, its bytes and its value. */
    record CellField(String name, Span span, byte[] bytes, long value) {
    }

    static CellInspection of(Database db, long pgno, int index) throws IOException {
        byte[] data = db.pages().read(pgno);
        if (data == null) {
            throw new UserError(ExitCode.FINDINGS, "page " + pgno + " cannot be read (it lies beyond the end of "
                    + db.name() + ")");
        }
        BTreePage page = BTreePage.decode(pgno, data, db.usableSize());
        if (page.type() == null) {
            throw new UserError(ExitCode.USAGE, "page " + pgno + " is not a b-tree page (type byte "
                    + page.header().rawType() + "); 'loupe page' shows what it is");
        }
        PageArgs.requireCell(pgno, page.cellCount(), index);
        Cell cell = page.cell(index);
        if (cell == null) {
            throw new UserError(ExitCode.FINDINGS, "cell " + index + " of page " + pgno + " cannot be decoded: its"
                    + " pointer " + page.cellPointer(index) + " lies outside the cell content area");
        }
        CellLayout layout = CellLayout.of(cell, data, db.pages(), db.usableSize(), db.encoding());
        List<Problem> problems = new ArrayList<>(layout.problems());
        List<CellField> fields = new ArrayList<>();
        if (cell instanceof InteriorCell ic) {
            fields.add(field(data, "leftChild", ic.leftChildSpan(), ic.leftChild()));
        }
        if (cell instanceof PayloadCell pc && pc.payload().sizeVarintLength() > 0) {
            fields.add(field(data, "payloadSize", pc.payload().sizeVarintSpan(), pc.payload().declaredSize()));
        }
        if (cell instanceof TableLeafCell t && t.rowidVarintLength() > 0) {
            fields.add(field(data, "rowid", t.rowidSpan(), t.rowid()));
        }
        if (cell instanceof TableInteriorCell t && t.rowidVarintLength() > 0) {
            fields.add(field(data, "rowid", t.rowidSpan(), t.rowid()));
        }
        if (cell instanceof PayloadCell pc && pc.payload().overflows()) {
            LocalPayload lp = pc.payload();
            fields.add(field(data, "firstOverflowPage", lp.overflowPointerSpan(), lp.firstOverflow()));
        }
        return new CellInspection(db, page, layout, List.copyOf(fields), List.copyOf(problems));
    }

    private static CellField field(byte[] data, String name, Span s, long value) {
        return new CellField(name, s, java.util.Arrays.copyOfRange(data, (int) s.offset(), (int) s.end()), value);
    }

    Cell cell() {
        return layout.cell();
    }
}
