package dev.loupe.format.btree;

import dev.loupe.format.Span;

/**
 * Where a cell's payload is: its declared size (the leading varint), the part stored on the page, and the first
 * overflow page when the payload does not fit (fileformat2 §1.6, "cell payload overflow").
 *
 * @param page                  the page holding the cell
 * @param declaredSize          payload size in bytes as the cell states it
 * @param sizeVarintOffset      offset of the payload-size varint in the page
 * @param sizeVarintLength      its length in bytes
 * @param localOffset           offset of the first payload byte in the page
 * @param localSize             payload bytes stored on the page (after clipping to the usable area)
 * @param expectedLocalSize     payload bytes the local-size formula says are on the page
 * @param firstOverflow         first overflow page, 0 when the payload is all local
 * @param overflowPointerOffset offset of the u32 first-overflow pointer, or -1 when there is none
 */
public record LocalPayload(
        long page,
        long declaredSize,
        int sizeVarintOffset,
        int sizeVarintLength,
        int localOffset,
        int localSize,
        int expectedLocalSize,
        long firstOverflow,
        int overflowPointerOffset) {

    public boolean overflows() {
        return overflowPointerOffset >= 0;
    }

    /** Whether the whole payload lies on the page: no overflow, and the local bytes are all it declares. */
    public boolean allLocal() {
        return !overflows() && localSize == declaredSize;
    }

    public Span sizeVarintSpan() {
        return Span.inPage(page, sizeVarintOffset, sizeVarintLength);
    }

    public Span localSpan() {
        return Span.inPage(page, localOffset, localSize);
    }

    public Span overflowPointerSpan() {
        return overflowPointerOffset < 0 ? null : Span.inPage(page, overflowPointerOffset, 4);
    }
}
