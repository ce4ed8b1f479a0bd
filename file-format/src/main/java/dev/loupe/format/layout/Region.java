package dev.loupe.format.layout;

import dev.loupe.format.Span;

/**
 * A labelled byte range of a page, taken from a decoded span.
 *
 * @param span  where the bytes are
 * @param kind  what structure they belong to
 * @param cell  the cell index for {@link RegionKind#CELL} regions, else -1
 * @param label what the bytes are, e.g. "cell 3: value 2 (text) = 'abc'" or "page header: cellCount = 7"
 */
public record Region(Span span, RegionKind kind, int cell, String label) {

    /** A region belonging to no cell. */
    public static Region of(Span span, RegionKind kind, String label) {
        return new Region(span, kind, -1, label);
    }
}
