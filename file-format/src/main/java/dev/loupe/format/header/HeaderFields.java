package dev.loupe.format.header;

import dev.loupe.format.Span;

import java.util.ArrayList;
import java.util.List;

/** The header as a list of named fields with their bytes and meaning (fileformat2 §1.3, table of header fields). */
final class HeaderFields {

    private HeaderFields() {
    }

    static List<HeaderField> describe(DatabaseHeader h) {
        List<HeaderField> f = new ArrayList<>(24);
        f.add(field("headerString", 0, 16, h.magicOk() ? 1 : 0,
                h.magicOk() ? "\"SQLite format 3\\0\"" : "not the SQLite header string"));
        f.add(field("pageSize", 16, 2, h.rawPageSize(), h.pageSizeValid()
                ? h.pageSize() + " bytes" + (h.rawPageSize() == 1 ? " (1 means 65536)" : "")
                : "invalid page size"));
        f.add(field("fileFormatWriteVersion", 18, 1, h.writeVersion(), formatVersion(h.writeVersion())));
        f.add(field("fileFormatReadVersion", 19, 1, h.readVersion(), formatVersion(h.readVersion())));
        f.add(field("reservedSpace", 20, 1, h.reservedBytes(), h.reservedBytes() + " bytes reserved at the end of"
                + " each page; usable size " + h.usableSize()));
        f.add(field("maxEmbeddedPayloadFraction", 21, 1, h.maxPayloadFraction(), "must be 64"));
        f.add(field("minEmbeddedPayloadFraction", 22, 1, h.minPayloadFraction(), "must be 32"));
        f.add(field("leafPayloadFraction", 23, 1, h.leafPayloadFraction(), "must be 32"));
        f.add(field("fileChangeCounter", 24, 4, h.fileChangeCounter(), "incremented by each committed change"));
        f.add(field("databaseSizeInPages", 28, 4, h.databaseSizeInPages(), h.databaseSizeValid()
                ? h.databaseSizeInPages() + " pages (valid: version-valid-for equals the change counter)"
                : "not valid (zero, or version-valid-for differs from the change counter): the file size decides"));
        f.add(field("firstFreelistTrunkPage", 32, 4, h.firstFreelistTrunkPage(),
                h.firstFreelistTrunkPage() == 0 ? "no freelist" : "page " + h.firstFreelistTrunkPage()));
        f.add(field("freelistPageCount", 36, 4, h.freelistPageCount(), h.freelistPageCount() + " free pages"));
        f.add(field("schemaCookie", 40, 4, h.schemaCookie(), "incremented by each schema change"));
        f.add(field("schemaFormatNumber", 44, 4, h.schemaFormat(), schemaFormat(h.schemaFormat())));
        f.add(field("defaultPageCacheSize", 48, 4, h.defaultPageCacheSize() & 0xffffffffL,
                "suggested cache size " + h.defaultPageCacheSize()));
        f.add(field("largestRootBtreePage", 52, 4, h.largestRootPage(), h.largestRootPage() == 0
                ? "0: not auto-vacuum, no pointer-map pages" : "auto-vacuum; largest root page " + h.largestRootPage()));
        TextEncoding enc = h.textEncoding();
        f.add(field("textEncoding", 56, 4, h.textEncodingCode(), enc == null ? "invalid encoding"
                : enc.pragmaName() + (h.textEncodingCode() == 0 ? " (0: not yet set, UTF-8 assumed)" : "")));
        f.add(field("userVersion", 60, 4, h.userVersion() & 0xffffffffL, "PRAGMA user_version = " + h.userVersion()));
        f.add(field("incrementalVacuumMode", 64, 4, h.incrementalVacuum(), h.incrementalVacuum() == 0
                ? (h.largestRootPage() == 0 ? "auto_vacuum none" : "auto_vacuum full") : "auto_vacuum incremental"));
        f.add(field("applicationId", 68, 4, h.applicationId() & 0xffffffffL,
                "PRAGMA application_id = " + h.applicationId()));
        boolean zero = true;
        for (byte x : h.reservedForExpansion()) {
            zero &= x == 0;
        }
        f.add(field("reservedForExpansion", 72, 20, zero ? 0 : 1, zero ? "all zero" : "NOT all zero (must be)"));
        f.add(field("versionValidFor", 92, 4, h.versionValidFor(), "change counter when the version below was stored"));
        f.add(field("sqliteVersionNumber", 96, 4, h.sqliteVersionNumber(), versionText(h.sqliteVersionNumber())));
        return List.copyOf(f);
    }

    private static HeaderField field(String name, int offset, int length, long raw, String meaning) {
        return new HeaderField(name, Span.inPage(1, offset, length), raw, meaning);
    }

    private static String formatVersion(int v) {
        return switch (v) {
            case 1 -> "legacy (rollback journal)";
            case 2 -> "WAL";
            default -> "unknown version " + v;
        };
    }

    private static String schemaFormat(long v) {
        return switch ((int) Math.min(v, 5)) {
            case 0 -> "0: empty schema (treated as 1)";
            case 1 -> "1: legacy";
            case 2 -> "2: ALTER TABLE ADD COLUMN may leave records short";
            case 3 -> "3: non-NULL ALTER TABLE ADD COLUMN defaults";
            case 4 -> "4: DESC indexes and serial types 8/9";
            default -> v + ": unsupported (> 4)";
        };
    }

    /** SQLITE_VERSION_NUMBER is X*1000000 + Y*1000 + Z for version X.Y.Z. */
    static String versionText(long v) {
        if (v == 0) {
            return "none recorded";
        }
        return "SQLite " + (v / 1_000_000) + "." + (v / 1000 % 1000) + "." + (v % 1000);
    }
}
