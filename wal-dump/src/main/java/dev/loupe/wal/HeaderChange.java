package dev.loupe.wal;

import dev.loupe.format.Span;

/**
 * A header field whose value differs between two versions of a page: a b-tree page header field (fileformat2
 * §1.6: pageType, firstFreeblock, cellCount, cellContentStart, fragmentedFreeBytes, rightChild) or, on page 1, a
 * database header field (§1.3, named as {@link dev.loupe.format.header.DatabaseHeader#fields()} names them).
 */
public record HeaderChange(String name, long before, long after, Span span) {
}
