package dev.loupe.check.index;

import dev.loupe.format.Database;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.BTreeWalker;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.PathStep;
import dev.loupe.format.btree.Payload;
import dev.loupe.format.btree.PayloadCell;
import dev.loupe.format.btree.PayloadReader;
import dev.loupe.format.btree.TreeVisitor;
import dev.loupe.format.record.IntegerValue;
import dev.loupe.format.record.RecordDecoder;
import dev.loupe.format.find.SearchResult;
import dev.loupe.format.find.TreeSearch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RowPositions} counts a row's scan position from the leaves' cell counts: held to SQLite's own count of the
 * rows up to that rowid, on a three-level tree with rows deleted here and there (so positions are not rowids); and on
 * damaged trees it gives up or answers, but never throws.
 */
class RowPositionsTest {

    @TempDir
    Path dir;

    @Test
    void positionsAreSqlitesCountsOfTheRowsUpToEachRowid() throws Exception {
        Path db = table(dir.resolve("t.db"));
        Random rnd = new Random(5);
        List<Long> rowids = rowids(db);
        TreeSet<Long> picked = new TreeSet<>(List.of(rowids.get(0), rowids.get(rowids.size() - 1)));
        while (picked.size() < 300) {
            picked.add(rowids.get(rnd.nextInt(rowids.size())));
        }
        long[] positions = positions(db, new ArrayList<>(picked));
        assertThat(positions).isNotNull();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            int i = 0;
            for (long rowid : picked) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM t WHERE id <= " + rowid)) {
                    assertThat(positions[i++]).as("rowid %d", rowid).isEqualTo(rs.getLong(1));
                }
            }
        }
    }

    @Test
    void aChildPointerOutOfTheFileOrBackToTheRootGivesNoPositions() throws Exception {
        Path db = table(dir.resolve("t.db"));
        List<Long> rowids = rowids(db);
        long last = rowids.get(rowids.size() - 1);
        long[] leaf = new long[1];
        int[] cell = new int[1];
        where(db, List.of(last), leaf, cell);
        assertThat(positions(db, List.of(last))).containsExactly(rowids.size());
        byte[] file = Files.readAllBytes(db);
        long root = IndexFixtures.rootPage(db, "t");
        int at = (int) (root - 1) * 512 + 8; // the root's right child, on the way to the last row
        for (long child : new long[] {1_000_000, root, 0}) {
            byte[] b = file.clone();
            b[at] = (byte) (child >>> 24);
            b[at + 1] = (byte) (child >>> 16);
            b[at + 2] = (byte) (child >>> 8);
            b[at + 3] = (byte) child;
            Path damaged = dir.resolve("right-child-" + child + ".db");
            Files.write(damaged, b);
            try (Database d = Database.open(damaged)) {
                assertThat(new RowPositions(d.pages(), d.usableSize(), false).of(root, leaf, cell))
                        .as("right child %d", child)
                        .isNull();
            }
        }
    }

    @Test
    void randomByteChangesNeverThrow() throws Exception {
        Path db = table(dir.resolve("t.db"));
        byte[] file = Files.readAllBytes(db);
        long root = IndexFixtures.rootPage(db, "t");
        List<Long> rowids = rowids(db);
        long[] leaves = new long[1];
        int[] cells = new int[1];
        where(db, List.of(rowids.get(rowids.size() / 2)), leaves, cells);
        Random rnd = new Random(11);
        int answered = 0;
        for (int k = 0; k < 300; k++) {
            byte[] b = IndexFixtures.changedAtRandom(file, 512, rnd);
            Path damaged = dir.resolve("random-" + k + ".db");
            Files.write(damaged, b);
            try (Database d = Database.open(damaged)) {
                if (new RowPositions(d.pages(), d.usableSize(), false).of(root, leaves, cells) != null) {
                    answered++;
                }
            }
            Files.delete(damaged);
        }
        assertThat(answered).as("changes that miss the way down still leave an answer").isPositive();
    }

    /**
     * A WITHOUT ROWID table is an index b-tree: its interior cells are rows too, each counted after the rows of its
     * left subtree (SQLite's scan meets them there). Every row's position, counted by RowPositions, is SQLite's count
     * of the rows whose PRIMARY KEY is at most the row's; the rows are given as the tree's walk meets them.
     */
    @Test
    void aWithoutRowidTablesRowsOnInteriorPagesCountToo() throws Exception {
        Path db = dir.resolve("w.db");
        IndexFixtures.build(db, "PRAGMA page_size = 512",
                "CREATE TABLE t(id INTEGER PRIMARY KEY, a TEXT) WITHOUT ROWID",
                "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 20000)"
                        + " INSERT INTO t SELECT i * 3, 'name ' || (i * 7919 % 20011) FROM s",
                "DELETE FROM t WHERE id % 7 = 3 OR id BETWEEN 27000 AND 28200");
        long root = IndexFixtures.rootPage(db, "t");
        List<long[]> rows = new ArrayList<>(); // page, cell, id, in walk order
        int interior = 0;
        try (Database d = Database.open(db)) {
            PayloadReader payloads = new PayloadReader(d.pages(), d.usableSize());
            RecordDecoder records = new RecordDecoder(d.encoding(), true);
            new BTreeWalker(d.pages(), d.usableSize()).walk(root, new TreeVisitor() {
                @Override
                public void cell(BTreePage page, Cell cell, List<PathStep> path) {
                    try {
                        Payload p = payloads.read(page.data(), ((PayloadCell) cell).payload());
                        long id = ((IntegerValue) records.decode(p).values().get(0)).value();
                        rows.add(new long[] {page.number(), cell.index(), id});
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            });
            for (long[] r : rows) {
                interior += BTreePage.decode(r[0], d.pages().read(r[0]), d.usableSize()).type().isLeaf() ? 0 : 1;
            }
            assertThat(interior).as("rows on interior pages").isPositive();
            Random rnd = new Random(7);
            TreeSet<Integer> picked = new TreeSet<>(List.of(0, rows.size() - 1));
            for (int k = 0; k < rows.size(); k++) {
                boolean onInterior = !BTreePage.decode(rows.get(k)[0], d.pages().read(rows.get(k)[0]),
                        d.usableSize()).type().isLeaf();
                if (onInterior || rnd.nextInt(60) == 0) {
                    picked.add(k);
                }
            }
            long[] leaves = new long[picked.size()];
            int[] cells = new int[picked.size()];
            int i = 0;
            for (int k : picked) {
                leaves[i] = rows.get(k)[0];
                cells[i++] = (int) rows.get(k)[1];
            }
            long[] positions = new RowPositions(d.pages(), d.usableSize(), true).of(root, leaves, cells);
            assertThat(positions).isNotNull();
            assertThat(new RowPositions(d.pages(), d.usableSize(), false).of(root, leaves, cells))
                    .as("an index b-tree is no table b-tree").isNull();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
                i = 0;
                for (int k : picked) {
                    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM t WHERE id <= " + rows.get(k)[2])) {
                        assertThat(positions[i++]).as("id %d", rows.get(k)[2]).isEqualTo(rs.getLong(1));
                    }
                }
            }
        }
    }

    /** The positions of the rows of these rowids (ascending), found by a descent of t. */
    private static long[] positions(Path db, List<Long> rowids) throws Exception {
        long[] leaves = new long[rowids.size()];
        int[] cells = new int[rowids.size()];
        where(db, rowids, leaves, cells);
        try (Database d = Database.open(db)) {
            return new RowPositions(d.pages(), d.usableSize(), false)
                    .of(IndexFixtures.rootPage(db, "t"), leaves, cells);
        }
    }

    /** The leaf page and cell of each of these rowids' rows, found by a descent of t. */
    private static void where(Path db, List<Long> rowids, long[] leaves, int[] cells) throws Exception {
        try (Database d = Database.open(db)) {
            TreeSearch search = new TreeSearch(d.pages(), d.usableSize(), d.encoding());
            for (int i = 0; i < rowids.size(); i++) {
                SearchResult r = search.byRowid(IndexFixtures.rootPage(db, "t"), rowids.get(i));
                assertThat(r.found()).isTrue();
                leaves[i] = r.endStep().page();
                cells[i] = r.endStep().index();
            }
        }
    }

    private static List<Long> rowids(Path db) throws Exception {
        List<Long> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM t ORDER BY id")) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    /** 20,000 rows on 512-byte pages (three levels), a seventh of them and a run in the middle deleted. */
    private static Path table(Path db) throws Exception {
        IndexFixtures.build(db, "PRAGMA page_size = 512", "CREATE TABLE t(id INTEGER PRIMARY KEY, a TEXT)",
                "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 20000)"
                        + " INSERT INTO t SELECT i, 'name ' || (i * 7919 % 20011) FROM s",
                "DELETE FROM t WHERE id % 7 = 3 OR id BETWEEN 9000 AND 9400");
        return db;
    }
}
