package dev.loupe.format.layout;

/**
 * What a byte range of a page is (fileformat2 §1.6 for b-tree pages, §1.5 freelist, §1.7 pointer map, overflow
 * pages in §1.6), with the character a byte map shows for it.
 */
public enum RegionKind {
    /** The 100-byte database header at the start of page 1. */
    DATABASE_HEADER('D', "database-header"),
    /** The 8- or 12-byte b-tree page header. */
    PAGE_HEADER('H', "page-header"),
    /** One 2-byte entry of the cell pointer array. */
    CELL_POINTER('P', "cell-pointer"),
    /** Part of a cell: a varint, the left child, a record header entry, a value, the overflow pointer. */
    CELL('#', "cell"),
    /** A freeblock of the cell content area (its 4-byte header and its free bytes). */
    FREEBLOCK('F', "freeblock"),
    /** Bytes of the cell content area in no cell and no freeblock (counted by the fragmented-bytes field). */
    FRAGMENT('f', "fragment"),
    /** Between the end of the cell pointer array and the start of the cell content area. */
    UNALLOCATED('.', "unallocated"),
    /** The reserved region at the end of every page (header byte 20). */
    RESERVED('R', "reserved"),
    /** The 4-byte next-page pointer of an overflow page. */
    OVERFLOW_NEXT('N', "overflow-next"),
    /** Payload bytes held by an overflow page. */
    OVERFLOW_DATA('O', "overflow-data"),
    /** A field of a freelist trunk page: next trunk, leaf count, or a leaf page number. */
    FREELIST_TRUNK('T', "freelist-trunk"),
    /** One 5-byte pointer-map entry. */
    PTRMAP_ENTRY('M', "ptrmap-entry"),
    /** Bytes the format gives no meaning (a freelist leaf, after an overflow page's data, the lock-byte page). */
    UNUSED('_', "unused");

    private final char mapChar;
    private final String label;

    RegionKind(char mapChar, String label) {
        this.mapChar = mapChar;
        this.label = label;
    }

    /** The byte-map character; for {@link #CELL} the map shows the cell index's last digit instead. */
    public char mapChar() {
        return mapChar;
    }

    /** The kebab-case name used in JSON. */
    public String label() {
        return label;
    }
}
