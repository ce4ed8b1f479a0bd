package dev.loupe.format;

/**
 * The kinds of problems decoders report. Codes are stable (they appear in JSON); add kinds, never rename codes.
 * Grouped by the structure they concern.
 */
public enum ProblemKind {
    // File and page access
    FILE_TRUNCATED("file-truncated"),
    FILE_SIZE_NOT_PAGE_MULTIPLE("file-size-not-page-multiple"),
    PAGE_OUT_OF_RANGE("page-out-of-range"),
    PAGE_UNREADABLE("page-unreadable"),

    // Database header (fileformat2 §1.3)
    HEADER_MAGIC("header-magic"),
    HEADER_PAGE_SIZE("header-page-size"),
    HEADER_FILE_FORMAT_VERSION("header-file-format-version"),
    HEADER_RESERVED_SPACE("header-reserved-space"),
    HEADER_PAYLOAD_FRACTION("header-payload-fraction"),
    HEADER_PAGE_COUNT("header-page-count"),
    HEADER_FREELIST("header-freelist"),
    HEADER_SCHEMA_FORMAT("header-schema-format"),
    HEADER_SCHEMA_FORMAT_HIGH_BYTES("header-schema-format-high-bytes"),
    HEADER_TEXT_ENCODING("header-text-encoding"),
    HEADER_AUTO_VACUUM("header-auto-vacuum"),
    HEADER_RESERVED_EXPANSION("header-reserved-expansion"),

    // B-tree pages (fileformat2 §1.6)
    PAGE_TYPE("page-type"),
    CELL_COUNT("cell-count"),
    CELL_CONTENT_AREA("cell-content-area"),
    CELL_POINTER("cell-pointer"),
    CELL_OVERFLOWS_PAGE("cell-overflows-page"),
    CELL_OVERLAP("cell-overlap"),
    FREEBLOCK("freeblock"),
    FRAGMENTED_BYTES("fragmented-bytes"),
    CHILD_POINTER("child-pointer"),
    VARINT_TRUNCATED("varint-truncated"),

    // Payload and overflow (fileformat2 §1.6 payload, overflow pages)
    PAYLOAD_SIZE("payload-size"),
    OVERFLOW_CHAIN("overflow-chain"),
    OVERFLOW_LOOP("overflow-loop"),

    // Records (fileformat2 §2.1)
    RECORD_HEADER("record-header"),
    SERIAL_TYPE_RESERVED("serial-type-reserved"),
    RECORD_BODY("record-body"),
    TEXT_ENCODING("text-encoding"),

    // B-tree structure as walked from a root
    TREE_LOOP("tree-loop"),
    TREE_DEPTH("tree-depth"),
    TREE_PAGE_KIND("tree-page-kind"),
    KEY_ORDER("key-order"),

    // Freelist and pointer map (fileformat2 §1.5, §1.7)
    FREELIST_TRUNK("freelist-trunk"),
    FREELIST_LOOP("freelist-loop"),
    FREELIST_COUNT("freelist-count"),
    FREELIST_LEAF("freelist-leaf"),
    PTRMAP_ENTRY("ptrmap-entry"),

    // Schema (fileformat2 §2.6) and DDL
    SCHEMA_ROW("schema-row"),
    SCHEMA_SQL("schema-sql"),
    SCHEMA_REFERENCE("schema-reference"),

    // Rows
    ROW_VALUE("row-value"),

    // WAL, wal-index and rollback journal (walformat, fileformat2 §4)
    WAL_HEADER("wal-header"),
    WAL_FRAME("wal-frame"),
    WAL_CHECKSUM("wal-checksum"),
    WAL_SALT("wal-salt"),
    WAL_TRAILING_FRAMES("wal-trailing-frames"),
    WAL_PAGE_SIZE("wal-page-size"),
    SHM_HEADER("shm-header"),
    /** A wal-index hash block that does not map a WAL frame to its page (walformat §"Hash Tables"). */
    SHM_HASH_TABLE("shm-hash-table"),
    JOURNAL_HEADER("journal-header"),
    JOURNAL_RECORD("journal-record"),

    // hexdb text (dbtotxt format)
    HEXDB_SYNTAX("hexdb-syntax");

    private final String code;

    ProblemKind(String code) {
        this.code = code;
    }

    /** Stable kebab-case code used in JSON and text output. */
    public String code() {
        return code;
    }
}
