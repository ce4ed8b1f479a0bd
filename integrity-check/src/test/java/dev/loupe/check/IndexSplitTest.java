package dev.loupe.check;

import dev.loupe.format.Database;
import dev.loupe.format.OpenOptions;
import dev.loupe.format.schema.Index;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
 * An index's walk split across threads ({@link IndexSplit}) gives the report one walk of the whole index gives: on an
 * intact index (where the split holds), on random damage, and where a key falls out of order or repeats in a UNIQUE
 * index exactly between two parts (which only the join sees). Each file is also held to SQLite (sqlite-jdbc): what
 * it flags, Loupe flags. Indexes of three levels on 512-byte pages, built by SQLite.
 */
class IndexSplitTest {

    private static final int PAGE = 512;

    @TempDir
    Path tmp;

    private final Checker one = Checker.standard(CheckOptions.defaults().withThreads(1));
    private final Checker three = Checker.standard(CheckOptions.defaults().withThreads(3));

    /** 20,000 rows whose names rise with their rowids, a UNIQUE index on the name and an index on (n, name). */
    private Path build(String name) throws Exception {
        Path file = tmp.resolve(name);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA page_size=" + PAGE);
            s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT NOT NULL, n INTEGER)");
            s.execute("CREATE UNIQUE INDEX t_name ON t(name)");
            s.execute("CREATE INDEX t_n ON t(n, name)");
            s.execute("WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 20000)"
                    + " INSERT INTO t SELECT i, printf('n%06d', i), (i * 7919) % 20000 FROM c");
        }
        return file;
    }

    @Test
    void anIntactIndexIsWalkedInPartsAndReportedAsByOneWalk() throws Exception {
        Path file = build("intact.db");
        try (Database db = Database.open(file)) {
            for (String name : List.of("t_name", "t_n")) {
                IndexSplit split = IndexSplit.of(db, index(db, name), List.of(), 3);
                assertThat(split).as(name).isNotNull();
                assertThat(split.parts()).as(name).hasSizeGreaterThan(10);
            }
        }
        long held = IndexSplit.HELD.get();
        CheckReport whole = one.check(file, OpenOptions.defaults());
        CheckReport split = three.check(file, OpenOptions.defaults());
        assertThat(IndexSplit.HELD.get()).isEqualTo(held + 2);
        assertThat(split.verdict()).isEqualTo(Verdict.OK);
        assertThat(split.findings()).isEqualTo(whole.findings());
        assertThat(split.stats().indexEntries()).isEqualTo(whole.stats().indexEntries()).isEqualTo(40_000);
        assertThat(sqlite(file)).containsExactly("ok");
    }

    @Test
    void randomDamageGivesTheReportOfOneWalk() throws Exception {
        byte[] intact = Files.readAllBytes(build("base.db"));
        Random rnd = new Random(2626);
        long held = IndexSplit.HELD.get();
        long again = IndexSplit.WALKED_AGAIN.get();
        int flaggedBySqlite = 0;
        for (int k = 0; k < 150; k++) {
            byte[] b = intact.clone();
            StringBuilder what = new StringBuilder("mutant " + k + ":");
            int changes = 1 + rnd.nextInt(4);
            for (int j = 0; j < changes; j++) {
                int page = 2 + rnd.nextInt(b.length / PAGE - 1);
                int off = rnd.nextInt(10) < 6 ? rnd.nextInt(40) : rnd.nextInt(PAGE);
                b[(page - 1) * PAGE + off] = (byte) rnd.nextInt(256);
                what.append(" page ").append(page).append(" +").append(off);
            }
            Path file = tmp.resolve("m.db");
            Files.write(file, b);
            CheckReport whole = one.check(file, OpenOptions.defaults());
            CheckReport split = three.check(file, OpenOptions.defaults());
            assertThat(split.findings()).as(what.toString()).isEqualTo(whole.findings());
            assertThat(split.verdict()).as(what.toString()).isEqualTo(whole.verdict());
            if (!sqlite(file).equals(List.of("ok"))) {
                flaggedBySqlite++;
                assertThat(split.verdict()).as(what.toString()).isNotEqualTo(Verdict.OK);
            }
        }
        System.out.printf("flagged by SQLite %d, index splits held %d, walked again %d%n", flaggedBySqlite,
                IndexSplit.HELD.get() - held, IndexSplit.WALKED_AGAIN.get() - again);
        assertThat(flaggedBySqlite).isGreaterThan(20);
        // both ways out were taken: damage in an index walks it whole again, damage elsewhere leaves its split
        assertThat(IndexSplit.HELD.get() - held).isGreaterThan(50);
        assertThat(IndexSplit.WALKED_AGAIN.get() - again).isGreaterThan(20);
    }

    @Test
    void aKeyOutOfOrderBetweenTwoPartsIsReportedAsByOneWalk() throws Exception {
        // the first key of a part made smaller than the divider before it: in order inside the part, not after it
        Path file = build("order.db");
        patchFirstKeyAfterPart(file, 10, -1);
        assertSameAsOneWalk(file);
    }

    @Test
    void aKeyRepeatedBetweenTwoPartsOfAUniqueIndexIsReportedAsByOneWalk() throws Exception {
        // the first key of a part made equal to the divider's before it: (name, rowid) still rises, the name repeats
        Path file = build("unique.db");
        patchFirstKeyAfterPart(file, 20, 0);
        CheckReport whole = assertSameAsOneWalk(file);
        assertThat(whole.findings()).extracting(Finding::code).contains(FindingCode.INDEX_NOT_UNIQUE);
    }

    /**
     * Gives the first entry of part {@code k + 1} of t_name's split the name of the divider that ends part {@code k},
     * plus {@code delta} on its number.
     */
    private static void patchFirstKeyAfterPart(Path file, int k, int delta) throws Exception {
        long dividerPage;
        int dividerCell;
        long subtree;
        try (Database db = Database.open(file)) {
            List<IndexSplit.Part> parts = IndexSplit.of(db, index(db, "t_name"), List.of(), 3).parts();
            List<SplitTop.Unit> units = parts.get(k).units();
            SplitTop.Divider d = units.get(units.size() - 1).divider();
            dividerPage = d.page();
            dividerCell = d.cell();
            subtree = parts.get(k + 1).units().get(0).subtree().page();
        }
        byte[] b = Files.readAllBytes(file);
        int divider = nameAt(b, dividerPage, cellPointer(b, dividerPage, dividerCell));
        long leaf = subtree;
        while (b[(int) ((leaf - 1) * PAGE)] == 2) {
            leaf = ByteBuffer.wrap(b, (int) ((leaf - 1) * PAGE) + cellPointer(b, leaf, 0), 4).getInt();
        }
        int first = nameAt(b, leaf, cellPointer(b, leaf, 0));
        int number = Integer.parseInt(new String(b, divider + 1, 6, StandardCharsets.US_ASCII)) + delta;
        byte[] name = String.format("n%06d", number).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, b, first, name.length);
        Files.write(file, b);
    }

    /** Where the name ("n" and six digits) of the cell at {@code pointer} on page {@code page} starts in the file. */
    private static int nameAt(byte[] b, long page, int pointer) {
        int at = (int) ((page - 1) * PAGE) + pointer;
        for (int i = at; i < at + 16; i++) {
            if (b[i] == 'n' && Character.isDigit(b[i + 1]) && Character.isDigit(b[i + 6])) {
                return i;
            }
        }
        throw new AssertionError("no name in the cell at " + pointer + " of page " + page);
    }

    private static int cellPointer(byte[] b, long page, int i) {
        return SplitFixtures.cellPointer(b, PAGE, page, i);
    }

    private static Index index(Database db, String name) throws java.io.IOException {
        return db.schemaSnapshot().schema().indexes().stream().filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow();
    }

    /** Checks {@code file} with one thread and with three: the same report, a split given up, SQLite's flag kept. */
    private CheckReport assertSameAsOneWalk(Path file) throws Exception {
        long again = IndexSplit.WALKED_AGAIN.get();
        CheckReport whole = one.check(file, OpenOptions.defaults());
        CheckReport split = three.check(file, OpenOptions.defaults());
        assertThat(IndexSplit.WALKED_AGAIN.get()).as("the split given up").isEqualTo(again + 1);
        assertThat(split.findings()).isEqualTo(whole.findings());
        assertThat(split.verdict()).isEqualTo(whole.verdict()).isNotEqualTo(Verdict.OK);
        assertThat(sqlite(file)).isNotEqualTo(List.of("ok"));
        return whole;
    }

    private List<String> sqlite(Path file) throws Exception {
        return SplitFixtures.sqlite(file, tmp);
    }
}
