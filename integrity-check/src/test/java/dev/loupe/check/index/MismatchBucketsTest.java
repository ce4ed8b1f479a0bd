package dev.loupe.check.index;

import dev.loupe.check.CheckOptions;
import dev.loupe.check.CheckReport;
import dev.loupe.check.Checker;
import dev.loupe.check.FindingCode;
import dev.loupe.check.mutants.Mutant;
import dev.loupe.check.values.ValueChecks;
import dev.loupe.format.OpenOptions;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import dev.loupe.samples.corrupt.Corruption;
import dev.loupe.samples.corrupt.Corruptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact pass looks up only the rows and entries of the digest buckets that differ when the index is in key order
 * ({@link EntryDigest#differingBuckets}), and of those only the ones no entry or row of the same hash matches
 * ({@link RowResidues}): it must name exactly what looking up every row and entry names, and look up far fewer of
 * them. So must the pass that holds no rows back, and the one that holds three and then gives up holding.
 */
class MismatchBucketsTest {

    private static final long FIRST_SEED = 93_000_000L;
    private static final int MUTANTS = 500;
    /** Index pages with changed keys, each checked twice (about 0.1 s a file). */
    private static final int RANDOM_KEY_CHANGES = 40;
    /** Table or index pages with changed bytes beside a stale index, each file checked three times. */
    private static final int RANDOM_PAGE_CHANGES = 60;

    @TempDir
    Path dir;

    private final LongAdder narrowLookups = new LongAdder();
    private final LongAdder everyLookups = new LongAdder();
    private final LongAdder unheldLookups = new LongAdder();
    private final LongAdder scannedLookups = new LongAdder();
    private final LongAdder located = new LongAdder();
    /** As a check runs: rows and entries taken from where the digests say they lie when they can be. */
    private final Checker narrow = new Checker(CheckOptions.defaults().withThreads(1), List.of(new ValueChecks(),
            new IndexChecks(new ExactPass(true, RowResidues.CAP, true, true, narrowLookups, located))));
    /** As a check runs, on two threads: the indexes' scans side by side after the table's shared scan. */
    private final Checker twoThreads = Checker.standard(CheckOptions.defaults().withThreads(2));
    /** Narrowed, each index's rows named by a scan of the table of its own. */
    private final Checker unshared = checker(true, new LongAdder(), RowResidues.CAP, false, false);
    /** The same, always scanning the table and the index for them ({@link LoneDifferences} not used). */
    private final Checker scanned = checker(true, scannedLookups, RowResidues.CAP, false);
    private final Checker every = checker(false, everyLookups, 0, false);
    /** Narrowed, each row of a differing bucket looked up as it is met (no {@link RowResidues}). */
    private final Checker unheld = checker(true, unheldLookups, 0, false);
    /** Narrowed, holding three rows at most: past them the pass looks up what it holds and goes on without. */
    private final Checker fewHeld = checker(true, new LongAdder(), 3, false);

    private static Checker checker(boolean narrowLookups, LongAdder lookups, int hold, boolean locate) {
        return checker(narrowLookups, lookups, hold, locate, true);
    }

    private static Checker checker(boolean narrowLookups, LongAdder lookups, int hold, boolean locate,
                                   boolean share) {
        return new Checker(CheckOptions.defaults().withThreads(1), List.of(new ValueChecks(),
                new IndexChecks(new ExactPass(narrowLookups, hold, locate, share, lookups, null))));
    }

    /**
     * Moves the first cell pointer of page {@code page} (0-based) of the image {@code b} 3 bytes on, so that the cell
     * read there is garbage, and writes the image to {@code db}. Returns the page's cell count.
     */
    private static int shiftFirstCellPointer(Path db, byte[] b, int pageSize, int page) throws Exception {
        int cells = ((b[page * pageSize + 3] & 0xff) << 8) | (b[page * pageSize + 4] & 0xff);
        int at = page * pageSize + 8;
        int pointer = ((b[at] & 0xff) << 8 | (b[at + 1] & 0xff)) + 3;
        b[at] = (byte) (pointer >> 8);
        b[at + 1] = (byte) pointer;
        Files.write(db, b);
        return cells;
    }

    /** Every checker names the same in {@code db}: what looking up every row and entry names, which it returns. */
    private CheckReport allAgree(Path db, String what) throws Exception {
        CheckReport expected = every.check(db, OpenOptions.defaults());
        assertThat(narrow.check(db, OpenOptions.defaults()).findings()).as(what).isEqualTo(expected.findings());
        othersAgree(db, what, expected);
        assertThat(unheld.check(db, OpenOptions.defaults()).findings()).as(what).isEqualTo(expected.findings());
        return expected;
    }

    /** The narrowed check that holds only three rows names what {@code expected} names too. */
    private void othersAgree(Path db, String what, CheckReport expected) throws Exception {
        assertThat(scanned.check(db, OpenOptions.defaults()).findings()).as(what + ", scanned")
                .isEqualTo(expected.findings());
        assertThat(unshared.check(db, OpenOptions.defaults()).findings()).as(what + ", a scan per index")
                .isEqualTo(expected.findings());
        assertThat(twoThreads.check(db, OpenOptions.defaults()).findings()).as(what + ", two threads")
                .isEqualTo(expected.findings());
        assertThat(fewHeld.check(db, OpenOptions.defaults()).findings()).as(what + ", three rows held")
                .isEqualTo(expected.findings());
    }

    @Test
    void staleIndexesAreNamedWithAFewLookups() throws Exception {
        Path db = rows(dir.resolve("stale.db"), "CREATE INDEX ta ON t(a)", "CREATE INDEX tba ON t(b, a)");
        // the table changes, the indexes do not follow: rows without entries, entries without rows
        IndexFixtures.staleIndex(db, "ta", "UPDATE t SET a = 'changed' WHERE id IN (17, 9000)",
                "DELETE FROM t WHERE id = 300", "INSERT INTO t VALUES (20001, 'new', 5)");
        IndexFixtures.staleIndex(db, "tba", "UPDATE t SET b = -1 WHERE id = 12345");

        CheckReport expected = every.check(db, OpenOptions.defaults());
        CheckReport r = narrow.check(db, OpenOptions.defaults());
        assertThat(r.findings()).isEqualTo(expected.findings());
        othersAgree(db, "stale", expected);
        assertThat(unheld.check(db, OpenOptions.defaults()).findings()).isEqualTo(expected.findings());
        assertThat(r.findings()).extracting(f -> f.code()).contains(FindingCode.INDEX_ENTRY_MISSING,
                FindingCode.INDEX_ENTRY_EXTRA);
        assertThat(r.findings()).filteredOn(f -> f.code() == FindingCode.INDEX_ENTRY_MISSING).hasSize(4);
        // every lookup: each row of t and each entry, for both indexes (~80,000); in the buckets and rowid ranges
        // that differ: a few per damage (a bucket holds a few hundred rows, a range 128); matched by hash within
        // them, only the rows and entries that differ: 4 rows and 4 entries
        assertThat(everyLookups.sum()).isGreaterThanOrEqualTo(80_000);
        assertThat(unheldLookups.sum()).as("lookups in the differing buckets and ranges").isBetween(8L, 100L);
        assertThat(narrowLookups.sum()).as("lookups of the unmatched rows and entries").isEqualTo(8);
        // both indexes' differing rows were found by the rowids their digests give, without a scan of t
        assertThat(located.sum()).isEqualTo(2);
        assertThat(scannedLookups.sum()).isEqualTo(8);
    }

    @Test
    void anIndexOutOfKeyOrderHasTheRowsKeyedWhereItBreaksLookedUp() throws Exception {
        Path db = rows(dir.resolve("disordered.db"), "CREATE INDEX ta ON t(a)");
        // one key of the index rewritten in place: out of key order, and matching no row. The walk breaks at the
        // entry after it, whose key is at most 'zame 7919'
        long between = count(db, "SELECT count(*) FROM t WHERE a > 'name 7919' AND a <= 'zame 7919'");
        long leaf = indexPageHolding(db, 10, "name 7919");
        byte[] image = Files.readAllBytes(db);
        int at = (int) (leaf - 1) * pageSize(image);
        int cells = ((image[at + 3] & 0xff) << 8) | (image[at + 4] & 0xff);
        IndexFixtures.patchPage(db, leaf, "name 7919", "zame 7919", StandardCharsets.UTF_8);

        CheckReport expected = every.check(db, OpenOptions.defaults());
        CheckReport r = narrow.check(db, OpenOptions.defaults());
        assertThat(r.findings()).isEqualTo(expected.findings());
        othersAgree(db, "disordered", expected);
        assertThat(unheld.check(db, OpenOptions.defaults()).findings()).isEqualTo(expected.findings());
        assertThat(r.findings()).extracting(f -> f.code()).contains(FindingCode.INDEX_KEY_ORDER,
                FindingCode.INDEX_ENTRY_MISSING, FindingCode.INDEX_ENTRY_EXTRA);
        assertThat(everyLookups.sum()).isEqualTo(40_000);
        // the break lies inside a leaf: only the descents that enter it may be misled, those of the keys from the
        // divider before the leaf to the one after it. So the rows keyed there are looked up (the leaf's, the
        // changed one's among them, and the two dividers'), not the 1,000-5,000 keyed between the key's old and new
        // values; besides them the changed entry, which matches no row
        assertThat(between).isBetween(1_000L, 5_000L);
        assertThat(cells).isBetween(50, 400);
        assertThat(narrowLookups.sum()).isEqualTo(cells + 2 + 1);
        // the rows named missing are those SQLite's own descents miss
        assertThat(IndexFixtures.missingRows(expected)).isNotEmpty()
                .isEqualTo(IndexFixtures.sqliteMissingRows(db, dir.resolve("jdbc")));
        // without holding, the rows of the differing buckets and ranges are looked up too: the changed key's and
        // the entry's rowid ranges hold few
        assertThat(unheldLookups.sum()).isBetween(narrowLookups.sum(), narrowLookups.sum() + 20);
    }

    @Test
    void keysMovedDownOrAtADividerGiveTheSameFindingsAsEveryLookup() throws Exception {
        // a leaf key moved below its neighbours, and an interior (divider) key moved above its subtree's
        Path leaf = rows(dir.resolve("down.db"), "CREATE INDEX ta ON t(a)");
        IndexFixtures.patchPage(leaf, indexPageHolding(leaf, 10, "name 7919"), "name 7919", "aame 7919",
                StandardCharsets.UTF_8);
        Path divider = rows(dir.resolve("divider.db"), "CREATE INDEX ta ON t(a)");
        long interior = indexPageHolding(divider, 2, "name ");
        String key = dividerKey(divider, interior);
        IndexFixtures.patchPage(divider, interior, key, "o" + key.substring(1), StandardCharsets.UTF_8);

        for (Path db : List.of(leaf, divider)) {
            everyLookups.reset();
            narrowLookups.reset();
            CheckReport expected = every.check(db, OpenOptions.defaults());
            assertThat(narrow.check(db, OpenOptions.defaults()).findings()).as(db.toString())
                    .isEqualTo(expected.findings());
            othersAgree(db, db.toString(), expected);
            assertThat(expected.findings()).extracting(f -> f.code()).as(db.toString())
                    .containsAnyOf(FindingCode.INDEX_KEY_ORDER, FindingCode.DIVIDER_KEY);
            assertThat(narrowLookups.sum()).as(db.toString()).isLessThan(everyLookups.sum() / 2);
        }
    }

    @Test
    void aDividerRaisedPastKeysOfTheLeafAfterItGivesTheSameFindingsAsEveryLookup() throws Exception {
        // an interior key raised past some keys of the leaf after it, still below the next divider: the order breaks
        // at that leaf's first key, and the leaf's keys below the raised divider are ones a descent no longer reaches
        // (it turns left of the divider for them), so their rows are missing from the index for integrity_check
        Path db = rows(dir.resolve("raised.db"), "CREATE INDEX ta ON t(a)");
        long interior = indexPageHolding(db, 2, "name ");
        String key = dividerKey(db, interior, 0);
        String next = dividerKey(db, interior, 1);
        String raised;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT max(a) FROM t WHERE a > '" + key + "' AND a < '" + next
                     + "' AND length(a) = " + key.length())) {
            raised = rs.getString(1);
        }
        assertThat(raised).as("a key between %s and %s", key, next).isNotNull();
        long below = count(db, "SELECT count(*) FROM t WHERE a > '" + key + "' AND a < '" + raised + "'");
        IndexFixtures.patchPage(db, interior, key, raised, StandardCharsets.UTF_8);

        CheckReport expected = allAgree(db, "raised divider");
        assertThat(below).isBetween(2L, 300L);
        assertThat(expected.findings()).filteredOn(f -> f.code() == FindingCode.INDEX_ENTRY_MISSING)
                .hasSizeGreaterThanOrEqualTo((int) below);
        assertThat(narrowLookups.sum()).isLessThan(everyLookups.sum() / 10);
        // the rows named missing are those SQLite's own descents miss
        assertThat(IndexFixtures.missingRows(expected))
                .isEqualTo(IndexFixtures.sqliteMissingRows(db, dir.resolve("jdbc")));
    }

    @Test
    void aDamagedTableLeafHasTheEntriesOfItsRowidsLookedUp() throws Exception {
        Path db = staleRows("damaged-table.db");
        // a table leaf's first cell pointer moved 3 bytes on: that cell runs off its page (the table's tree is
        // damaged), the index's tree is not
        byte[] b = Files.readAllBytes(db);
        int pageSize = pageSize(b);
        int leaf = -1;
        for (int p = b.length / pageSize / 2; p < b.length / pageSize && leaf < 0; p++) {
            if (b[p * pageSize] == 13) {
                leaf = p;
            }
        }
        int cells = shiftFirstCellPointer(db, b, pageSize, leaf);

        CheckReport expected = allAgree(db, "damaged table");
        assertThat(expected.findings()).extracting(f -> f.code()).contains(FindingCode.INDEX_ENTRY_MISSING,
                FindingCode.INDEX_ENTRY_EXTRA);
        // the rowids are 1..20000 without a gap, so the range a descent routes to the leaf holds exactly its rows'
        // rowids: their entries are looked up (a descent there may be misled), and so is the entry of the rowid the
        // damaged cell now reads as (no descent comes to that leaf for it). Besides them: the damaged row and the
        // changed one, and the changed row's old entry
        assertThat(everyLookups.sum()).isGreaterThanOrEqualTo(40_000);
        assertThat(cells).isBetween(50, 400);
        assertThat(narrowLookups.sum()).isEqualTo(cells + 1 + 3);
    }

    @Test
    void aDamagedCellOfTheTablesRootHasOnlyTheEntriesItsProbesMeetLookedUp() throws Exception {
        // the root's first cell pointer moved 3 bytes on: a descent's binary search meets that cell only for the
        // rowids up to the root's second key, the first two leaves' rows; every other descent never reads it
        Path db = withTablesRoot("damaged-root.db", MismatchBucketsTest::shiftFirstInteriorCellPointer);
        allAgree(db, "damaged root cell");
        // before, the root's whole range was distrusted: every one of the 20,000 entries was looked up
        assertThat(everyLookups.sum()).isGreaterThan(30_000);
        assertThat(narrowLookups.sum()).isBetween(100L, 1_000L);
    }

    @Test
    void aRootRightChildPointerOutOfRangeHasOnlyTheEntriesRoutedThereLookedUp() throws Exception {
        // the root's right child pointer (header bytes 8-11) made to point past the file: the descents for the
        // rowids above the root's last key lead nowhere, and only they
        Path db = withTablesRoot("damaged-right-child.db", (b, root) -> b[root + 8] = 0x7f);
        allAgree(db, "right child out of range");
        assertThat(everyLookups.sum()).isGreaterThan(30_000);
        assertThat(narrowLookups.sum()).isBetween(10L, 1_000L);
    }

    @Test
    void aLostSubtreeOfTheTableHasOnlyTheRowsOfItsRowidRangesLookedUp() throws Exception {
        // 512-byte pages: t's root has a few dozen children, each over hundreds of rows. The root's first cell
        // pointer moved 3 bytes on: the walk loses that cell's subtree, whose rows' entries, still in the index,
        // leave nearly every digest bucket differing. Their rowids lie in a few of the digests' rowid ranges
        Path db = dir.resolve("lost-subtree.db");
        rows(db, 512, "CREATE INDEX ta ON t(a)");
        byte[] b = Files.readAllBytes(db);
        assertThat(pageSize(b)).isEqualTo(512);
        int root = (int) (IndexFixtures.rootPage(db, "t") - 1) * 512;
        assertThat(b[root]).as("t's root is an interior page").isEqualTo((byte) 5);
        long lost = count(db, "SELECT count(*) FROM t WHERE id <= " + rootKey(b, root, 0));
        shiftFirstInteriorCellPointer(b, root);
        Files.write(db, b);

        CheckReport expected = allAgree(db, "lost subtree");
        assertThat(expected.findings()).extracting(f -> f.code()).contains(FindingCode.INDEX_ENTRY_EXTRA);
        assertThat(lost).as("rows lost with the subtree").isBetween(300L, 3_000L);
        // every row is looked up by the pass that does not narrow, then entries up to the findings' limit
        assertThat(everyLookups.sum()).isGreaterThan(20_000 - lost);
        // each row of a differing bucket looked up as it is met: nearly all the rows when buckets alone narrowed
        // them (about 19,000 before the first entry); now those of the ranges of the lost rowids, a few dozen, then
        // the entries of the lost rows up to the limit
        assertThat(unheldLookups.sum()).isLessThan(lost + 300);
    }

    /** Moves the first cell pointer of the interior page at offset {@code page} of an image 3 bytes on. */
    private static void shiftFirstInteriorCellPointer(byte[] b, int page) {
        int at = page + 12; // an interior page's cell pointers follow its 12-byte header
        int pointer = ((b[at] & 0xff) << 8 | (b[at + 1] & 0xff)) + 3;
        b[at] = (byte) (pointer >> 8);
        b[at + 1] = (byte) pointer;
    }

    /** The rowid of cell {@code i} of the table interior page at offset {@code page} of an image. */
    private static long rootKey(byte[] b, int page, int i) {
        int at = page + 12 + 2 * i;
        int cell = page + ((b[at] & 0xff) << 8 | (b[at + 1] & 0xff)) + 4; // the left child pointer, then the rowid
        long v = 0;
        for (int k = 0; k < 9; k++) {
            int x = b[cell + k] & 0xff;
            v = (v << 7) | (x & 0x7f);
            if (x < 0x80) {
                break;
            }
        }
        return v;
    }

    /** The 20,000 rows with the index ta, gone stale for one changed row (17): the damaged-tree tests' start. */
    private Path staleRows(String name) throws Exception {
        Path db = rows(dir.resolve(name), "CREATE INDEX ta ON t(a)");
        IndexFixtures.staleIndex(db, "ta", "UPDATE t SET a = 'changed' WHERE id = 17");
        return db;
    }

    /** The page size a database image's header gives (a 4096-byte or smaller page here). */
    private static int pageSize(byte[] image) {
        return ((image[16] & 0xff) << 8) | (image[17] & 0xff);
    }

    /** A change to the bytes of t's root page (an interior page at offset {@code root} of the image). */
    private interface RootChange {
        void apply(byte[] image, int root);
    }

    /** {@link #staleRows}, with {@code change} made to t's root page. */
    private Path withTablesRoot(String name, RootChange change) throws Exception {
        Path db = staleRows(name);
        byte[] b = Files.readAllBytes(db);
        int pageSize = pageSize(b);
        int root = (int) (IndexFixtures.rootPage(db, "t") - 1) * pageSize;
        assertThat(b[root]).as("t's root is an interior page").isEqualTo((byte) 5);
        change.apply(b, root);
        Files.write(db, b);
        return db;
    }

    @Test
    void aDamagedIndexLeafHasTheRowsKeyedThereLookedUp() throws Exception {
        Path db = staleRows("damaged-index.db");
        // an index leaf's first cell pointer moved 3 bytes on (a leaf in the middle of the index: keys before and
        // after it): that entry reads as garbage, the table's tree is sound
        byte[] b = Files.readAllBytes(db);
        int pageSize = pageSize(b);
        long root = count(db, "SELECT rootpage FROM sqlite_schema WHERE name = 'ta'");
        List<Integer> leaves = new ArrayList<>();
        for (int p = 1; p < b.length / pageSize; p++) {
            if (b[p * pageSize] == 10 && p + 1 != root) {
                leaves.add(p);
            }
        }
        int leaf = leaves.get(leaves.size() / 2);
        int cells = shiftFirstCellPointer(db, b, pageSize, leaf);

        CheckReport expected = allAgree(db, "damaged index");
        assertThat(expected.findings()).extracting(f -> f.code()).contains(FindingCode.RECORD_MALFORMED,
                FindingCode.INDEX_ENTRY_MISSING, FindingCode.INDEX_ENTRY_EXTRA);
        assertThat(everyLookups.sum()).isGreaterThanOrEqualTo(40_000);
        assertThat(cells).isBetween(50, 400);
        // the rows keyed from the divider before the leaf to the one after it, both included, are looked up, as a
        // descent for them may meet the garbage entry: the leaf's rows (its cells, the garbage one's row among them)
        // and the two dividers'. Besides them: the changed row and its old entry, and the garbage entry
        assertThat(narrowLookups.sum()).isEqualTo(cells + 2 + 3);
    }

    @Test
    void tablePagesChangedAtRandomGiveTheSameFindingsAsEveryLookup() throws Exception {
        // bytes of a rowid table's pages changed beside a stale index, leaf and interior pages alike (cell pointers,
        // rowids, divider keys, child pointers): the exact pass runs with the table's tree damaged, where only the
        // entries whose rowid a descent routes through the damage are looked up besides the differing buckets
        int narrowed = pagesChangedAtRandom(false, 13, 5);
        assertThat(narrowed).isGreaterThan(RANDOM_PAGE_CHANGES / 3);
    }

    @Test
    void indexPagesChangedAtRandomGiveTheSameFindingsAsEveryLookup() throws Exception {
        // the same on the pages of both indexes (entries, divider keys, cell pointers, child pointers): the rows
        // whose key a descent of the index routes through a damaged page are looked up besides the differing
        // buckets, and the entries are narrowed as in an intact index (their lookups descend the table)
        int narrowed = pagesChangedAtRandom(false, 10, 2);
        assertThat(narrowed).isGreaterThan(RANDOM_PAGE_CHANGES / 3);
    }

    @Test
    void withoutRowidPagesChangedAtRandomGiveTheSameFindingsAsEveryLookup() throws Exception {
        // the same on a WITHOUT ROWID table and its index, both index b-trees: damage in the table puts every entry
        // in doubt (about half the changes land there), damage in the index only the rows keyed where it lies (an
        // interior page left with no cells among it: the lookups do not go through it). 11 of the 60 files are
        // narrowed tenfold
        int narrowed = pagesChangedAtRandom(true, 10, 2);
        assertThat(narrowed).isGreaterThan(RANDOM_PAGE_CHANGES / 10);
    }

    /**
     * Changes 1-2 bytes at a time on pages of the given leaf and interior types of a file with a stale index (512-byte
     * pages: every tree has three levels, so interior pages below the root have ranges of their own), and checks that
     * the narrowed pass names what looking up everything names. The file holds t(id, a, b) with two indexes, or the
     * WITHOUT ROWID table w(k, v) with one. Returns the files where it looked up less than a tenth as much.
     */
    private int pagesChangedAtRandom(boolean withoutRowid, int leafType, int interiorType) throws Exception {
        Path base = dir.resolve("base-" + withoutRowid + leafType + ".db");
        IndexFixtures.build(base, "PRAGMA page_size = 512", "VACUUM");
        if (withoutRowid) {
            withoutRowidRows(base);
        } else {
            rows(base, "CREATE INDEX ta ON t(a)", "CREATE INDEX tba ON t(b, a)");
            IndexFixtures.staleIndex(base, "ta", "UPDATE t SET a = 'changed' WHERE id = 17");
        }
        byte[] image = Files.readAllBytes(base);
        int pageSize = pageSize(image);
        List<Integer> leaves = new ArrayList<>();
        List<Integer> interior = new ArrayList<>();
        for (int page = 1; page < image.length / pageSize; page++) {
            int type = image[page * pageSize];
            if (type == leafType) {
                leaves.add(page);
            } else if (type == interiorType) {
                interior.add(page);
            }
        }
        assertThat(pageSize).isEqualTo(512);
        assertThat(interior.size()).as("interior pages").isGreaterThan(5);
        int narrowed = 0;
        for (int seed = 0; seed < RANDOM_PAGE_CHANGES; seed++) {
            Random r = new Random(seed);
            byte[] b = image.clone();
            for (int k = 1 + r.nextInt(2); k > 0; k--) {
                List<Integer> pages = r.nextInt(3) == 0 ? interior : leaves;
                int start = pages.get(r.nextInt(pages.size())) * pageSize;
                int cells = ((b[start + 3] & 0xff) << 8) | (b[start + 4] & 0xff);
                int header = b[start] == interiorType ? 12 : 8;
                int at = switch (r.nextInt(3)) {
                    // the header or the cell pointer array
                    case 0 -> start + r.nextInt(header + 2 * Math.max(1, cells));
                    // the start of a cell: its left child or payload size, then its rowid or record header
                    case 1 -> {
                        int i = r.nextInt(Math.max(1, cells));
                        int cell = ((b[start + header + 2 * i] & 0xff) << 8) | (b[start + header + 2 * i + 1] & 0xff);
                        yield start + Math.min(pageSize - 1, cell + r.nextInt(6));
                    }
                    default -> start + r.nextInt(pageSize);
                };
                b[at] = (byte) (r.nextBoolean() ? r.nextInt(256) : b[at] ^ (1 << r.nextInt(8)));
            }
            Path db = dir.resolve("p" + seed + ".db");
            Files.write(db, b);
            long everyBefore = everyLookups.sum();
            long narrowBefore = narrowLookups.sum();
            CheckReport expected = every.check(db, OpenOptions.defaults());
            assertThat(narrow.check(db, OpenOptions.defaults()).findings()).as("seed " + seed)
                    .isEqualTo(expected.findings());
            othersAgree(db, "seed " + seed, expected);
            if (narrowLookups.sum() - narrowBefore < (everyLookups.sum() - everyBefore) / 10) {
                narrowed++;
            }
            Files.delete(db);
        }
        return narrowed;
    }

    @Test
    void staleIndexOfWithoutRowidTableIsNamedWithAFewLookups() throws Exception {
        Path db = withoutRowidRows(dir.resolve("wr.db"));

        CheckReport expected = every.check(db, OpenOptions.defaults());
        assertThat(narrow.check(db, OpenOptions.defaults()).findings()).isEqualTo(expected.findings());
        othersAgree(db, "WITHOUT ROWID", expected);
        assertThat(expected.findings()).extracting(f -> f.code()).contains(FindingCode.INDEX_ENTRY_MISSING);
        assertThat(everyLookups.sum()).isEqualTo(40_000);
        // two rows changed: each row without its entry, and each entry without its row
        assertThat(narrowLookups.sum()).isEqualTo(4);
    }

    @Test
    void keysChangedAtRandomOnIndexPagesGiveTheSameFindingsAsEveryLookup() throws Exception {
        // letters of index keys changed in place, leaf and interior pages alike: mostly keys out of order with sound
        // records, the case where only the rows near the breaks are looked up
        Path base = rows(dir.resolve("base.db"), "CREATE INDEX ta ON t(a)", "CREATE INDEX tba ON t(b, a)");
        byte[] image = Files.readAllBytes(base);
        int pageSize = pageSize(image);
        List<Integer> indexPages = new ArrayList<>();
        for (int page = 1; page < image.length / pageSize; page++) {
            int type = image[page * pageSize];
            if (type == 10 || type == 2) {
                indexPages.add(page);
            }
        }
        int disordered = 0;
        for (int seed = 0; seed < RANDOM_KEY_CHANGES; seed++) {
            Random r = new Random(seed);
            byte[] b = image.clone();
            for (int k = 1 + r.nextInt(3); k > 0; k--) {
                int start = indexPages.get(r.nextInt(indexPages.size())) * pageSize;
                int content = ((b[start + 5] & 0xff) << 8) | (b[start + 6] & 0xff);
                // a letter or digit of a key ("name N"), turned into another
                for (int tries = 0; tries < 64; tries++) {
                    int at = start + content + r.nextInt(pageSize - content);
                    if (Character.isLetterOrDigit(b[at])) {
                        b[at] = (byte) "0123456789abcmnoxyzAZ".charAt(r.nextInt(21));
                        break;
                    }
                }
            }
            Path db = dir.resolve("k" + seed + ".db");
            Files.write(db, b);
            long before = everyLookups.sum();
            CheckReport expected = every.check(db, OpenOptions.defaults());
            assertThat(narrow.check(db, OpenOptions.defaults()).findings()).as("seed " + seed)
                    .isEqualTo(expected.findings());
            if (everyLookups.sum() > before) {
                othersAgree(db, "seed " + seed, expected);
            }
            if (expected.findings().stream().anyMatch(f -> f.code() == FindingCode.INDEX_KEY_ORDER
                    || f.code() == FindingCode.DIVIDER_KEY)) {
                disordered++;
            }
            Files.delete(db);
        }
        assertThat(disordered).as("files with keys out of order").isGreaterThan(RANDOM_KEY_CHANGES / 3);
        assertThat(narrowLookups.sum()).isLessThan(everyLookups.sum() / 2);
    }

    /** 20,000 rows of the WITHOUT ROWID table w(k, v) at {@code db}, with an index wv on v left stale for two rows. */
    private static Path withoutRowidRows(Path db) throws Exception {
        IndexFixtures.build(db, "CREATE TABLE w(k TEXT PRIMARY KEY, v INT) WITHOUT ROWID",
                "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 20000)"
                        + " INSERT INTO w SELECT 'key ' || (i * 7919 % 20011), i FROM s",
                "CREATE INDEX wv ON w(v)");
        IndexFixtures.staleIndex(db, "wv", "UPDATE w SET v = -v WHERE v IN (5, 6000)");
        return db;
    }

    /** 20,000 rows of t(id, a, b) in a new database at {@code db}, with the given indexes. */
    private static Path rows(Path db, String... indexes) throws Exception {
        return rows(db, 4096, indexes);
    }

    /** {@link #rows(Path, String...)} in pages of {@code pageSize} bytes. */
    private static Path rows(Path db, int pageSize, String... indexes) throws Exception {
        IndexFixtures.build(db, "PRAGMA page_size = " + pageSize,
                "CREATE TABLE t(id INTEGER PRIMARY KEY, a TEXT, b INT)",
                "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 20000)"
                        + " INSERT INTO t SELECT i, 'name ' || (i * 7919 % 20011), i % 97 FROM s");
        IndexFixtures.build(db, indexes);
        return db;
    }

    /** The first index page of the given type (10 leaf, 2 interior) whose bytes hold {@code text}. */
    private static long indexPageHolding(Path db, int type, String text) throws Exception {
        byte[] file = Files.readAllBytes(db);
        int pageSize = pageSize(file);
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        for (int page = 1; page < file.length / pageSize; page++) {
            int start = page * pageSize;
            if (file[start] == type && indexOf(file, start, start + pageSize, needle) >= 0) {
                return page + 1;
            }
        }
        throw new AssertionError(text + " is on no index page of type " + type);
    }

    /** The text key of the first cell of an index interior page over (a TEXT, rowid), read from its record. */
    private static String dividerKey(Path db, long page) throws Exception {
        return dividerKey(db, page, 0);
    }

    /** The text key of cell {@code i} of an index interior page over (a TEXT, rowid), read from its record. */
    private static String dividerKey(Path db, long page, int i) throws Exception {
        byte[] file = Files.readAllBytes(db);
        int pageSize = pageSize(file);
        int start = (int) (page - 1) * pageSize;
        int at = start + 12 + 2 * i;
        int cell = start + (((file[at] & 0xff) << 8) | (file[at + 1] & 0xff));
        // left child (4 bytes), payload size, then the record: header size 3, a's serial type, the rowid's
        assertThat(file[cell + 5]).isEqualTo((byte) 3);
        int length = ((file[cell + 6] & 0xff) - 13) / 2;
        String key = new String(file, cell + 8, length, StandardCharsets.UTF_8);
        // the key is a row's value of a, held by SQLite
        assertThat(count(db, "SELECT count(*) FROM t WHERE a = '" + key + "'")).as(key).isEqualTo(1);
        return key;
    }

    private static long count(Path db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.getLong(1);
        }
    }

    private static int indexOf(byte[] b, int from, int to, byte[] needle) {
        for (int i = from; i + needle.length <= to; i++) {
            if (Arrays.equals(b, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void samplesCatalogueAndMutantsGiveTheSameFindings() throws Exception {
        int withFindings = 0;
        for (Sample s : Sample.values()) {
            same(Samples.copyTo(s, dir.resolve(s.name())), s.name());
        }
        for (Corruption c : Corruptions.all()) {
            withFindings += same(c.apply(dir.resolve(c.name())), c.name());
        }
        withFindings += Mutant.eachAsFile(FIRST_SEED, MUTANTS, dir, this::same);
        assertThat(withFindings).isGreaterThan(200);
        // the exact pass ran on some of these files, and the buckets spared it lookups there
        assertThat(everyLookups.sum()).isGreaterThan(narrowLookups.sum());
    }

    private int same(Path db, String what) throws Exception {
        long before = everyLookups.sum();
        CheckReport expected = every.check(db, OpenOptions.defaults());
        assertThat(narrow.check(db, OpenOptions.defaults()).findings()).as(what).isEqualTo(expected.findings());
        if (everyLookups.sum() > before) {
            // the exact pass ran: held or not, it must name the same (without it the checks are the same)
            othersAgree(db, what, expected);
        }
        return expected.findings().isEmpty() ? 0 : 1;
    }
}
