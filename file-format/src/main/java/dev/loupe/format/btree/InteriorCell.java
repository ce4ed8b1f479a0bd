package dev.loupe.format.btree;

import dev.loupe.format.Span;

/** The cells of interior pages: they start with a u32 left-child page number. */
public sealed interface InteriorCell extends Cell permits TableInteriorCell, IndexInteriorCell {

    long leftChild();

    default Span leftChildSpan() {
        return Span.inPage(page(), offset(), 4);
    }
}
