package dev.loupe.check;

import dev.loupe.format.Problem;
import dev.loupe.format.wal.WalFile;

/**
 * Turns what the reader's decoders report (header rules, WAL, schema, records) into findings. B-tree level
 * problems are not mapped here: the structural check finds those itself, the way SQLite does.
 */
final class ProblemFindings {

    /** Object name used for findings that concern the -wal file; their offsets are offsets in that file. */
    static final String WAL = "-wal";

    private ProblemFindings() {
    }

    /**
     * The finding for a file, header or WAL problem; null for kinds reported elsewhere. {@code wal} (null when the
     * database has none) tells a WAL problem's consequence: the whole WAL ignored (a header problem), committed
     * frames dropped (the chain break, when commits follow it) or only uncommitted frames ignored.
     */
    static Finding fileLevel(Problem p, WalFile wal) {
        boolean header = wal != null && wal.headerProblems().contains(p) && !wal.headerUsable();
        boolean dropsCommits = wal != null && wal.lostCommits() > 0 && wal.chainBreak().filter(p::equals).isPresent();
        FindingCode code = switch (p.kind()) {
            case FILE_TRUNCATED -> p.span().isInPage() ? FindingCode.FILE_TRUNCATED : FindingCode.WAL_UNCOMMITTED_FRAMES;
            case FILE_SIZE_NOT_PAGE_MULTIPLE -> FindingCode.FILE_SIZE_NOT_PAGE_MULTIPLE;
            case HEADER_MAGIC -> FindingCode.NOT_A_DATABASE;
            case HEADER_PAGE_SIZE, HEADER_FILE_FORMAT_VERSION, HEADER_RESERVED_SPACE, HEADER_PAYLOAD_FRACTION,
                    HEADER_SCHEMA_FORMAT -> FindingCode.HEADER_FIELD_INVALID;
            // SQLite opens these: it reads the schema format's low byte and the encoding's low two bits
            case HEADER_SCHEMA_FORMAT_HIGH_BYTES, HEADER_TEXT_ENCODING -> FindingCode.HEADER_FIELD_SUSPICIOUS;
            case HEADER_PAGE_COUNT -> FindingCode.FILE_TRUNCATED;
            case HEADER_FREELIST, HEADER_AUTO_VACUUM -> FindingCode.HEADER_FIELD_SUSPICIOUS;
            case HEADER_RESERVED_EXPANSION -> FindingCode.HEADER_RESERVED_NOT_ZERO;
            case WAL_HEADER -> FindingCode.WAL_HEADER_INVALID;
            case WAL_PAGE_SIZE -> header ? FindingCode.WAL_HEADER_INVALID : FindingCode.WAL_PAGE_SIZE_MISMATCH;
            case WAL_CHECKSUM, WAL_SALT, WAL_FRAME -> header ? FindingCode.WAL_HEADER_INVALID
                    : dropsCommits ? FindingCode.WAL_COMMITS_DROPPED : FindingCode.WAL_UNCOMMITTED_FRAMES;
            case WAL_TRAILING_FRAMES -> FindingCode.WAL_UNCOMMITTED_FRAMES;
            default -> null;
        };
        if (code == null) {
            return null;
        }
        boolean inWal = p.kind().name().startsWith("WAL_") || !p.span().isInPage();
        Finding.Builder b = Finding.of(code, p.message()).at(p.span());
        if (inWal && code != FindingCode.FILE_SIZE_NOT_PAGE_MULTIPLE) {
            b.object(WAL);
        }
        if (code == FindingCode.HEADER_FIELD_INVALID && p.message().contains("opens the database read-only")) {
            b.severity(Severity.WARNING);
        }
        return b.build();
    }

    /**
     * The finding for a problem of a cell's payload or record, met while decoding rows or index entries; null for
     * problems reported elsewhere (record too long is the value checks' business, a cell's own bytes the
     * structural check's).
     */
    static Finding.Builder record(Problem p) {
        FindingCode code = switch (p.kind()) {
            case SERIAL_TYPE_RESERVED -> FindingCode.SERIAL_TYPE_RESERVED;
            case TEXT_ENCODING -> FindingCode.TEXT_ENCODING_INVALID;
            case PAYLOAD_SIZE, VARINT_TRUNCATED -> FindingCode.CELL_MALFORMED;
            // "could not be read; shown as NULL" repeats a record problem reported on its own
            case ROW_VALUE -> null;
            case RECORD_HEADER, RECORD_BODY -> FindingCode.RECORD_MALFORMED;
            default -> null;
        };
        if (code == null) {
            return null;
        }
        // No SQLite line: 3.40 stops its table scan with an error ("database disk image is malformed") at the
        // first record it cannot read, and which record that is depends on its scan.
        return Finding.of(code, p.message()).at(p.span());
    }
}
