package dev.loupe.repro.diff;

import dev.loupe.format.Database;
import dev.loupe.format.header.DatabaseHeader;
import dev.loupe.format.header.HeaderField;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Compares the 100-byte headers field by field (fileformat2 §1.3). Each field's class, and why, is in docs/diff.md:
 * in short, counters and layout choices are benign, values the application reads back and encodings are
 * incompatible, and a field one reader would refuse is incompatible.
 */
final class HeaderComparison {

    private HeaderComparison() {
    }

    static void compare(Database a, Database b, Differences out) {
        boolean emptyA = a.pageCount() == 0;
        boolean emptyB = b.pageCount() == 0;
        if (emptyA || emptyB) {
            if (emptyA != emptyB) {
                // SQLite creates the file but writes no page until a statement changes something: an empty file is a
                // database with no schema, which the schema comparison then sets against the other file's
                out.add(DiffClass.BENIGN, DiffKind.HEADER, null, "file", pages(a), pages(b), (emptyA ? "A" : "B")
                        + " is empty (no page written yet, which SQLite reads as an empty database); the other has "
                        + (emptyA ? b : a).pageCount() + " pages");
            }
            return;
        }
        DatabaseHeader ha = a.header();
        DatabaseHeader hb = b.header();
        List<HeaderField> fa = ha.fields();
        List<HeaderField> fb = hb.fields();
        for (int i = 0; i < Math.min(fa.size(), fb.size()); i++) {
            HeaderField x = fa.get(i);
            HeaderField y = fb.get(i);
            if (x.name().equals("reservedForExpansion")) {
                reserved(ha, hb, x, out);
                continue;
            }
            if (x.raw() == y.raw()) {
                continue;
            }
            Rule r = rule(x.name(), a, b);
            out.add(new Difference(r.diffClass(), DiffKind.HEADER, null, null, 1, 1, x.span().offset(),
                    y.span().offset(), x.name(), x.raw() + " (" + x.meaning() + ")", y.raw() + " (" + y.meaning() + ")",
                    x.name() + " @" + x.span().offset() + " differs: " + r.why()));
        }
    }

    private static String pages(Database db) {
        return db.pageCount() == 0 ? "empty" : db.pageCount() + " pages";
    }

    /** Bytes 72..91 must be zero (fileformat2 §1.3.14); non-zero in both, but differently, is still a difference. */
    private static void reserved(DatabaseHeader ha, DatabaseHeader hb, HeaderField x, Differences out) {
        byte[] ra = ha.reservedForExpansion();
        byte[] rb = hb.reservedForExpansion();
        if (!Arrays.equals(ra, rb)) {
            out.add(new Difference(DiffClass.INCOMPATIBLE, DiffKind.HEADER, null, null, 1, 1, 72, 72, x.name(),
                    HexFormat.ofDelimiter(" ").formatHex(ra), HexFormat.ofDelimiter(" ").formatHex(rb),
                    "reservedForExpansion @72 differs: these 20 bytes must be zero; a file that sets them is one"
                            + " SQLite's successors may read differently"));
        }
    }

    /** A field difference's class and the reason for it. */
    record Rule(DiffClass diffClass, String why) {
        static Rule benign(String why) {
            return new Rule(DiffClass.BENIGN, why);
        }

        static Rule incompatible(String why) {
            return new Rule(DiffClass.INCOMPATIBLE, why);
        }
    }

    /** The class of a difference in field {@code name}, and why: one place for the rules docs/diff.md tabulates. */
    static Rule rule(String name, Database a, Database b) {
        DatabaseHeader ha = a.header();
        DatabaseHeader hb = b.header();
        return switch (name) {
            case "headerString" -> Rule.incompatible("only one file starts with \"SQLite format 3\\0\"; no SQLite"
                    + " opens the other");
            case "pageSize" -> !ha.pageSizeValid() || !hb.pageSizeValid()
                    ? Rule.incompatible((ha.pageSizeValid() ? "B's" : hb.pageSizeValid() ? "A's" : "each")
                    + " page size is not a power of two from 512 to 65536: SQLite refuses the file")
                    : Rule.benign("a layout choice (PRAGMA page_size, SQLITE_DEFAULT_PAGE_SIZE); every reader handles"
                    + " every valid page size and the content is compared below");
            case "fileFormatWriteVersion", "fileFormatReadVersion" -> version(ha, hb, name);
            case "reservedSpace" -> Rule.incompatible("the reserved region at the end of each page belongs to an"
                    + " extension (checksums, encryption) that only one file carries; it also changes the usable size"
                    + " and so where payloads spill to overflow pages");
            case "maxEmbeddedPayloadFraction", "minEmbeddedPayloadFraction", "leafPayloadFraction" ->
                    Rule.incompatible("the payload fractions must be 64/32/32; SQLite refuses other values");
            case "fileChangeCounter" -> Rule.benign("a counter of writes: engines commit in other steps");
            case "versionValidFor" -> validFor(ha, hb);
            case "sqliteVersionNumber" -> Rule.benign("the version of the library that last wrote the file");
            case "databaseSizeInPages" -> pageCount(a, b);
            case "firstFreelistTrunkPage", "freelistPageCount" -> Rule.benign("free pages are page placement; the"
                    + " content does not depend on them");
            case "schemaCookie" -> Rule.benign("a counter of schema changes: engines may count other steps");
            case "schemaFormatNumber" -> ha.schemaFormat() <= 4 && hb.schemaFormat() <= 4
                    ? Rule.benign("both formats are read by SQLite 3.3.0 and later; records and index order are"
                    + " compared below")
                    : Rule.incompatible("schema format above 4: SQLite refuses to read such a file");
            case "defaultPageCacheSize" -> Rule.benign("a cache-size hint (PRAGMA default_cache_size, deprecated)"
                    + " with no effect on the content");
            case "largestRootBtreePage" -> (ha.largestRootPage() == 0) != (hb.largestRootPage() == 0)
                    ? Rule.benign("auto-vacuum in one file only: a maintenance setting (PRAGMA auto_vacuum,"
                    + " SQLITE_DEFAULT_AUTOVACUUM) that adds pointer-map pages and leaves the content alone")
                    : Rule.benign("root pages are page placement");
            case "incrementalVacuumMode" -> Rule.benign("incremental or full auto-vacuum: a maintenance setting");
            case "textEncoding" -> ha.textEncoding() == hb.textEncoding() && ha.textEncoding() != null
                    ? Rule.benign("the same encoding: 0 (not yet set, in a file with no schema) reads as UTF-8, and"
                    + " SQLite reads only the low two bits")
                    : Rule.incompatible("text is stored in another encoding: the same strings are other bytes,"
                    + " BINARY collation orders UTF-16le text differently, and SQLite cannot ATTACH one to the other");
            case "userVersion" -> Rule.incompatible("PRAGMA user_version returns another value: the application"
                    + " stored it and reads it back");
            case "applicationId" -> Rule.incompatible("PRAGMA application_id returns another value: it identifies"
                    + " the file's application format");
            default -> Rule.incompatible("a field Loupe does not class");
        };
    }

    /** 1 (legacy) and 2 (WAL) are both read by SQLite 3.7.0+; anything else is refused or read-only. */
    private static Rule version(DatabaseHeader ha, DatabaseHeader hb, String name) {
        boolean read = name.equals("fileFormatReadVersion");
        int va = read ? ha.readVersion() : ha.writeVersion();
        int vb = read ? hb.readVersion() : hb.writeVersion();
        if (va >= 1 && va <= 2 && vb >= 1 && vb <= 2) {
            return Rule.benign("one file is in WAL mode (2) and the other uses a rollback journal (1): a persistent"
                    + " journal_mode setting, both read by SQLite 3.7.0 and later (Turso only writes WAL files)");
        }
        return Rule.incompatible(read ? "a read version above 2 makes SQLite refuse the file"
                : "a write version above 2 makes the file read-only for SQLite");
    }

    /**
     * Version-valid-for should be the change counter of the write that stored the version number (fileformat2
     * §1.3.9); when it is not, SQLite distrusts the in-header page count and uses the file size, as for files
     * written before 3.7.0. Still readable, so benign, but worth saying.
     */
    private static Rule validFor(DatabaseHeader ha, DatabaseHeader hb) {
        boolean okA = ha.versionValidFor() == ha.fileChangeCounter();
        boolean okB = hb.versionValidFor() == hb.fileChangeCounter();
        if (okA && okB) {
            return Rule.benign("it follows the change counter, a counter of writes: engines commit in other steps");
        }
        String who = okA ? "in B it is not the change counter, so SQLite ignores B's"
                : okB ? "in A it is not the change counter, so SQLite ignores A's"
                : "in both it is not the change counter, so SQLite ignores either file's";
        return Rule.benign(who + " in-header page count and uses the file size (as for files written before SQLite"
                + " 3.7.0): readable, but not what SQLite writes");
    }

    /**
     * The in-header page count is trusted only when valid (fileformat2 §1.3.9: non-zero and version-valid-for equal
     * to the change counter); a count that is not valid is ignored and the file size used. Two counts that each
     * agree with their file are layout; a valid count that disagrees with its file makes a reader see other pages.
     */
    private static Rule pageCount(Database a, Database b) {
        boolean okA = consistent(a);
        boolean okB = consistent(b);
        if (okA && okB) {
            return Rule.benign("each count agrees with its file (or is not valid and ignored): a layout difference"
                    + " (page size, placement, freelist)");
        }
        String who = okA ? "B's valid in-header page count disagrees with its file"
                : okB ? "A's valid in-header page count disagrees with its file"
                : "in both files a valid in-header page count disagrees with the file";
        return Rule.incompatible(who + ": SQLite trusts the count and sees other pages than are there");
    }

    /** True unless the header's page count is valid and differs from the pages the file (or its WAL) holds. */
    private static boolean consistent(Database db) {
        DatabaseHeader h = db.header();
        if (!h.databaseSizeValid()) {
            return true;
        }
        int ps = db.pageSize();
        long present = db.appliedCommit() > 0 ? db.pageCount() : (db.fileSize() + ps - 1) / ps;
        return h.databaseSizeInPages() == present;
    }
}
