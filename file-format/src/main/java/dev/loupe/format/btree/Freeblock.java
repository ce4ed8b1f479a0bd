package dev.loupe.format.btree;

import dev.loupe.format.Span;

/**
 * A freeblock in the cell content area (fileformat2 §1.6): u16 offset of the next freeblock (0 = last), u16 size
 * including this 4-byte header.
 */
public record Freeblock(Span span, int offset, int next, int size) {
}
