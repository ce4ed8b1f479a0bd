package dev.loupe.format.btree;

import dev.loupe.format.Varint;

/**
 * The header of a leaf cell whose payload lies wholly on its page (fileformat2 §1.6: payload size P at most X, so
 * no overflow page), read without building a {@link Cell}: where the payload starts, how long it is and, on a table
 * leaf, the rowid. It is how walks through millions of cells (the census, the checker's record pass) skip the cell
 * objects; a cell it refuses is decoded by {@link BTreePage#cell} as usual, which says what is wrong with it.
 *
 * <p>{@link #read} accepts exactly the cells {@link BTreePage#cell} decodes without a problem and without
 * overflow: both varints end before the usable end of the page (a ninth byte ends a varint whatever its high bit),
 * 0 <= P <= X, and the P payload bytes end by the usable end. Mutable and reused from cell to cell.
 */
public final class LocalLeafCell {

    private final Varint.OnePass varint = new Varint.OnePass();
    private int payloadOffset;
    private int payloadSize;
    private long rowid;

    /**
     * Reads cell {@code i} of leaf page {@code page}, whose pointer must be valid ({@link BTreePage#cellPointerValid});
     * false when the cell overflows or is damaged (then nothing is known from this object).
     */
    public boolean read(BTreePage page, int i) {
        PageType type = page.type();
        return type != null && type.isLeaf() && read(page.data(), page.cellPointer(i), page.usableSize(),
                type == PageType.TABLE_LEAF);
    }

    /** The same for the cell at {@code offset} of a leaf page's {@code data}, read no further than {@code limit}. */
    public boolean read(byte[] data, int offset, int limit, boolean tableLeaf) {
        int sizeLen = varint.read(data, offset, limit);
        if (sizeLen == 0) {
            return false;
        }
        long declared = varint.value();
        int p = offset + sizeLen;
        long key = 0;
        if (tableLeaf) {
            int rowidLen = varint.read(data, p, limit);
            if (rowidLen == 0) {
                return false;
            }
            key = varint.value();
            p += rowidLen;
        }
        if (declared < 0 || declared > PayloadSizes.maxLocal(limit, tableLeaf) || declared > limit - p) {
            return false;
        }
        payloadOffset = p;
        payloadSize = (int) declared;
        rowid = key;
        return true;
    }

    /** Where the payload starts in the page's data. */
    public int payloadOffset() {
        return payloadOffset;
    }

    /** The payload's size: all of it is on the page. */
    public int payloadSize() {
        return payloadSize;
    }

    /** The rowid of a table leaf cell (0 on an index leaf). */
    public long rowid() {
        return rowid;
    }
}
