package dev.loupe.format.btree;

/**
 * The b-tree page header (fileformat2 §1.6): 8 bytes on leaves, 12 on interior pages; it starts at byte 100 on
 * page 1 and at byte 0 elsewhere. Offsets in it (first freeblock, cell content start) count from the page start.
 *
 * @param offset              where the header starts in the page (100 on page 1, else 0)
 * @param rawType             the type byte as stored
 * @param type                the page type, or null when the type byte is not 2, 5, 10 or 13
 * @param firstFreeblock      offset of the first freeblock, 0 if none
 * @param cellCount           number of cells on the page
 * @param rawCellContentStart the stored u16; 0 means 65536
 * @param fragmentedFreeBytes number of fragmented free bytes in the cell content area
 * @param rightChild          right-most child page (interior pages), else 0
 */
public record BTreePageHeader(
        int offset,
        int rawType,
        PageType type,
        int firstFreeblock,
        int cellCount,
        int rawCellContentStart,
        int fragmentedFreeBytes,
        long rightChild) {

    /** Start of the cell content area; a stored 0 means 65536 (a 65536-byte page with no cells). */
    public int cellContentStart() {
        return rawCellContentStart == 0 ? 65536 : rawCellContentStart;
    }

    /** Header length in bytes (8 or 12; 8 when the type is unknown). */
    public int size() {
        return type == null ? 8 : type.headerSize();
    }

    /** First byte of the cell pointer array. */
    public int cellPointerArrayOffset() {
        return offset + size();
    }
}
