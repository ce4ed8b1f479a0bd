package dev.loupe.wal;

import dev.loupe.format.Span;

/**
 * One cell of one version of a page.
 *
 * @param index         position in the cell pointer array
 * @param offset        where the cell starts on the page
 * @param size          bytes on the page
 * @param leftChild     left child page (interior cells), else 0
 * @param firstOverflow first overflow page, 0 when the payload is all local or the cell has none
 * @param payloadSize   declared payload size, 0 for table-interior cells
 */
public record CellRef(int index, int offset, int size, long leftChild, long firstOverflow, long payloadSize,
                      Span span) {
}
