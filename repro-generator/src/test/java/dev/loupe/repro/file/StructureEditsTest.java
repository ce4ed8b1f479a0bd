package dev.loupe.repro.file;

import dev.loupe.format.btree.BTreePage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reducer's structural edits on intact files SQLite wrote: removing rows with their index entries, writing a
 * tree as one leaf and rewriting an overflowing payload must leave a file that SQLite's PRAGMA integrity_check
 * (sqlite-jdbc) still calls "ok", holding what SQLite then reads back: the edits add no damage of their own, so
 * whatever damage a reproducer shows came from the original.
 */
class StructureEditsTest {

    @TempDir
    Path tmp;

    @Test
    void rowsLeaveTheTableAndEveryIndexTogether() throws Exception {
        Path db = tmp.resolve("rows.db");
        try (Connection c = open(db); Statement st = c.createStatement()) {
            st.execute("PRAGMA page_size=1024");
            st.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, n INTEGER)");
            st.execute("CREATE INDEX t_name ON t(name)");
            st.execute("CREATE UNIQUE INDEX t_n ON t(n)");
            st.execute("WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 600)"
                    + " INSERT INTO t SELECT i, printf('name-%05d-%d', (i * 7919) % 600, i * i),"
                    + " 1000 - i FROM s");
        }
        DbImage img = DbImage.of(Files.readAllBytes(db));
        assertIntact(img);
        long table = rootOf(db, "t");

        // the table's root replaced by its first child: the rows of the other children leave both indexes too
        BTreePage root = Edits.cleanPage(img, table);
        assertThat(root.type().isLeaf()).as("the table spans several pages").isFalse();
        DbImage hoisted = settle(RowCompanions.follow(img, Layout.of(img), table,
                Edits.hoist(img, table, root.child(0))));
        assertIntact(hoisted);
        long rows = count(hoisted, "SELECT count(*) FROM t");
        assertThat(rows).isEqualTo(Edits.cleanPage(img, root.child(0)).cellCount());

        // half the children of the name index's root dropped: the entries of those subtrees and the dividers
        // between them go, and their rows leave the table and the other index
        BTreePage indexRoot = Edits.cleanPage(hoisted, rootOf(hoisted, "t_name"));
        assertThat(indexRoot.type().isLeaf()).as("the name index spans several pages").isFalse();
        Set<Integer> half = new HashSet<>();
        for (int i = 0; i <= indexRoot.cellCount() / 2; i++) {
            half.add(i);
        }
        Layout layout = Layout.of(hoisted);
        DbImage fewer = settle(RowCompanions.follow(hoisted, layout, indexRoot.number(),
                Edits.removeChildren(hoisted, indexRoot.number(), half, true)));
        assertIntact(fewer);
        assertThat(count(fewer, "SELECT count(*) FROM t")).isBetween(1L, rows - 1);
    }

    @Test
    void aTreeWrittenAsOneLeafReadsTheSame() throws Exception {
        Path db = tmp.resolve("flat.db");
        try (Connection c = open(db); Statement st = c.createStatement()) {
            st.execute("PRAGMA page_size=1024");
            st.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, pad BLOB)");
            st.execute("CREATE INDEX t_name ON t(name)");
            st.execute("WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 400)"
                    + " INSERT INTO t SELECT i, printf('n%03d', (i * 37) % 400), zeroblob(40) FROM s");
        }
        DbImage img = DbImage.of(Files.readAllBytes(db));
        assertIntact(img);
        long table = rootOf(db, "t");
        // the table's first two children kept, three rows on each: what is left fits on one page
        BTreePage root = Edits.cleanPage(img, table);
        Set<Integer> drop = new HashSet<>();
        for (int i = 2; i <= root.cellCount(); i++) {
            drop.add(i);
        }
        DbImage small = settle(RowCompanions.follow(img, Layout.of(img), table,
                Edits.removeChildren(img, table, drop, true)));
        for (int child = 0; child < 2; child++) {
            long leaf = Edits.cleanPage(small, table).child(child);
            Set<Integer> rest = new HashSet<>();
            for (int i = 3; i < Edits.cleanPage(small, leaf).cellCount(); i++) {
                rest.add(i);
            }
            small = settle(RowCompanions.follow(small, Layout.of(small), leaf,
                    Edits.removeCells(small, leaf, rest)));
        }
        assertIntact(small);
        assertThat(count(small, "SELECT count(*) FROM t")).isEqualTo(6);
        List<String> byName = column(small, "SELECT name || ':' || id FROM t INDEXED BY t_name ORDER BY name");
        List<String> byId = column(small, "SELECT name || ':' || id FROM t ORDER BY id");

        DbImage flat = small;
        for (String tree : List.of("t", "t_name")) {
            long r = rootOf(flat, tree);
            if (!Edits.cleanPage(flat, r).type().isLeaf()) {
                flat = settle(Flatten.root(flat, r));
            }
            assertThat(Edits.cleanPage(flat, rootOf(flat, tree)).type().isLeaf()).as(tree).isTrue();
        }
        assertThat(flat.pageCount()).isLessThan(small.pageCount()).isEqualTo(3);
        assertIntact(flat);
        assertThat(column(flat, "SELECT name || ':' || id FROM t INDEXED BY t_name ORDER BY name"))
                .isEqualTo(byName);
        assertThat(column(flat, "SELECT name || ':' || id FROM t ORDER BY id")).isEqualTo(byId);
    }

    @Test
    void thinLeavesPackedFullReadTheSame() throws Exception {
        Path db = tmp.resolve("thin.db");
        try (Connection c = open(db); Statement st = c.createStatement()) {
            st.execute("PRAGMA page_size=1024");
            st.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, pad BLOB)");
            st.execute("CREATE INDEX t_name ON t(name)");
            st.execute("WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 400)"
                    + " INSERT INTO t SELECT i, printf('n%03d', (i * 37) % 400), zeroblob(40) FROM s");
        }
        DbImage thin = DbImage.of(Files.readAllBytes(db));
        long table = rootOf(db, "t");
        // three rows left on every leaf of the table (and their entries in the index)
        int leaves = Edits.cleanPage(thin, table).cellCount() + 1;
        for (int child = 0; child < leaves; child++) {
            long leaf = Edits.cleanPage(thin, table).child(child);
            Set<Integer> rest = new HashSet<>();
            for (int i = 3; i < Edits.cleanPage(thin, leaf).cellCount(); i++) {
                rest.add(i);
            }
            if (!rest.isEmpty()) {
                thin = settle(RowCompanions.follow(thin, Layout.of(thin), leaf,
                        Edits.removeCells(thin, leaf, rest)));
            }
        }
        assertIntact(thin);
        List<String> rows = column(thin, "SELECT name || ':' || id FROM t ORDER BY id");
        assertThat(rows.size()).isBetween(3 * leaves - 2, 3 * leaves);

        DbImage packed = settle(Repack.root(thin, table));
        assertIntact(packed);
        assertThat(column(packed, "SELECT name || ':' || id FROM t ORDER BY id")).isEqualTo(rows);
        BTreePage root = Edits.cleanPage(packed, table);
        assertThat(root.type().isLeaf()).isFalse();
        assertThat(root.cellCount() + 1).as("leaves").isLessThan(leaves);
        assertThat(packed.pageCount()).isLessThan(thin.pageCount());
    }

    @Test
    void anOverflowingValueIsCutToAShortChain() throws Exception {
        Path db = tmp.resolve("payload.db");
        String body = "héllo wörld ".repeat(2000); // two-byte characters: cuts must fall between characters
        try (Connection c = open(db); Statement st = c.createStatement()) {
            st.execute("PRAGMA page_size=1024");
            st.execute("CREATE TABLE docs(id INTEGER PRIMARY KEY, title TEXT, body TEXT, data BLOB)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO docs VALUES (?, ?, ?, ?)")) {
                ps.setInt(1, 1);
                ps.setString(2, "first");
                ps.setString(3, body);
                ps.setBytes(4, new byte[7000]);
                ps.executeUpdate();
                ps.setInt(1, 2);
                ps.setString(2, "second");
                ps.setString(3, "short");
                ps.setBytes(4, new byte[] {1, 2, 3});
                ps.executeUpdate();
            }
        }
        DbImage img = DbImage.of(Files.readAllBytes(db));
        assertIntact(img);
        List<Supplier<DbImage>> edits = PayloadEdits.candidates(img, Layout.of(img));
        assertThat(edits).hasSize(3); // 0, 1 and 2 overflow pages
        List<Long> pages = new ArrayList<>();
        for (Supplier<DbImage> edit : edits) {
            DbImage cut = settle(edit.get());
            assertIntact(cut);
            String kept = column(cut, "SELECT body FROM docs WHERE id = 1").get(0);
            assertThat(body).startsWith(kept);
            assertThat(column(cut, "SELECT title || length(data) FROM docs ORDER BY id"))
                    .containsExactly("first" + column(cut, "SELECT length(data) FROM docs WHERE id = 1").get(0),
                            "second3");
            assertThat(column(cut, "SELECT body FROM docs WHERE id = 2")).containsExactly("short");
            pages.add(cut.pageCount());
        }
        // page 1, the table's leaf, then 0, 1 and 2 overflow pages
        assertThat(pages).containsExactly(2L, 3L, 4L);
    }

    /** PRAGMA integrity_check says "ok" in sqlite-jdbc (3.54) and in the sqlite3 CLI (3.40), each on a copy. */
    private void assertIntact(DbImage img) throws Exception {
        assertThat(SqliteIntegrity.check(img.bytes())).containsExactly("ok");
        Process p = new ProcessBuilder("sqlite3", write(img).toString(), "PRAGMA integrity_check")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out.lines().toList()).as("sqlite3 CLI").containsExactly("ok");
    }

    /** The edited image compacted to the pages its structures reach, as the reducer does. */
    private static DbImage settle(DbImage edited) {
        assertThat(edited).as("the edit applies").isNotNull();
        Layout layout = Layout.of(edited);
        DbImage compacted = Compactor.compact(edited, layout, new LinkedHashSet<>(layout.reachable));
        return compacted == null ? edited : compacted;
    }

    private Connection open(Path db) throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + db);
    }

    private long rootOf(Path db, String name) throws Exception {
        try (Connection c = open(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT rootpage FROM sqlite_schema WHERE name = '" + name + "'")) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }

    private long rootOf(DbImage img, String name) throws Exception {
        return rootOf(write(img), name);
    }

    private long count(DbImage img, String sql) throws Exception {
        return Long.parseLong(column(img, sql).get(0));
    }

    private List<String> column(DbImage img, String sql) throws Exception {
        Path db = write(img);
        List<String> out = new ArrayList<>();
        try (Connection c = open(db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** A fresh copy of the image for SQLite to read (it may create files beside what it opens). */
    private Path write(DbImage img) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "copy");
        Path db = dir.resolve("copy.db");
        Files.write(db, img.bytes());
        return db;
    }
}
