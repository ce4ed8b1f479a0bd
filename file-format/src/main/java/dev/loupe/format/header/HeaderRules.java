package dev.loupe.format.header;

import dev.loupe.format.Problem;
import dev.loupe.format.ProblemKind;
import dev.loupe.format.Span;

import java.util.List;

/** The validity rules fileformat2 §1.3 states for each header field, and the ones SQLite enforces on open. */
final class HeaderRules {

    private HeaderRules() {
    }

    static void check(DatabaseHeader h, long fileSize, List<Problem> out) {
        if (!h.pageSizeValid()) {
            out.add(problem(ProblemKind.HEADER_PAGE_SIZE, 16, 2, "page size field is " + h.rawPageSize()
                    + ": must be a power of two from 512 to 32768, or 1 for 65536"));
        }
        checkVersions(h, out);
        int ps = h.pageSize();
        if (ps != 0 && h.usableSize() < DatabaseHeader.MIN_USABLE_SIZE) {
            out.add(problem(ProblemKind.HEADER_RESERVED_SPACE, 20, 1, h.reservedBytes() + " reserved bytes leave "
                    + h.usableSize() + " usable bytes per page; at least 480 are required"));
        }
        if (h.maxPayloadFraction() != 64 || h.minPayloadFraction() != 32 || h.leafPayloadFraction() != 32) {
            out.add(problem(ProblemKind.HEADER_PAYLOAD_FRACTION, 21, 3, "payload fractions are "
                    + h.maxPayloadFraction() + "/" + h.minPayloadFraction() + "/" + h.leafPayloadFraction()
                    + "; must be 64/32/32"));
        }
        checkPageCount(h, fileSize, out);
        checkFreelist(h, fileSize, out);
        // SQLite reads the schema format's low byte only (sqlite3InitOne casts it to u8)
        long schemaFormat = h.schemaFormat() & 0xff;
        if (schemaFormat > 4) {
            out.add(problem(ProblemKind.HEADER_SCHEMA_FORMAT, 47, 1, "schema format " + schemaFormat
                    + " is newer than any SQLite knows (1..4): SQLite refuses the schema (unsupported file format)"));
        } else if (h.schemaFormat() > 4) {
            out.add(problem(ProblemKind.HEADER_SCHEMA_FORMAT_HIGH_BYTES, 44, 3, "schema format field is "
                    + h.schemaFormat() + ": its upper three bytes are not zero; SQLite reads only the low byte ("
                    + schemaFormat + ")"));
        }
        if (h.textEncodingCode() > 3 || (h.textEncodingCode() == 0 && h.schemaCookie() != 0)) {
            TextEncoding used = h.textEncoding();
            out.add(problem(ProblemKind.HEADER_TEXT_ENCODING, 56, 4, "text encoding " + h.textEncodingCode()
                    + " is not 1 (UTF-8), 2 (UTF-16le) or 3 (UTF-16be); SQLite uses its low two bits and reads the"
                    + " file as " + used.pragmaName()));
        }
        if (h.largestRootPage() == 0 && h.incrementalVacuum() != 0) {
            out.add(problem(ProblemKind.HEADER_AUTO_VACUUM, 64, 4,
                    "incremental_vacuum enabled with a max rootpage of zero"));
        }
        if (h.incrementalVacuum() > 1) {
            out.add(problem(ProblemKind.HEADER_AUTO_VACUUM, 64, 4, "incremental-vacuum flag is "
                    + h.incrementalVacuum() + "; SQLite writes only 0 or 1"));
        }
        byte[] reserved = h.reservedForExpansion();
        for (int i = 0; i < reserved.length; i++) {
            if (reserved[i] != 0) {
                out.add(problem(ProblemKind.HEADER_RESERVED_EXPANSION, 72, 20, "reserved-for-expansion byte "
                        + (72 + i) + " is 0x" + String.format("%02x", reserved[i] & 0xff) + "; bytes 72..91 must be zero"));
                break;
            }
        }
    }

    private static void checkVersions(DatabaseHeader h, List<Problem> out) {
        if (h.writeVersion() < 1 || h.writeVersion() > 2) {
            out.add(problem(ProblemKind.HEADER_FILE_FORMAT_VERSION, 18, 1, "file format write version "
                    + h.writeVersion() + (h.writeVersion() > 2
                    ? ": SQLite opens the database read-only" : ": must be 1 (legacy) or 2 (WAL)")));
        }
        if (h.readVersion() < 1 || h.readVersion() > 2) {
            out.add(problem(ProblemKind.HEADER_FILE_FORMAT_VERSION, 19, 1, "file format read version "
                    + h.readVersion() + (h.readVersion() > 2
                    ? ": SQLite refuses to read the database" : ": must be 1 (legacy) or 2 (WAL)")));
        }
    }

    private static void checkPageCount(DatabaseHeader h, long fileSize, List<Problem> out) {
        int ps = h.pageSize();
        if (ps == 0) {
            return;
        }
        long wholePages = fileSize / ps;
        // SQLite's pager rounds the size up: a partial last page is a page whose missing bytes read as zeros
        long filePages = (fileSize + ps - 1) / ps;
        if (fileSize % ps != 0) {
            out.add(new Problem(ProblemKind.FILE_SIZE_NOT_PAGE_MULTIPLE, Span.inFile(wholePages * ps, (int) (fileSize % ps)),
                    "file size " + fileSize + " is not a multiple of the page size " + ps + ": the last page, "
                            + filePages + ", has only " + (fileSize % ps) + " bytes; SQLite reads the missing "
                            + (ps - fileSize % ps) + " as zeros"));
        }
        if (h.databaseSizeValid() && h.databaseSizeInPages() > filePages) {
            out.add(problem(ProblemKind.HEADER_PAGE_COUNT, 28, 4, "header says " + h.databaseSizeInPages()
                    + " pages but the file holds " + filePages + ": the file is truncated (SQLite reports the"
                    + " database disk image is malformed)"));
        }
    }

    private static void checkFreelist(DatabaseHeader h, long fileSize, List<Problem> out) {
        long pages = h.effectivePageCount(fileSize);
        if (h.firstFreelistTrunkPage() > pages && pages > 0) {
            out.add(problem(ProblemKind.HEADER_FREELIST, 32, 4, "first freelist trunk page "
                    + h.firstFreelistTrunkPage() + " is beyond the last page " + pages));
        }
        if (h.freelistPageCount() > pages && pages > 0) {
            out.add(problem(ProblemKind.HEADER_FREELIST, 36, 4, "freelist count " + h.freelistPageCount()
                    + " is more than the " + pages + " pages of the database"));
        }
        if ((h.firstFreelistTrunkPage() == 0) != (h.freelistPageCount() == 0)) {
            out.add(problem(ProblemKind.HEADER_FREELIST, 32, 8, "first freelist trunk page is "
                    + h.firstFreelistTrunkPage() + " but the freelist count is " + h.freelistPageCount()));
        }
    }

    private static Problem problem(ProblemKind kind, int offset, int length, String message) {
        return new Problem(kind, Span.inPage(1, offset, length), message);
    }
}
