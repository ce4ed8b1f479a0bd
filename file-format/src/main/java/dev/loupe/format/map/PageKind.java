package dev.loupe.format.map;

/** What a page of the database is used for, as found by walking every structure that claims pages. */
public enum PageKind {
    TABLE_INTERIOR("table-interior"),
    TABLE_LEAF("table-leaf"),
    INDEX_INTERIOR("index-interior"),
    INDEX_LEAF("index-leaf"),
    OVERFLOW("overflow"),
    FREELIST_TRUNK("freelist-trunk"),
    FREELIST_LEAF("freelist-leaf"),
    PTRMAP("ptrmap"),
    LOCK_BYTE("lock-byte"),
    /** Claimed by nothing: no tree, freelist or pointer map leads to it ("Page N is never used"). */
    ORPHAN("orphan"),
    /** Reached from a tree but not decodable as the page it should be (bad type byte). */
    UNREADABLE("unreadable");

    private final String label;

    PageKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
