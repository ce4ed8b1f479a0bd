package dev.loupe.wal;

import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.Freeblock;
import dev.loupe.format.btree.PageType;

/**
 * What one version of a page is, in a line: its b-tree page type and the space on it (fileformat2 §1.6).
 *
 * @param type             the page type, null when the type byte is not a b-tree type
 * @param rawType          the type byte as stored
 * @param cellCount        cells in the pointer array (as read)
 * @param freeblockCount   freeblocks in the chain
 * @param freeblockBytes   bytes in freeblocks
 * @param fragmentedBytes  the header's fragmented free bytes
 * @param unallocatedBytes bytes between the cell pointer array and the cell content area
 * @param freeBytes        all three added up (dbstat's "unused")
 * @param problems         how many problems decoding the page found
 */
public record PageSummary(PageType type, int rawType, int cellCount, int freeblockCount, int freeblockBytes,
                          int fragmentedBytes, int unallocatedBytes, int freeBytes, int problems) {

    public static PageSummary of(BTreePage page) {
        if (page.type() == null) {
            return new PageSummary(null, page.header().rawType(), 0, 0, 0, 0, 0, 0, page.problems().size());
        }
        int fb = 0;
        for (Freeblock f : page.freeblocks()) {
            fb += f.size();
        }
        int frag = page.header().fragmentedFreeBytes();
        int unalloc = page.unallocatedBytes();
        return new PageSummary(page.type(), page.header().rawType(), page.cellCount(), page.freeblocks().size(), fb,
                frag, unalloc, fb + frag + unalloc, page.problems().size());
    }

    /** The type's label ("table-leaf"), or "not a b-tree page (type byte N)". */
    public String typeLabel() {
        return type != null ? type.label() : "not a b-tree page (type byte " + rawType + ")";
    }
}
