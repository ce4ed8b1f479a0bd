package dev.loupe.format.freelist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.format.BigEndian;
import dev.loupe.format.Problem;
import dev.loupe.format.ProblemKind;
import dev.loupe.format.page.MemoryPageSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The freelist as Loupe walks it against what SQLite says: {@code PRAGMA freelist_count}, the pages
 * {@code dbstat} lists (every b-tree and overflow page, page 1 included: in a database without auto-vacuum every
 * other page is on the freelist), and {@code PRAGMA integrity_check} on damaged copies.
 */
class FreelistTest {

    @TempDir
    Path dir;

    /**
     * @param rows    rows of roughly 40% of a page each
     * @param deleted which rows to delete (SQL condition on id)
     * @param trunks  how many trunks the case is built to have (0, 1, or at least that many)
     */
    @ParameterizedTest(name = "page size {0}, {1} rows, delete where {2}")
    @CsvSource({
            "512, 50, id < 0, 0",
            "512, 50, id BETWEEN 10 AND 30, 1",
            "512, 1200, id % 3 <> 0, 3",
            "4096, 40, id BETWEEN 5 AND 25, 1",
            "4096, 5000, id > 300, 2"})
    void walkMatchesSqlite(int pageSize, int rows, String deleted, int trunks) throws Exception {
        Path db = dir.resolve("f.db");
        makeDatabase(db, pageSize, rows, deleted);
        byte[] file = Files.readAllBytes(db);
        long pageCount = file.length / pageSize;

        Freelist f = walk(file, pageSize);

        assertThat(f.problems()).isEmpty();
        if (trunks <= 1) {
            assertThat(f.trunks()).hasSize(trunks);
        } else {
            assertThat(f.trunks()).hasSizeGreaterThanOrEqualTo(trunks);
        }
        assertThat(f.firstTrunk()).isEqualTo(BigEndian.u32(file, 32));
        assertThat(f.trunks().isEmpty() ? 0 : f.trunks().get(0).page()).isEqualTo(BigEndian.u32(file, 32));
        assertThat(f.pageTotal()).isEqualTo(queryLong(db, "PRAGMA freelist_count")).isEqualTo(f.headerCount());

        Set<Long> free = new TreeSet<>();
        for (long p : f.trunkPages()) {
            assertThat(free.add(p)).isTrue();
        }
        for (long p : f.leafPages()) {
            assertThat(free.add(p)).isTrue();
        }
        Set<Long> expected = new TreeSet<>();
        LongStream.rangeClosed(1, pageCount).forEach(expected::add);
        expected.removeAll(queryLongs(db, "SELECT DISTINCT pageno FROM dbstat"));
        assertThat(free).isEqualTo(expected);

        for (FreelistTrunk t : f.trunks()) {
            assertThat(t.leavesRead()).isEqualTo((int) t.leafCount()).isLessThanOrEqualTo(pageSize / 4 - 8);
            assertThat(t.leafSpans()).hasSize(t.leavesRead());
            for (int i = 0; i < t.leavesRead(); i++) {
                assertThat(BigEndian.u32(file, (int) ((t.page() - 1) * pageSize + t.leafSpans().get(i).offset())))
                        .isEqualTo(t.leaves()[i]);
            }
        }
    }

    /** Damaged copies: SQLite's integrity_check and Loupe must name the same page and the same numbers. */
    @Test
    void damageIsFoundWhereSqliteFindsIt() throws Exception {
        Path db = dir.resolve("base.db");
        makeDatabase(db, 512, 1200, "id % 3 <> 0");
        byte[] base = Files.readAllBytes(db);
        Freelist f = walk(base, 512);
        long[] trunks = f.trunkPages();
        assertThat(trunks.length).isGreaterThanOrEqualTo(3);
        long pageCount = base.length / 512;
        long firstLeaf = f.trunks().get(0).leaves()[0];

        // leaf count larger than a trunk holds
        byte[] tooMany = base.clone();
        BigEndian.putU32(tooMany, offset(trunks[1], 4), 512 / 4 - 1);
        assertThat(integrityCheck(tooMany)).contains("freelist leaf count too big on page " + trunks[1]);
        assertThat(walk(tooMany, 512).problems()).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.FREELIST_TRUNK);
            assertThat(p.span().page()).isEqualTo(trunks[1]);
            assertThat(p.span().offset()).isEqualTo(4);
        });

        // the last trunk points back to the first
        byte[] loop = base.clone();
        BigEndian.putU32(loop, offset(trunks[trunks.length - 1], 0), trunks[0]);
        assertThat(integrityCheck(loop)).contains("2nd reference to page " + trunks[0]);
        assertThat(walk(loop, 512).problems()).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.FREELIST_LOOP);
            assertThat(p.span().page()).isEqualTo(trunks[trunks.length - 1]);
            assertThat(p.message()).contains("trunk page " + trunks[0] + " ");
        });

        // a leaf beyond the end of the file
        byte[] outside = base.clone();
        BigEndian.putU32(outside, offset(trunks[0], 8), pageCount + 7);
        assertThat(integrityCheck(outside)).contains("invalid page number " + (pageCount + 7));
        assertThat(walk(outside, 512).problems()).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.FREELIST_LEAF);
            assertThat(p.span()).isEqualTo(dev.loupe.format.Span.inPage(trunks[0], 8, 4));
            assertThat(p.message()).contains("leaf " + (pageCount + 7) + " ");
        });

        // a leaf listed twice
        byte[] twice = base.clone();
        BigEndian.putU32(twice, offset(trunks[0], 12), firstLeaf);
        assertThat(integrityCheck(twice)).contains("2nd reference to page " + firstLeaf);
        assertThat(walk(twice, 512).problems()).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.FREELIST_LEAF);
            assertThat(p.span()).isEqualTo(dev.loupe.format.Span.inPage(trunks[0], 12, 4));
        });

        // the header's first trunk beyond the end
        byte[] badFirst = base.clone();
        BigEndian.putU32(badFirst, 32, pageCount + 1);
        assertThat(integrityCheck(badFirst)).contains("invalid page number " + (pageCount + 1));
        assertThat(walk(badFirst, 512).problems()).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.FREELIST_TRUNK);
            assertThat(p.span()).isEqualTo(dev.loupe.format.Span.inPage(1, 32, 4));
        });

        // the header's count one too high: SQLite's "size is F but should be F+1"
        byte[] count = base.clone();
        BigEndian.putU32(count, 36, f.headerCount() + 1);
        Matcher m = Pattern.compile("size is (\\d+) but should be (\\d+)").matcher(integrityCheck(count));
        assertThat(m.find()).isTrue();
        Freelist counted = walk(count, 512);
        assertThat(counted.pageTotal()).isEqualTo(Long.parseLong(m.group(1)));
        assertThat(counted.headerCount()).isEqualTo(Long.parseLong(m.group(2)));
        assertThat(counted.problems()).singleElement().extracting(Problem::kind).isEqualTo(ProblemKind.FREELIST_COUNT);
    }

    /** Trunk chains that loop through every page, or point at themselves, end after at most page-count steps. */
    @Test
    void loopsEndAndNothingThrows() throws Exception {
        int pageSize = 512;
        int pages = 64;
        byte[] image = new byte[pages * pageSize];
        for (int p = 2; p <= pages; p++) {
            BigEndian.putU32(image, (p - 1) * pageSize, p == pages ? 2 : p + 1);
        }
        Freelist f = Freelist.walk(new MemoryPageSource(image, pageSize, "ring"), 2, 63, pageSize);
        assertThat(f.trunks()).hasSize(63);
        assertThat(f.problems()).extracting(Problem::kind).containsExactly(ProblemKind.FREELIST_LOOP);

        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < 3000; i++) {
            byte[] junk = new byte[8 * pageSize];
            r.nextBytes(junk);
            for (int k = 0; k < 8; k++) { // keep some pointers small so that chains go somewhere
                if (r.nextBoolean()) {
                    BigEndian.putU32(junk, k * pageSize, r.nextInt(10));
                    BigEndian.putU32(junk, k * pageSize + 4, r.nextInt(200));
                }
            }
            Freelist g = Freelist.walk(new MemoryPageSource(junk, pageSize, "junk"), r.nextInt(10), r.nextInt(50),
                    pageSize - r.nextInt(40));
            assertThat(g.trunks().size()).isLessThanOrEqualTo(8);
        }
    }

    @Test
    void aTrunkInAnEmptyFileIsReportedNotFollowed() throws Exception {
        Freelist f = Freelist.walk(new MemoryPageSource(new byte[0], 512, "empty"), 5, 1, 512);
        assertThat(f.trunks()).isEmpty();
        assertThat(f.problems()).extracting(Problem::kind)
                .containsExactly(ProblemKind.FREELIST_TRUNK, ProblemKind.FREELIST_COUNT);
    }

    private static Freelist walk(byte[] file, int pageSize) throws Exception {
        return Freelist.walk(new MemoryPageSource(file, pageSize, "test"), BigEndian.u32(file, 32),
                BigEndian.u32(file, 36), pageSize);
    }

    private static int offset(long page, int off) {
        return (int) ((page - 1) * 512 + off);
    }

    private String integrityCheck(byte[] file) throws Exception {
        Path copy = Files.createTempFile(dir, "damaged", ".db");
        Files.write(copy, file);
        return String.join("\n", queryStrings(copy, "PRAGMA integrity_check"));
    }

    static void makeDatabase(Path db, int pageSize, int rows, String deleted) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA page_size=" + pageSize);
            s.execute("PRAGMA auto_vacuum=NONE");
            s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, v BLOB)");
            c.setAutoCommit(false);
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO t VALUES(?, randomblob(?))")) {
                for (int i = 1; i <= rows; i++) {
                    ins.setInt(1, i);
                    ins.setInt(2, pageSize * 2 / 5);
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
            s.execute("DELETE FROM t WHERE " + deleted);
        }
    }

    private static long queryLong(Path db, String sql) throws Exception {
        return Long.parseLong(queryStrings(db, sql).get(0));
    }

    private static List<Long> queryLongs(Path db, String sql) throws Exception {
        return queryStrings(db, sql).stream().map(Long::parseLong).toList();
    }

    private static List<String> queryStrings(Path db, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }
}
