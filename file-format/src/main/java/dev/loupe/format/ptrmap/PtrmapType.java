package dev.loupe.format.ptrmap;

import java.util.Optional;

/** The type byte of a pointer-map entry (fileformat2 §1.7) and what its parent field means. */
public enum PtrmapType {
    /** A b-tree root page; the parent field is 0. */
    ROOT_PAGE(1),
    /** A free page; the parent field is 0. */
    FREE_PAGE(2),
    /** The first page of an overflow chain; the parent is the b-tree page holding the cell. */
    OVERFLOW1(3),
    /** A later page of an overflow chain; the parent is the previous overflow page. */
    OVERFLOW2(4),
    /** A non-root b-tree page; the parent is the b-tree page pointing to it. */
    BTREE(5);

    private final int code;

    PtrmapType(int code) {
        this.code = code;
    }

    /** The byte stored in the entry. */
    public int code() {
        return code;
    }

    /** Whether entries of this type name a parent page (for the others the parent field must be 0). */
    public boolean hasParent() {
        return this == OVERFLOW1 || this == OVERFLOW2 || this == BTREE;
    }

    public static Optional<PtrmapType> fromCode(int code) {
        for (PtrmapType t : values()) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
