package dev.loupe.check;

/**
 * Every kind of finding the checker reports. The codes are stable (they appear in JSON, SARIF rule ids and CI
 * logs): add codes, never rename them. Each is explained, with its likely causes, in docs/findings.md. The
 * comment on a constant names the PRAGMA integrity_check message (sqlite-facts.md §4) it corresponds to, if any.
 */
public enum FindingCode {
    // --- The file and its header (fileformat2 §1.3) ---
    /** The file cannot be opened or read at all (missing, a directory, I/O error). */
    FILE_UNREADABLE("file-unreadable", Severity.ERROR, "The file cannot be read"),
    /** The first 16 bytes are not "SQLite format 3\0". */
    NOT_A_DATABASE("not-a-database", Severity.ERROR, "The file does not start with the SQLite magic string"),
    /** The file is shorter than the page count in the header, or ends inside a page. */
    FILE_TRUNCATED("file-truncated", Severity.ERROR, "The file ends before the last page"),
    FILE_SIZE_NOT_PAGE_MULTIPLE("file-size-not-page-multiple", Severity.WARNING,
            "The file size is not a multiple of the page size"),
    /** Pages exist past the page count in the header (SQLite ignores them when the count is valid). */
    PAGES_BEYOND_HEADER_COUNT("pages-beyond-header-count", Severity.WARNING,
            "The file holds pages past the header's page count"),
    /** A header field SQLite rejects when opening (page size, payload fractions, file format versions...). */
    HEADER_FIELD_INVALID("header-field-invalid", Severity.ERROR, "A header field has a value SQLite rejects"),
    /** A header field that is legal but inconsistent (e.g. in-header page count not valid for this version). */
    HEADER_FIELD_SUSPICIOUS("header-field-suspicious", Severity.WARNING,
            "A header field is inconsistent with the file"),
    /** Bytes 72..91, reserved for expansion, are not zero. */
    HEADER_RESERVED_NOT_ZERO("header-reserved-not-zero", Severity.WARNING,
            "Header bytes reserved for expansion are not zero"),

    // --- Page references and page use (integrity_check b-tree level) ---
    /** "invalid page number N" */
    PAGE_NUMBER_INVALID("page-number-invalid", Severity.ERROR, "A reference to a page that does not exist"),
    /** "2nd reference to page N" */
    PAGE_REFERENCED_TWICE("page-referenced-twice", Severity.ERROR, "A page is used twice"),
    /** "Page N is never used" (3.40) / "Page N: never used" (3.42+) */
    PAGE_NEVER_USED("page-never-used", Severity.ERROR, "A page belongs to nothing"),
    /** A page could not be read (I/O error, beyond the end of a truncated file). */
    PAGE_UNREADABLE("page-unreadable", Severity.ERROR, "A page cannot be read"),

    // --- B-tree pages (fileformat2 §1.6) ---
    /** "btreeInitPage() returns error code 11": bad page type byte, or impossible cell count */
    PAGE_HEADER_INVALID("page-header-invalid", Severity.ERROR, "A b-tree page header is invalid"),
    /**
     * A b-tree page below the root with no cells, or an interior root (other than page 1) with none: SQLite's
     * cursors refuse to enter it (getAndInitPage, moveToRoot: SQLITE_CORRUPT) although checkTreePage passes it.
     */
    BTREE_PAGE_EMPTY("btree-page-empty", Severity.ERROR, "A b-tree page SQLite's cursors must enter has no cells"),
    /** "Offset N out of range A..B" */
    CELL_POINTER_OUT_OF_RANGE("cell-pointer-out-of-range", Severity.ERROR,
            "A cell pointer points outside the cell content area"),
    /** "Extends off end of page" */
    CELL_EXTENDS_OFF_PAGE("cell-extends-off-page", Severity.ERROR, "A cell runs past the end of its page"),
    /** "Multiple uses for byte N of page P" */
    CELL_OVERLAP("cell-overlap", Severity.ERROR, "Two cells or freeblocks use the same bytes"),
    /** "free space corruption" */
    FREEBLOCK_INVALID("freeblock-invalid", Severity.ERROR, "The freeblock list of a page is damaged"),
    /** "Fragmentation of N bytes reported as M on page P" */
    FRAGMENTATION_MISMATCH("fragmentation-mismatch", Severity.ERROR,
            "The page header's fragmented byte count is wrong"),
    /** Bytes the page header promises unallocated but a cell or freeblock lies inside them. */
    CELL_CONTENT_AREA_INVALID("cell-content-area-invalid", Severity.ERROR,
            "The cell content area start is inconsistent with the page"),
    /** A payload size larger than any record can be, or an unreadable varint in a cell. */
    CELL_MALFORMED("cell-malformed", Severity.ERROR, "A cell cannot be decoded"),

    // --- B-tree structure ---
    /** "Rowid N out of order" */
    ROWID_ORDER("rowid-order", Severity.ERROR, "Rowids are not in increasing order"),
    /** "Child page depth differs" */
    CHILD_DEPTH_DIFFERS("child-depth-differs", Severity.ERROR, "Leaves of a b-tree are at different depths"),
    /** Deeper than SQLite: a table page inside an index tree or the reverse, or leaves and interior mixed. */
    TREE_PAGE_KIND("tree-page-kind", Severity.ERROR, "A b-tree holds pages of the wrong kind"),
    /** Deeper than SQLite's 20-level cursor limit. */
    TREE_TOO_DEEP("tree-too-deep", Severity.ERROR, "A b-tree is deeper than SQLite can walk"),
    /** Deeper than SQLite: index (and WITHOUT ROWID) keys out of order within a page or across pages. */
    INDEX_KEY_ORDER("index-key-order", Severity.ERROR, "Index keys are not in order"),
    /** Deeper than SQLite: an interior cell's key does not separate its subtrees. */
    DIVIDER_KEY("divider-key", Severity.ERROR, "An interior divider key does not separate its children"),
    /** "overflow list length is N but should be M" */
    OVERFLOW_CHAIN_LENGTH("overflow-chain-length", Severity.ERROR, "An overflow chain has the wrong length"),

    // --- Records (fileformat2 §2.1) ---
    /** A record header or body that cannot be decoded (SQLite: "database disk image is malformed"). */
    RECORD_MALFORMED("record-malformed", Severity.ERROR, "A record cannot be decoded"),
    /** Deeper than SQLite: serial types 10 and 11 are reserved. */
    SERIAL_TYPE_RESERVED("serial-type-reserved", Severity.ERROR, "A record uses a reserved serial type"),
    /** Deeper than SQLite: text that is not valid in the database encoding. */
    TEXT_ENCODING_INVALID("text-encoding-invalid", Severity.WARNING, "Text is not valid in the database encoding"),

    // --- Freelist (fileformat2 §1.5) ---
    /** "freelist leaf count too big on page N" */
    FREELIST_LEAF_COUNT("freelist-leaf-count", Severity.ERROR, "A freelist trunk page claims too many leaves"),
    /** "size is N but should be M" (freelist) */
    FREELIST_COUNT("freelist-count", Severity.ERROR, "The freelist size differs from the header's count"),

    // --- Pointer map (fileformat2 §1.7) and auto-vacuum ---
    /** "Failed to read ptrmap key=N" */
    PTRMAP_ENTRY_MISSING("ptrmap-entry-missing", Severity.ERROR, "A pointer-map entry cannot be read"),
    /** "Bad ptr map entry key=N expected=(t,p) got=(t,p)" */
    PTRMAP_ENTRY_WRONG("ptrmap-entry-wrong", Severity.ERROR, "A pointer-map entry is wrong"),
    /** "Pointer map page N is referenced" */
    PTRMAP_PAGE_REFERENCED("ptrmap-page-referenced", Severity.ERROR, "A pointer-map page is used as something else"),
    /** "max rootpage (N) disagrees with header (M)" / "incremental_vacuum enabled with a max rootpage of zero" */
    AUTOVACUUM_ROOT_PAGE("autovacuum-root-page", Severity.ERROR,
            "The header's largest root page disagrees with the schema"),

    // --- Schema (fileformat2 §2.6) ---
    /** The sqlite_schema tree or one of its rows cannot be read: SQLite refuses to open the file. */
    SCHEMA_UNREADABLE("schema-unreadable", Severity.ERROR, "The schema cannot be read"),
    /** A schema row whose SQL does not parse, or whose type/name/root page is impossible. */
    SCHEMA_ROW_INVALID("schema-row-invalid", Severity.ERROR, "A schema row is invalid"),
    /** Two schema objects share a root page, or a root page is not a b-tree root of the right kind. */
    SCHEMA_ROOT_PAGE("schema-root-page", Severity.ERROR, "A schema object's root page is wrong"),

    // --- Rows (table level) ---
    /** "NULL value in T.C" */
    NOT_NULL_VIOLATED("not-null-violated", Severity.ERROR, "A NOT NULL column holds NULL"),
    /** "non-TYPE value in T.C" (STRICT tables) */
    STRICT_TYPE_VIOLATED("strict-type-violated", Severity.ERROR, "A STRICT column holds a value of the wrong type"),
    /** "NUMERIC value in T.C" / "TEXT value in T.C" (3.40+ affinity checks) */
    AFFINITY_VIOLATED("affinity-violated", Severity.ERROR, "A value was stored without its column's affinity"),
    /** "CHECK constraint failed in T" */
    CHECK_CONSTRAINT_FAILED("check-constraint-failed", Severity.ERROR, "A row violates a CHECK constraint"),
    /** "row not in PRIMARY KEY order for T" */
    PRIMARY_KEY_ORDER("primary-key-order", Severity.ERROR, "A WITHOUT ROWID row is out of PRIMARY KEY order"),
    /** A record with more values than the table has stored columns. */
    RECORD_TOO_LONG("record-too-long", Severity.WARNING, "A record holds more values than the table has columns"),

    // --- Indexes against their tables ---
    /** "row N missing from index I" */
    INDEX_ENTRY_MISSING("index-entry-missing", Severity.ERROR, "A row has no entry in an index"),
    /** "row N values differ from index I" (3.41+) */
    INDEX_ENTRY_DIFFERS("index-entry-differs", Severity.ERROR, "An index entry differs from its row"),
    /** An index entry that matches no row (SQLite: "wrong # of entries in index I"). */
    INDEX_ENTRY_EXTRA("index-entry-extra", Severity.ERROR, "An index entry matches no row"),
    /** "wrong # of entries in index I" */
    INDEX_ENTRY_COUNT("index-entry-count", Severity.ERROR, "An index has the wrong number of entries"),
    /** "rowid not at end-of-record for row N of index I" (3.42+) */
    INDEX_ROWID_NOT_AT_END("index-rowid-not-at-end", Severity.ERROR, "An index entry's rowid is not last"),
    /**
     * Deeper than SQLite: a row's index key depends on the SQLite version (a day past its month's end), and its
     * entry holds one version's key: another version's integrity_check reports the row missing from the index.
     */
    INDEX_KEY_VERSION("index-key-version", Severity.WARNING,
            "An index entry holds a key that another SQLite version computes differently"),
    /** "non-unique entry in index I" */
    INDEX_NOT_UNIQUE("index-not-unique", Severity.ERROR, "A UNIQUE index holds a duplicate key"),
    /** Deeper than SQLite: a secondary index record of a WITHOUT ROWID table with more or fewer values than its
     * key and primary key columns. */
    INDEX_RECORD_LENGTH("index-record-length", Severity.ERROR, "An index record holds the wrong number of values"),

    // --- WAL (walformat) ---
    /** The WAL header is damaged: SQLite ignores the whole WAL. */
    WAL_HEADER_INVALID("wal-header-invalid", Severity.ERROR, "The WAL header is invalid: SQLite ignores the WAL"),
    /** A checksum or salt break after which SQLite silently drops committed frames. */
    WAL_COMMITS_DROPPED("wal-commits-dropped", Severity.ERROR, "SQLite will silently drop committed WAL frames"),
    /** Frames after the last commit frame: an unfinished transaction, ignored by SQLite. */
    WAL_UNCOMMITTED_FRAMES("wal-uncommitted-frames", Severity.INFO, "The WAL ends with uncommitted frames"),
    /** The WAL's page size differs from the database's. */
    WAL_PAGE_SIZE_MISMATCH("wal-page-size-mismatch", Severity.ERROR,
            "The WAL's page size differs from the database's"),

    // --- What was not checked ---
    /** A CHECK constraint, partial index WHERE or index expression the checker cannot evaluate. */
    NOT_CHECKED("not-checked", Severity.INFO, "Something could not be checked"),
    /** The finding limit was reached; later findings were not reported. */
    FINDINGS_TRUNCATED("findings-truncated", Severity.INFO, "Too many findings: the rest were not reported");

    private final String code;
    private final Severity severity;
    private final String title;

    FindingCode(String code, Severity severity, String title) {
        this.code = code;
        this.severity = severity;
        this.title = title;
    }

    /** Stable kebab-case code. */
    public String code() {
        return code;
    }

    /** The usual severity; a finding may carry another (e.g. an error demoted when SQLite tolerates it). */
    public Severity severity() {
        return severity;
    }

    /** One line, plain language. */
    public String title() {
        return title;
    }

    public static FindingCode byCode(String code) {
        for (FindingCode c : values()) {
            if (c.code.equals(code)) {
                return c;
            }
        }
        return null;
    }
}
