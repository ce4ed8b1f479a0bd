package dev.loupe.repro.diff;

/**
 * What a difference is about. The ids are stable (JSON, the filediff oracle's signature): add kinds, never rename
 * them. A kind's class usually follows from the kind; for header fields and checker findings it depends on the field
 * and the finding (docs/diff.md).
 */
public enum DiffKind {
    /** A field of the 100-byte database header (fileformat2 §1.3), or one file being empty. */
    HEADER("header", Section.HEADER),
    /** A table, index, view or trigger in one file's sqlite_schema only. */
    SCHEMA_OBJECT("schema-object", Section.SCHEMA),
    /** The same object defined by different SQL (other tokens), or a different tbl_name. */
    SCHEMA_SQL("schema-sql", Section.SCHEMA),
    /** The same SQL tokens spelled with other spacing, comments or keyword case. */
    SCHEMA_SQL_LAYOUT("schema-sql-layout", Section.SCHEMA),
    /** The same object rooted at another page. */
    ROOT_PAGE("root-page", Section.SCHEMA),
    /** A row (by rowid) or an index entry (by key) in the first file only. */
    ONLY_IN_A("only-in-a", Section.OBJECT),
    /** A row or an index entry in the second file only. */
    ONLY_IN_B("only-in-b", Section.OBJECT),
    /** The same key with a different value in a column. */
    VALUE("value", Section.OBJECT),
    /** The same key and the same values, stored with other serial types or other record bytes. */
    ENCODING("encoding", Section.OBJECT),
    /** A b-tree of other depth, page counts per level, or fill. */
    TREE_SHAPE("tree-shape", Section.OBJECT),
    /** A b-tree whose pages have other numbers. */
    PAGE_PLACEMENT("page-placement", Section.OBJECT),
    /** Cells at other offsets inside corresponding pages, other freeblocks or fragmented bytes. */
    CELL_PLACEMENT("cell-placement", Section.OBJECT),
    /** An object whose content could not be compared (a collation Loupe does not know). */
    NOT_COMPARED("not-compared", Section.OBJECT),
    /** Freelist trunk and leaf pages. */
    FREELIST("freelist", Section.FREELIST),
    /** Pointer-map entries of auto-vacuum files. */
    PTRMAP("ptrmap", Section.PTRMAP),
    /** A checker finding (dev.loupe.check) in one file and not in the other. */
    FINDING("finding", Section.CHECK);

    /** Where a difference is listed: header, schema, one table or index, freelist, pointer map, checker. */
    public enum Section { HEADER, SCHEMA, OBJECT, FREELIST, PTRMAP, CHECK }

    private final String id;
    private final Section section;

    DiffKind(String id, Section section) {
        this.id = id;
        this.section = section;
    }

    public String id() {
        return id;
    }

    public Section section() {
        return section;
    }
}
