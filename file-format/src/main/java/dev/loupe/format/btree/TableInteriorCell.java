package dev.loupe.format.btree;

import dev.loupe.format.Problem;
import dev.loupe.format.Span;

import java.util.List;

/** Table b-tree interior cell: u32 left child page, varint integer key (a rowid divider). */
public record TableInteriorCell(long page, int index, int offset, int size, long leftChild, long rowid,
                                int rowidVarintLength, List<Problem> problems) implements InteriorCell {

    public Span rowidSpan() {
        return Span.inPage(page, offset + 4, rowidVarintLength);
    }
}
