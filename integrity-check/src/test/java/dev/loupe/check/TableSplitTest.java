package dev.loupe.check;

import dev.loupe.format.Database;
import dev.loupe.format.OpenOptions;
import dev.loupe.format.schema.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rowid table's walk split across threads ({@link TableSplit}) gives the report one walk of the whole table gives:
 * on an intact table, over damage and findings inside the parts (merged in part order, scan positions shifted), and
 * where rows out of order between two parts or a page reached by two parts make it give way to a walk of the whole
 * table. Each file is also held to SQLite (sqlite-jdbc): what it flags, Loupe flags. Tables of three
 * levels on 512-byte pages, built by SQLite.
 */
class TableSplitTest {

    private static final int PAGE = 512;

    @TempDir
    Path tmp;

    private final Checker one = Checker.standard(CheckOptions.defaults().withThreads(1));
    private final Checker three = Checker.standard(CheckOptions.defaults().withThreads(3));

    /** A table with NOT NULL and CHECK constraints and an index, 20,000 rows with gaps between their rowids. */
    private Path table(String name, String... extra) throws Exception {
        Path file = tmp.resolve(name);
        List<String> sql = new ArrayList<>(List.of("PRAGMA page_size=" + PAGE,
                "CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT NOT NULL, n INTEGER CHECK (n >= 0), note TEXT)",
                "CREATE INDEX t_name ON t(name)",
                "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 20000)"
                        + " INSERT INTO t SELECT i * 3, printf('n%06d', (i * 7919) % 20000), i % 1000,"
                        + " CASE WHEN i % 5 = 0 THEN NULL ELSE printf('%x', i * 2654435761 % 4294967296) END FROM c"));
        sql.addAll(List.of(extra));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
        return file;
    }

    @Test
    void anIntactTableIsWalkedInPartsAndReportedAsByOneWalk() throws Exception {
        Path file = table("intact.db");
        try (Database db = Database.open(file)) {
            Table t = db.schemaSnapshot().schema().table("t").orElseThrow();
            TableSplit split = TableSplit.of(db, t, List.of(), 3);
            assertThat(split).isNotNull();
            assertThat(split.parts()).hasSize(48);
            assertThat(TableSplit.of(db, t, List.of(), 1)).as("one thread").isNull();
        }
        long held = TableSplit.HELD.get();
        CheckReport whole = one.check(file, OpenOptions.defaults());
        CheckReport split = three.check(file, OpenOptions.defaults());
        assertThat(TableSplit.HELD.get()).isEqualTo(held + 1);
        assertThat(split.verdict()).isEqualTo(Verdict.OK);
        assertThat(split.findings()).isEqualTo(whole.findings());
        assertThat(split.stats().rows()).isEqualTo(whole.stats().rows()).isEqualTo(20_000);
        assertThat(split.stats().indexEntries()).isEqualTo(20_000);
        assertThat(sqlite(file)).containsExactly("ok");
    }

    @Test
    void aSmallTableIsWalkedWhole() throws Exception {
        Path file = tmp.resolve("small.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA page_size=" + PAGE);
            s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT)");
            s.execute("WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 300)"
                    + " INSERT INTO t SELECT i, printf('row %d', i) FROM c");
        }
        try (Database db = Database.open(file)) {
            Table t = db.schemaSnapshot().schema().table("t").orElseThrow();
            assertThat(TableSplit.of(db, t, List.of(), 4)).as("two levels").isNull();
        }
    }

    @Test
    void randomDamageGivesTheReportOfOneWalk() throws Exception {
        byte[] intact = Files.readAllBytes(table("base.db"));
        Random rnd = new Random(1313);
        long held = TableSplit.HELD.get();
        long again = TableSplit.WALKED_AGAIN.get();
        int flaggedBySqlite = 0;
        int heldOverDamage = 0;
        for (int k = 0; k < 150; k++) {
            StringBuilder what = new StringBuilder("mutant " + k + ":");
            byte[] b = changedAtRandom(intact, rnd, 4, 6, 40, what);
            Path file = tmp.resolve("m.db");
            Files.write(file, b);
            CheckReport whole = one.check(file, OpenOptions.defaults());
            long heldBefore = TableSplit.HELD.get();
            CheckReport split = three.check(file, OpenOptions.defaults());
            assertThat(split.findings()).as(what.toString()).isEqualTo(whole.findings());
            assertThat(split.verdict()).as(what.toString()).isEqualTo(whole.verdict());
            if (TableSplit.HELD.get() > heldBefore && whole.findings().stream().anyMatch(f -> "t".equals(f.object())
                    && f.path() != null && !f.path().isEmpty())) {
                heldOverDamage++;
            }
            if (!sqlite(file).equals(List.of("ok"))) {
                flaggedBySqlite++;
                assertThat(split.verdict()).as(what.toString()).isNotEqualTo(Verdict.OK);
            }
        }
        System.out.printf("flagged by SQLite %d, split held %d (over damage in t's tree %d), walked again %d%n",
                flaggedBySqlite, TableSplit.HELD.get() - held, heldOverDamage, TableSplit.WALKED_AGAIN.get() - again);
        assertThat(flaggedBySqlite).isGreaterThan(20);
        // the split holds over damage in the table's tree too: the parts' findings and routes are merged
        assertThat(heldOverDamage).isGreaterThan(10);
        assertThat(TableSplit.HELD.get() - held).isGreaterThan(50);
    }

    @Test
    void subtreesSwappedBelowTheRootAreReportedAsByOneWalk() throws Exception {
        // the rows fall out of order inside the parts: their findings and routes are merged, the split holds
        Path file = table("swapped.db");
        long root = rootOf(file);
        byte[] b = Files.readAllBytes(file);
        // the left children of the root's first two cells swapped: each subtree is in order, the table is not
        int c0 = cellPointer(b, root, 0);
        int c1 = cellPointer(b, root, 1);
        int at0 = (int) ((root - 1) * PAGE) + c0;
        int at1 = (int) ((root - 1) * PAGE) + c1;
        int left0 = ByteBuffer.wrap(b, at0, 4).getInt();
        int left1 = ByteBuffer.wrap(b, at1, 4).getInt();
        ByteBuffer.wrap(b, at0, 4).putInt(left1);
        ByteBuffer.wrap(b, at1, 4).putInt(left0);
        Files.write(file, b);
        assertSameAsOneWalk(file, false);
    }

    @Test
    void aLeafReachedFromTwoPartsIsReportedAsByOneWalk() throws Exception {
        Path file = table("twice.db");
        long root = rootOf(file);
        byte[] b = Files.readAllBytes(file);
        // the last child of the root's first child, a leaf, also made the first child of the root's last child: two
        // parts far apart reach it
        long first = ByteBuffer.wrap(b, (int) ((root - 1) * PAGE) + cellPointer(b, root, 0), 4).getInt();
        long last = ByteBuffer.wrap(b, (int) ((root - 1) * PAGE) + 8, 4).getInt();
        int leaf = ByteBuffer.wrap(b, (int) ((first - 1) * PAGE) + 8, 4).getInt();
        ByteBuffer.wrap(b, (int) ((last - 1) * PAGE) + cellPointer(b, last, 0), 4).putInt(leaf);
        Files.write(file, b);
        assertSameAsOneWalk(file, true);
    }

    @Test
    void theDamageTheSplitWalkLeavesIsThatOfOneWalk() throws Exception {
        // where the damage can mislead a descent by rowid (DamagedRowids, which the exact pass trusts to leave rows
        // unlooked-up) from the parts' routes merged, against one walk's: damage on the table's pages below the top
        Path base = table("routes.db");
        byte[] intact = Files.readAllBytes(base);
        Random rnd = new Random(4242);
        int narrow = 0;
        int damaged = 0;
        for (int k = 0; k < 200; k++) {
            StringBuilder what = new StringBuilder("mutant " + k + ":");
            byte[] b = changedAtRandom(intact, rnd, 3, 7, 24, what);
            Path file = tmp.resolve("r.db");
            Files.write(file, b);
            try (Database db = Database.open(file)) {
                Table t = db.schemaSnapshot().schema().table("t").orElseThrow();
                Recorder whole = new Recorder();
                FindingSink wholeSink = new FindingSink(1000);
                new DeepWalk(db, wholeSink, n -> { }, true, null).table(t, List.of(whole));
                Recorder parts = new Recorder();
                TableSplit split = TableSplit.of(db, t, List.of(parts), 3);
                if (split == null) {
                    continue; // the top levels were hit
                }
                PassProgress progress = new PassProgress(dev.loupe.format.Progress.NONE, 0);
                List<TableSplit.Walked> walked = new ArrayList<>();
                for (int p = 0; p < split.parts().size(); p++) {
                    walked.add(split.walk(p, db, List.of(parts), progress, true, null, 1000));
                }
                FindingSink splitSink = new FindingSink(1000);
                split.finish(walked, db, List.of(parts), splitSink, progress, true, null);
                assertThat(parts.where).as(what.toString()).isEqualTo(whole.where);
                assertThat(parts.rows).as(what.toString()).isEqualTo(whole.rows);
                assertThat(splitSink.findings()).as(what.toString()).isEqualTo(wholeSink.findings());
                if (!whole.where.equals("none")) {
                    damaged++;
                    narrow += whole.where.startsWith("rowids ") ? 1 : 0;
                }
            }
        }
        assertThat(damaged).isGreaterThan(50);
        assertThat(narrow).isGreaterThan(30);
    }

    /** Records what a table's walk tells its checks: the rows seen and the damaged rowids ("none" if not called). */
    private static final class Recorder implements RowCheck {
        String where = "none";
        long rows;

        @Override
        public void row(TableRow row, FindingSink sink) {
            rows++;
        }

        @Override
        public void treeDamaged(DamagedRowids where) {
            this.where = where.toString();
        }

        @Override
        public RowCheck forPart() {
            return new Recorder();
        }

        @Override
        public void merge(RowCheck part, long rowsBefore) {
            rows += ((Recorder) part).rows;
        }
    }

    @Test
    void rowidsThatFallAtTheEndsOfTwoPartsAreReportedAsByOneWalk() throws Exception {
        // the last subtree of one part and the first of the next swapped: within each part the rowids rise, from
        // the one into the other they do not
        Path file = table("ends.db");
        TableSplit.Part[] parts = partsOf(file, 10, 11);
        byte[] b = Files.readAllBytes(file);
        int end = at(last(parts[0]).from());
        int start = at(parts[1].subtrees().get(0).from());
        byte[] pointer = java.util.Arrays.copyOfRange(b, end, end + 4);
        System.arraycopy(b, start, b, end, 4);
        System.arraycopy(pointer, 0, b, start, 4);
        Files.write(file, b);
        assertSameAsOneWalk(file, true);
    }

    @Test
    void anEmptyLeafReachedFromTwoPartsIsReportedAsByOneWalk() throws Exception {
        // the last leaf of one part emptied and made the first leaf of the next part too: no rowid repeats, but the
        // walk of the whole table meets a page twice
        Path file = table("empty.db");
        TableSplit.Part[] parts = partsOf(file, 20, 21);
        byte[] b = Files.readAllBytes(file);
        long leaf = last(parts[0]).page();
        int header = (int) ((leaf - 1) * PAGE);
        assertThat(b[header]).as("a table leaf").isEqualTo((byte) 13);
        b[header + 3] = 0;
        b[header + 4] = 0;
        ByteBuffer.wrap(b, at(parts[1].subtrees().get(0).from()), 4).putInt((int) leaf);
        Files.write(file, b);
        assertSameAsOneWalk(file, true);
    }

    /** Parts {@code k} of the split of table t for three threads. */
    private static TableSplit.Part[] partsOf(Path file, int... k) throws Exception {
        try (Database db = Database.open(file)) {
            Table t = db.schemaSnapshot().schema().table("t").orElseThrow();
            List<TableSplit.Part> parts = TableSplit.of(db, t, List.of(), 3).parts();
            TableSplit.Part[] out = new TableSplit.Part[k.length];
            for (int i = 0; i < k.length; i++) {
                out[i] = parts.get(k[i]);
            }
            return out;
        }
    }

    private static SplitTop.Subtree last(TableSplit.Part p) {
        return p.subtrees().get(p.subtrees().size() - 1);
    }

    /** Where in the file a span of a page starts. */
    private static int at(dev.loupe.format.Span s) {
        return (int) ((s.page() - 1) * PAGE + s.offset());
    }

    @Test
    void findingsThatNameScanPositionsAreThoseOfOneWalk() throws Exception {
        // NULLs in a column made NOT NULL afterwards, and a CHECK that Loupe cannot evaluate (printf of a real,
        // which SQLite versions round differently), whose "not checked" finding names the first row's scan position
        Path file = table("values.db", "PRAGMA ignore_check_constraints=ON", "UPDATE t SET n = -1 WHERE id % 997 = 0",
                "UPDATE t SET note = 'x' WHERE note IS NULL AND id % 1000 != 0",
                "PRAGMA writable_schema=ON",
                "UPDATE sqlite_schema SET sql = 'CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                        + " n INTEGER CHECK (n >= 0),"
                        + " note TEXT NOT NULL CHECK (printf(''%.1f'', length(note)) <> '''' OR note IS NULL))' WHERE name = 't'",
                "PRAGMA writable_schema=OFF");
        CheckReport whole = assertSameAsOneWalk(file, false);
        assertThat(whole.findings()).extracting(Finding::code).contains(FindingCode.NOT_NULL_VIOLATED,
                FindingCode.NOT_CHECKED);
        assertThat(whole.findings()).extracting(Finding::message).anyMatch(m -> m.contains("scan position"));
    }

    @Test
    void aCheckNotEvaluatedNamesTheScanPositionOfOneWalk() throws Exception {
        // no row breaks a rule, but Loupe cannot evaluate a CHECK (from the 500th row of the scan on) nor compute a
        // generated column (from the 700th): their findings name the first such row's position in the whole scan,
        // which the parts after the first count from their own start
        Path file = table("unevaluated.db", "PRAGMA writable_schema=ON",
                "UPDATE sqlite_schema SET sql = 'CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                        + " n INTEGER CHECK (n >= 0), note TEXT CHECK (n < 500 OR printf(''%.1f'', n) <> ''''),"
                        + " g TEXT GENERATED ALWAYS AS (CASE WHEN n < 700 THEN ''x'' ELSE printf(''%.1f'', n) END)"
                        + " VIRTUAL NOT NULL)' WHERE name = 't'",
                "PRAGMA writable_schema=OFF");
        assertThat(sqlite(file)).containsExactly("ok");
        long held = TableSplit.HELD.get();
        CheckReport whole = one.check(file, OpenOptions.defaults());
        CheckReport split = three.check(file, OpenOptions.defaults());
        assertThat(TableSplit.HELD.get()).isEqualTo(held + 1);
        assertThat(split.findings()).isEqualTo(whole.findings());
        assertThat(whole.findings()).extracting(Finding::code).containsOnly(FindingCode.NOT_CHECKED);
        assertThat(whole.findings()).extracting(Finding::message).anyMatch(m -> m.contains("t.g could not be computed"
                + " in 6000 row(s) (first at scan position 700)")).anyMatch(m -> m.contains("could not be evaluated in"
                + " 10000 row(s) (first at scan position 500)"));
    }

    /**
     * An index whose key Loupe cannot compute for every 500th row (a float printf): the parts hold those rows by
     * rowid, and the merged walk finds and names them as one walk does, intact and with the index made stale (a
     * row of each kind inserted and deleted behind it).
     */
    @Test
    void rowsWithAnUncomputableKeyAreHeldAcrossPartsAsByOneWalk() throws Exception {
        String index = "CREATE INDEX t_mixed ON t(CASE WHEN n % 500 = 0 THEN printf('%.1f', n) ELSE name END)";
        Path file = table("uncertain.db", index);
        long held = TableSplit.HELD.get();
        CheckReport whole = one.check(file, OpenOptions.defaults());
        CheckReport split = three.check(file, OpenOptions.defaults());
        assertThat(TableSplit.HELD.get()).isEqualTo(held + 1);
        assertThat(split.findings()).isEqualTo(whole.findings());
        assertThat(whole.findings()).singleElement().satisfies(f -> assertThat(f.message())
                .contains("the key of 40 rows of t could not be computed"));
        // the index hidden from SQLite while rows of both kinds are deleted and inserted, then put back (each step
        // on a connection of its own, which reads the schema as the step before left it)
        Path stale = table("uncertain-stale.db", index);
        long root;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + stale); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT rootpage FROM sqlite_schema WHERE name = 't_mixed'")) {
            rs.next();
            root = rs.getLong(1);
        }
        String[][] steps = {{"PRAGMA writable_schema=ON", "DELETE FROM sqlite_schema WHERE name = 't_mixed'"},
                {"DELETE FROM t WHERE id IN (1500, 3003, 45000)",
                        "INSERT INTO t VALUES (60001, 'new', 500, NULL), (60004, 'newer', 7, NULL)"},
                {"PRAGMA writable_schema=ON", "INSERT INTO sqlite_schema VALUES ('index', 't_mixed', 't', " + root
                        + ", '" + index.replace("'", "''") + "')"}};
        for (String[] step : steps) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + stale);
                 Statement s = c.createStatement()) {
                for (String sql : step) {
                    s.execute(sql);
                }
            }
        }
        CheckReport damaged = assertSameAsOneWalk(stale, false);
        assertThat(damaged.findings()).extracting(Finding::code).contains(FindingCode.INDEX_ENTRY_MISSING,
                FindingCode.INDEX_ENTRY_EXTRA, FindingCode.NOT_CHECKED);
    }

    @Test
    void aFindingInEveryRowHasTheTableWalkedWhole() throws Exception {
        // 20,000 NOT NULL violations: past the report's 1,000 the parts stop keeping theirs, the whole walk keeps
        // the first 1,000 and counts the rest
        Path file = table("every.db", "UPDATE t SET note = NULL", "PRAGMA writable_schema=ON",
                "UPDATE sqlite_schema SET sql = 'CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                        + " n INTEGER CHECK (n >= 0), note TEXT NOT NULL)' WHERE name = 't'",
                "PRAGMA writable_schema=OFF");
        CheckReport whole = assertSameAsOneWalk(file, true);
        assertThat(whole.dropped()).isEqualTo(19_000);
    }

    @Test
    void theSmallestRowidMayComeFirst() throws Exception {
        Path file = table("smallest.db", "INSERT INTO t VALUES (-9223372036854775808, 'first', 1, NULL)");
        assertThat(sqlite(file)).containsExactly("ok");
        CheckReport whole = one.check(file, OpenOptions.defaults());
        assertThat(whole.verdict()).isEqualTo(Verdict.OK);
        assertThat(three.check(file, OpenOptions.defaults()).findings()).isEqualTo(whole.findings());
    }

    /**
     * Checks {@code file} with one thread and with three: the same report, the split given up for a walk of the whole
     * table or held as {@code givenUp} says, SQLite's flag kept.
     */
    private CheckReport assertSameAsOneWalk(Path file, boolean givenUp) throws Exception {
        long again = TableSplit.WALKED_AGAIN.get();
        long held = TableSplit.HELD.get();
        CheckReport whole = one.check(file, OpenOptions.defaults());
        CheckReport split = three.check(file, OpenOptions.defaults());
        assertThat(TableSplit.WALKED_AGAIN.get()).as("the split given up").isEqualTo(again + (givenUp ? 1 : 0));
        assertThat(TableSplit.HELD.get()).as("the split held").isEqualTo(held + (givenUp ? 0 : 1));
        assertThat(split.findings()).isEqualTo(whole.findings());
        assertThat(split.verdict()).isEqualTo(whole.verdict()).isNotEqualTo(Verdict.OK);
        assertThat(sqlite(file)).isNotEqualTo(List.of("ok"));
        return whole;
    }

    /**
     * A copy of {@code intact} with 1 to {@code most} random bytes changed on pages after the first, {@code nearStart}
     * in ten of them among a page's first {@code firstBytes} bytes (its header and cell pointers); {@code what} is told
     * where.
     */
    private static byte[] changedAtRandom(byte[] intact, Random rnd, int most, int nearStart, int firstBytes,
                                          StringBuilder what) {
        byte[] b = intact.clone();
        int changes = 1 + rnd.nextInt(most);
        for (int j = 0; j < changes; j++) {
            int page = 2 + rnd.nextInt(b.length / PAGE - 1);
            int off = rnd.nextInt(10) < nearStart ? rnd.nextInt(firstBytes) : rnd.nextInt(PAGE);
            b[(page - 1) * PAGE + off] = (byte) rnd.nextInt(256);
            what.append(" page ").append(page).append(" +").append(off);
        }
        return b;
    }

    private static long rootOf(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT rootpage FROM sqlite_schema WHERE name = 't'")) {
            return rs.getLong(1);
        }
    }

    private static int cellPointer(byte[] b, long page, int i) {
        return SplitFixtures.cellPointer(b, PAGE, page, i);
    }

    private List<String> sqlite(Path file) throws Exception {
        return SplitFixtures.sqlite(file, tmp);
    }
}
