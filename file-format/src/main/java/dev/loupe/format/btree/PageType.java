package dev.loupe.format.btree;

/** The four b-tree page kinds and their type bytes (fileformat2 §1.6, b-tree page header offset 0). */
public enum PageType {
    INDEX_INTERIOR(2, "index-interior"),
    TABLE_INTERIOR(5, "table-interior"),
    INDEX_LEAF(10, "index-leaf"),
    TABLE_LEAF(13, "table-leaf");

    private final int flag;
    private final String label;

    PageType(int flag, String label) {
        this.flag = flag;
        this.label = label;
    }

    public int flag() {
        return flag;
    }

    /** The kebab-case name used in text and JSON output. */
    public String label() {
        return label;
    }

    public boolean isLeaf() {
        return this == INDEX_LEAF || this == TABLE_LEAF;
    }

    public boolean isTable() {
        return this == TABLE_INTERIOR || this == TABLE_LEAF;
    }

    /** 8 bytes for leaves, 12 for interior pages (the extra u32 is the right-most child pointer). */
    public int headerSize() {
        return isLeaf() ? 8 : 12;
    }

    /** The type for a page's first header byte, or null for any other value. */
    public static PageType ofFlag(int flag) {
        return switch (flag) {
            case 2 -> INDEX_INTERIOR;
            case 5 -> TABLE_INTERIOR;
            case 10 -> INDEX_LEAF;
            case 13 -> TABLE_LEAF;
            default -> null;
        };
    }
}
