package dev.loupe.format.btree;

import dev.loupe.format.Problem;

import java.util.List;

/**
 * Index b-tree interior cell: u32 left child page, varint payload size, payload, [u32 first overflow page]. Its key
 * is a real entry of the index (or row of a WITHOUT ROWID table), not a copy of a leaf key.
 */
public record IndexInteriorCell(long page, int index, int offset, int size, long leftChild, LocalPayload payload,
                                List<Problem> problems) implements InteriorCell, PayloadCell {
}
