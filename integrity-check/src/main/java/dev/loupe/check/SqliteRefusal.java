package dev.loupe.check;

import dev.loupe.format.Problem;

import java.util.List;

/**
 * Whether SQLite would refuse to run anything on the file, integrity_check included. It refuses at open when
 * page 1 fails its checks (btree.c lockBtree: the magic, a read version above 2, a page size that is not a power
 * of two from 512 to 65536, usable size below 480, payload fractions other than 64/32/32, a header page count
 * beyond the end of the file) or the schema format is unknown, and at the first statement when it cannot load
 * the schema (a damaged sqlite_schema b-tree, a statement it cannot parse). Findings on such a file carry no
 * SQLite line: SQLite prints only its one error.
 */
final class SqliteRefusal {

    private SqliteRefusal() {
    }

    /** The error SQLite gives when it refuses the file for these header problems, or null if it opens it. */
    static String atOpen(List<Problem> headerProblems) {
        for (Problem p : headerProblems) {
            switch (p.kind()) {
                case HEADER_MAGIC, HEADER_PAGE_SIZE, HEADER_RESERVED_SPACE, HEADER_PAYLOAD_FRACTION:
                    return "file is not a database";
                case HEADER_PAGE_COUNT:
                    return "database disk image is malformed";
                case HEADER_SCHEMA_FORMAT:
                    return "unsupported file format";
                case HEADER_FILE_FORMAT_VERSION:
                    if (p.message().contains("refuses to read")) {
                        return "file is not a database";
                    }
                    break;
                case FILE_TRUNCATED:
                    if (p.span().isInPage()) {
                        return "database disk image is malformed";
                    }
                    break;
                default:
                    break;
            }
        }
        return null;
    }
}
