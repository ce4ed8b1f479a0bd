package dev.loupe.format.btree;

import dev.loupe.format.Problem;
import dev.loupe.format.Span;

import java.util.List;

/**
 * A cell of a b-tree page, one of the four kinds of fileformat2 §1.6 (b-tree cell format): {@link TableLeafCell},
 * {@link TableInteriorCell}, {@link IndexLeafCell}, {@link IndexInteriorCell}, seen through what they carry
 * ({@link PayloadCell}) and where they lead ({@link InteriorCell}).
 */
public sealed interface Cell permits PayloadCell, InteriorCell {

    /** The page the cell is on. */
    long page();

    /** Position in the page's cell pointer array. */
    int index();

    /** Offset of the cell's first byte in the page. */
    int offset();

    /** Bytes the cell occupies on its page, including the overflow pointer; clipped to the usable area. */
    int size();

    /** Problems found decoding this cell (empty when well formed). */
    List<Problem> problems();

    default Span span() {
        return Span.inPage(page(), offset(), size());
    }
}
