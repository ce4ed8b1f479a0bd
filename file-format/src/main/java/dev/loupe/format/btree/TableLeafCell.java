package dev.loupe.format.btree;

import dev.loupe.format.Problem;
import dev.loupe.format.Span;

import java.util.List;

/** Table b-tree leaf cell: varint payload size, varint rowid, payload, [u32 first overflow page]. */
public record TableLeafCell(long page, int index, int offset, int size, long rowid, int rowidVarintOffset,
                            int rowidVarintLength, LocalPayload payload, List<Problem> problems)
        implements PayloadCell {

    public Span rowidSpan() {
        return Span.inPage(page, rowidVarintOffset, rowidVarintLength);
    }
}
