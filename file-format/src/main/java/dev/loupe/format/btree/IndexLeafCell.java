package dev.loupe.format.btree;

import dev.loupe.format.Problem;

import java.util.List;

/** Index b-tree leaf cell: varint payload size, payload (the key record), [u32 first overflow page]. */
public record IndexLeafCell(long page, int index, int offset, int size, LocalPayload payload, List<Problem> problems)
        implements PayloadCell {
}
