package dev.loupe.wal;

import dev.loupe.format.BigEndian;
import dev.loupe.format.Database;
import dev.loupe.format.OpenOptions;
import dev.loupe.format.map.PageKind;
import dev.loupe.format.map.PageMap;
import dev.loupe.format.page.PageSource;
import dev.loupe.format.wal.WalCommit;
import dev.loupe.samples.corrupt.WalAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link WalCommits} keeps the page map up to date commit by commit; this checks that it says, for every page every
 * commit wrote, exactly what a page map built from scratch says: PageMap.build of the database the reader opens as
 * of that commit (Database.open with the WAL cut at the commit: another path through the WAL than the commit
 * views WalCommits reads). And that the map itself is SQLite's: dbstat names the same owners.
 */
class IncrementalCommitsTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "auto_vacuum {0}, {1}-byte pages, seed {2}")
    @CsvSource({"NONE, 1024, 1", "FULL, 1024, 2", "INCREMENTAL, 512, 3", "FULL, 4096, 4", "NONE, 512, 5"})
    void sameAsFromScratchAtEveryCommit(ChurnWal.AutoVacuum autoVacuum, int pageSize, long seed) throws Exception {
        Path db = ChurnWal.build(dir, autoVacuum, pageSize, 150, seed);
        Path wal = Path.of(db + "-wal");
        try (WalInput in = WalInput.open(db, wal)) {
            CommitOwners owners = new CommitOwners(in);
            List<List<CommitPage>> expected = new ArrayList<>();
            int trees = 0;
            long pages = 0;
            for (WalCommit c : in.commits()) {
                expected.add(fromScratch(db, wal, c));
                assertThat(owners.advance(c.number())).as("commit %d", c.number())
                        .isEqualTo(expected.get(c.number() - 1));
                try (Database d = in.openDatabase(c.number())) {
                    trees += 1 + d.schema().tables().size() + d.schema().indexes().size();
                    pages += d.pageCount();
                }
            }
            assertThat(in.commits()).hasSizeGreaterThan(100);
            // Incremental: no full page map, and far fewer tree walks than a page map per commit would do.
            assertThat(owners.rebuilt()).isZero();
            assertThat(owners.walked()).isLessThan(trees / 2);
            assertThat(owners.decoded()).isLessThan(pages / 5);
            assertThat(WalCommits.of(in)).extracting(CommitInfo::pages).containsExactlyElementsOf(expected);
        }
        checkAgainstDbstat(db, wal);
    }

    @Test
    void damagedCommitsAreMappedAsFromScratch() throws Exception {
        Path db = ChurnWal.build(dir, ChurnWal.AutoVacuum.NONE, 1024, 40, 11);
        Path wal = Path.of(db + "-wal");
        int frames;
        long size;
        byte[] page1;
        long tLeaf;
        long tInterior;
        long indexLeaf;
        try (WalInput in = WalInput.open(db, wal)) {
            int last = in.commits().size();
            frames = in.commits().get(last - 1).lastFrame();
            size = in.commits().get(last - 1).databaseSize();
            PageSource view = in.view(last);
            page1 = view.read(1);
            try (Database d = in.openDatabase(last)) {
                PageMap map = PageMap.build(d);
                tLeaf = first(map, size, "t", PageKind.TABLE_LEAF);
                tInterior = first(map, size, "t", PageKind.TABLE_INTERIOR);
                indexLeaf = first(map, size, "t_a", PageKind.INDEX_LEAF);
            }
            WalAppender a = new WalAppender(wal, frames);
            // 1: the freelist starts at a leaf of t: two claimants take that page.
            byte[] p1 = page1.clone();
            BigEndian.putU32(p1, 32, tLeaf);
            a.frame(1, size, p1);
            // 2: page 1 restored, and t's interior page points its right child at an index leaf.
            byte[] interior = view.read(tInterior);
            BigEndian.putU32(interior, 8, indexLeaf);
            a.frame(1, 0, page1).frame(tInterior, size, interior);
            // 3: a leaf of t with an unknown page type byte, and its interior page pointing past the end.
            byte[] bad = view.read(tLeaf);
            bad[0] = 7;
            interior = view.read(tInterior);
            BigEndian.putU32(interior, 8, size + 3);
            a.frame(tLeaf, 0, bad).frame(tInterior, size, interior);
            // 4: the database grows to hold that page: t's walk, which met a problem, must be done again.
            a.frame(size + 3, size + 3, view.read(tLeaf));
            a.writeTo(wal);
        }
        try (WalInput in = WalInput.open(db, wal)) {
            CommitOwners owners = new CommitOwners(in);
            for (WalCommit c : in.commits()) {
                assertThat(owners.advance(c.number())).as("commit %d", c.number())
                        .isEqualTo(fromScratch(db, wal, c));
            }
            // The two commits with a page taken twice come from a full page map; the others from the claims.
            assertThat(owners.rebuilt()).isEqualTo(2);
        }
    }

    @Test
    void walWithoutItsDatabaseIsMappedAsFromScratch() throws Exception {
        Path db = ChurnWal.build(dir, ChurnWal.AutoVacuum.FULL, 1024, 60, 7);
        Path alone = Files.createDirectories(dir.resolve("alone")).resolve("c.db-wal");
        Files.copy(Path.of(db + "-wal"), alone);
        Path missing = dir.resolve("alone").resolve("c.db");
        try (WalInput in = WalInput.open(missing, false, alone)) {
            List<CommitInfo> listed = WalCommits.of(in);
            for (CommitInfo c : listed) {
                try (Database d = in.openDatabase(c.number())) {
                    assertThat(c.pages()).isEqualTo(CommitOwners.pages(in.commits().get(c.number() - 1),
                            PageMap.build(d)));
                }
            }
            assertThat(listed.get(0).previousSize()).isZero();
        }
    }

    private static List<CommitPage> fromScratch(Path db, Path wal, WalCommit c) throws Exception {
        try (Database d = Database.open(db, OpenOptions.withWal(wal).atCommit(c.number()))) {
            return CommitOwners.pages(c, PageMap.build(d));
        }
    }

    private static long first(PageMap map, long size, String owner, PageKind kind) {
        for (long p = 2; p <= size; p++) {
            if (map.kind(p) == kind && map.owner(p) != null && owner.equals(map.owner(p).name())) {
                return p;
            }
        }
        throw new IllegalStateException("no " + kind + " of " + owner);
    }

    /** dbstat as of every 10th commit: the owner of each page the commit wrote, and its page type. */
    private void checkAgainstDbstat(Path db, Path wal) throws Exception {
        byte[] dbBytes = Files.readAllBytes(db);
        byte[] walBytes = Files.readAllBytes(wal);
        List<CommitInfo> commits;
        try (WalInput in = WalInput.open(db, wal)) {
            commits = WalCommits.of(in);
        }
        int checked = 0;
        for (CommitInfo c : commits) {
            if (c.number() % 10 != 0) {
                continue;
            }
            Path copy = SqliteOracle.pair(dir, dbBytes, SqliteOracle.cut(walBytes, c.lastFrame()));
            try (Connection conn = SqliteOracle.open(copy); Statement s = conn.createStatement();
                 PreparedStatement q = conn.prepareStatement(
                         "SELECT name, pagetype FROM dbstat WHERE pageno = ? AND aggregate = 0")) {
                try (ResultSet r = s.executeQuery("PRAGMA page_count")) {
                    assertThat(c.databaseSize()).isEqualTo(r.getLong(1));
                }
                for (CommitPage p : c.pages()) {
                    q.setLong(1, p.page());
                    try (ResultSet r = q.executeQuery()) {
                        String name = r.next() ? r.getString(1) : null;
                        String type = name == null ? null : r.getString(2);
                        name = "sqlite_master".equals(name) ? "sqlite_schema" : name;
                        assertThat(p.owner()).as("commit %d page %d", c.number(), p.page()).isEqualTo(name);
                        if (type != null) {
                            assertThat(p.kind().replaceAll("^(table|index)-", "").replace("interior", "internal"))
                                    .as("commit %d page %d type", c.number(), p.page()).isEqualTo(type);
                        }
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(50);
    }
}
