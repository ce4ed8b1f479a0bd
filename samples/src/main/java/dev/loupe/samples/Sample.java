package dev.loupe.samples;

/**
 * The intact sample files shipped with Loupe, each built by {@code dev.loupe.samples.generate.SampleGenerator} to
 * exercise one part of the file format. The facts here (page size, encoding, auto-vacuum mode, reserved bytes) are
 * what SQLite reports for the file; the samples module's tests check them against SQLite.
 * See samples/MANIFEST.md for what each file contains and why.
 */
public enum Sample {
    DEMO("demo.db", 4096, "UTF-8", 0, 0, false,
            "Small library schema (authors, books, members, loans, WITHOUT ROWID tags, view, trigger) with"
                    + " overflowing summaries and a freelist; used by `loupe demo`"),
    PAGE_512("page512.db", 512, "UTF-8", 0, 0, false,
            "Mixed-type table (every integer width, reals, text, blobs, NULLs, empty values) with overflow rows"
                    + " and an index, at the smallest page size"),
    PAGE_1024("page1024.db", 1024, "UTF-8", 0, 0, false,
            "The mixed-type table and index at page size 1024"),
    PAGE_65536("page65536.db", 65536, "UTF-8", 0, 0, false,
            "The mixed-type table and index at the largest page size (stored as 1 in the header)"),
    UTF16LE("utf16le.db", 4096, "UTF-16le", 0, 0, false,
            "UTF-16le text with accents, CJK and emoji (surrogate pairs), indexed"),
    UTF16BE("utf16be.db", 4096, "UTF-16be", 0, 0, false,
            "UTF-16be text with accents, CJK and emoji (surrogate pairs), indexed"),
    AUTOVACUUM_FULL("autovacuum-full.db", 512, "UTF-8", 1, 0, false,
            "auto_vacuum=FULL: overflow chains, deletes, two pointer-map pages, no free pages"),
    AUTOVACUUM_INCREMENTAL("autovacuum-incremental.db", 512, "UTF-8", 2, 0, false,
            "auto_vacuum=INCREMENTAL: overflow chains, deletes left on the freelist, two pointer-map pages"),
    RESERVED_8("reserved8.db", 1024, "UTF-8", 0, 8, false,
            "8 reserved bytes at the end of every page (usable size 1016)"),
    RESERVED_32("reserved32.db", 512, "UTF-8", 0, 32, false,
            "32 reserved bytes on 512-byte pages: usable size 480, the smallest SQLite accepts"),
    WITHOUT_ROWID("without-rowid.db", 1024, "UTF-8", 0, 0, false,
            "WITHOUT ROWID tables (composite, text and DESC primary keys) with secondary indexes, multi-level"),
    OVERFLOW("overflow.db", 1024, "UTF-8", 0, 0, false,
            "20-60 KB texts and blobs on long overflow chains, an index whose keys overflow, payloads at the"
                    + " local-size boundaries"),
    FREELIST("freelist.db", 512, "UTF-8", 0, 0, false,
            "Most rows deleted, no vacuum: a freelist of several trunk pages and many leaves"),
    WAL("wal.db", 1024, "UTF-8", 0, 0, true,
            "WAL mode with 29 uncheckpointed commits in wal.db-wal (little-endian checksums)"),
    WAL_BIGENDIAN("wal-bigendian.db", 1024, "UTF-8", 0, 0, true,
            "wal.db with its WAL rewritten to big-endian checksums (magic 0x377f0683)"),
    WAL_65536("wal65536.db", 65536, "UTF-8", 0, 0, true,
            "WAL mode with 65536-byte pages: 6 uncheckpointed commits (root split, overflow chain, a table and an"
                    + " index created in the WAL, update, delete) in wal65536.db-wal"),
    INDEXES("indexes.db", 1024, "UTF-8", 0, 0, false,
            "Indexes: DESC, NOCASE, RTRIM, partial, expression, UNIQUE, multi-column, autoindexes"),
    ALTER_ADD_COLUMN("alter-add-column.db", 4096, "UTF-8", 0, 0, false,
            "Columns added by ALTER TABLE with defaults: old records lack the trailing columns"),
    TYPES("types.db", 4096, "UTF-8", 0, 0, false,
            "Every serial type, integer width boundaries, special reals, affinities, rowid extremes, STRICT and"
                    + " generated columns");

    private final String fileName;
    private final int pageSize;
    private final String encoding;
    private final int autoVacuum;
    private final int reservedBytes;
    private final boolean hasWal;
    private final String description;

    Sample(String fileName, int pageSize, String encoding, int autoVacuum, int reservedBytes, boolean hasWal,
           String description) {
        this.fileName = fileName;
        this.pageSize = pageSize;
        this.encoding = encoding;
        this.autoVacuum = autoVacuum;
        this.reservedBytes = reservedBytes;
        this.hasWal = hasWal;
        this.description = description;
    }

    /** The database file's name, e.g. {@code page512.db}; its WAL, if any, is this name plus {@code -wal}. */
    public String fileName() {
        return fileName;
    }

    public String description() {
        return description;
    }

    /** Whether a {@code <fileName>-wal} file with uncheckpointed commits is shipped beside the database. */
    public boolean hasWal() {
        return hasWal;
    }

    /** The page size in bytes, as PRAGMA page_size prints it (65536, although the header stores 1). */
    public int pageSize() {
        return pageSize;
    }

    /** The text encoding as PRAGMA encoding prints it: "UTF-8", "UTF-16le" or "UTF-16be". */
    public String encoding() {
        return encoding;
    }

    /** PRAGMA auto_vacuum: 0 none, 1 full, 2 incremental. */
    public int autoVacuum() {
        return autoVacuum;
    }

    /** Reserved bytes at the end of each page (database header byte 20). */
    public int reservedBytes() {
        return reservedBytes;
    }
}
