package dev.loupe.check.structure;

import dev.loupe.format.Database;
import dev.loupe.format.OpenOptions;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.TableLeafCell;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which pages the judge summarises: on intact files, exactly the leaf pages SQLite's dbstat lists with at least one
 * cell and no overflow page hanging below them, each with its first and last rowid; after one damage that the
 * structural check reports on the page (or cannot judge without its place in the tree), none. That the findings
 * stay the same with summaries is held by the Checker-level tests (dev.loupe.check.LeafSummariesFindingsTest, and
 * StructureMatchesSqliteTest's deep check against the sqlite3 CLI).
 */
class LeafSummariesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Sample.class)
    void intactSamplesHaveEveryLeafWithLocalCellsSummarised(Sample sample) throws Exception {
        if (sample.hasWal()) {
            return; // dbstat reads through the WAL, the page bytes below would not
        }
        Path db = Samples.copyTo(sample, dir);
        Set<Long> expected = soundLeavesPerSqlite(db);
        try (Database d = Database.open(db, OpenOptions.ignoreWal())) {
            LeafSummaries s = LeafSummaries.forPages(d.pageCount(), Long.MAX_VALUE);
            LeafSummaries.Judge judge = s.judge(d.pageSize(), d.usableSize());
            for (long p = 1; p <= d.pageCount(); p++) {
                judge.leaf(p, d.pages().read(p));
            }
            Set<Long> summarised = new TreeSet<>();
            for (long p = 1; p <= d.pageCount(); p++) {
                if (!s.tableLeaf(p) && !s.indexLeaf(p)) {
                    continue;
                }
                BTreePage page = BTreePage.decode(p, d.pages().read(p), d.usableSize());
                if (s.tableLeaf(p)) {
                    assertThat(s.firstKey(p)).as("page %d", p).isEqualTo(((TableLeafCell) page.cell(0)).rowid());
                    assertThat(s.lastKey(p)).as("page %d", p)
                            .isEqualTo(((TableLeafCell) page.cell(page.cellCount() - 1)).rowid());
                }
                if (expected.contains(p) || !isFreelistLeaf(d, p)) {
                    summarised.add(p);
                }
            }
            assertThat(summarised).isEqualTo(expected);
        }
    }

    /**
     * Each damage, applied to every summarised page of a few samples in turn, leaves that page without a summary:
     * the fragment count, a cell pointer into the middle of another cell, two rowids in the wrong order, the first
     * freeblock, no cells, a cell pointer before the content area, a payload size too large for the page.
     */
    @Test
    void damagedLeavesAreNotSummarised() throws Exception {
        Sample[] bases = {Sample.DEMO, Sample.INDEXES, Sample.WITHOUT_ROWID, Sample.PAGE_512, Sample.RESERVED_32};
        String[] damages = {"fragments", "overlap", "rowid order", "freeblock", "no cells", "pointer", "payload"};
        int tried = 0;
        for (Sample sample : bases) {
            byte[] image = Samples.bytes(sample);
            List<Long> leaves = new ArrayList<>();
            int pageSize;
            int usable;
            try (Database d = Database.fromImage(image, sample.name())) {
                pageSize = d.pageSize();
                usable = d.usableSize();
                LeafSummaries s = LeafSummaries.forPages(d.pageCount(), Long.MAX_VALUE);
                LeafSummaries.Judge judge = s.judge(pageSize, usable);
                for (long p = 1; p <= d.pageCount(); p++) {
                    judge.leaf(p, d.pages().read(p));
                    if (s.tableLeaf(p) || s.indexLeaf(p)) {
                        leaves.add(p);
                    }
                }
            }
            assertThat(leaves).as(sample.name()).isNotEmpty();
            for (long p : leaves) {
                for (String damage : damages) {
                    byte[] page = java.util.Arrays.copyOfRange(image, (int) (p - 1) * pageSize, (int) p * pageSize);
                    if (!damage(page, BTreePage.headerOffset(p), damage, usable)) {
                        continue;
                    }
                    LeafSummaries s = LeafSummaries.forPages(p, Long.MAX_VALUE);
                    s.judge(pageSize, usable).leaf(p, page);
                    assertThat(s.tableLeaf(p) || s.indexLeaf(p)).as("%s page %d, %s", sample, p, damage).isFalse();
                    tried++;
                }
            }
        }
        assertThat(tried).isGreaterThan(200);
    }

    /** No summaries when they would not fit in an eighth of the heap, or for no pages. */
    @Test
    void summariesStayWithinTheirShareOfTheHeap() {
        assertThat(LeafSummaries.forPages(1000, 1000 * 17 * 8)).isNotNull();
        assertThat(LeafSummaries.forPages(1001, 1000 * 17 * 8)).isNull();
        assertThat(LeafSummaries.forPages(0, Long.MAX_VALUE)).isNull();
        assertThat(LeafSummaries.forPages(1L << 31, Long.MAX_VALUE)).isNull();
    }

    /** Applies one damage to a leaf page's bytes; false when it does not apply to this page. */
    private static boolean damage(byte[] page, int hdr, String damage, int usable) {
        ByteBuffer b = ByteBuffer.wrap(page);
        int nCell = Short.toUnsignedInt(b.getShort(hdr + 3));
        int ptr = hdr + 8;
        boolean table = (page[hdr] & 0xff) == 13;
        switch (damage) {
            case "fragments" -> page[hdr + 7] = (byte) (page[hdr + 7] + 1);
            case "overlap" -> {
                if (nCell < 2) {
                    return false;
                }
                int other = Short.toUnsignedInt(b.getShort(ptr + 2));
                b.putShort(ptr, (short) (other + 1));
            }
            case "rowid order" -> {
                if (!table || nCell < 2) {
                    return false;
                }
                short first = b.getShort(ptr);
                b.putShort(ptr, b.getShort(ptr + 2));
                b.putShort(ptr + 2, first);
            }
            case "freeblock" -> b.putShort(hdr + 1, (short) (usable - 2));
            case "no cells" -> b.putShort(hdr + 3, (short) 0);
            case "pointer" -> b.putShort(ptr, (short) (hdr + 8 + 2 * nCell - 1));
            case "payload" -> {
                // a 3-byte payload-size varint where the cell's one-byte size was: the page cannot hold it
                int pc = Short.toUnsignedInt(b.getShort(ptr));
                if ((page[pc] & 0x80) != 0 || (page[pc + 1] & 0x80) != 0) {
                    return false;
                }
                page[pc] = (byte) 0x81;
                page[pc + 1] = (byte) 0x80;
            }
            default -> throw new IllegalArgumentException(damage);
        }
        return true;
    }

    /** Pages on the freelist: their stale bytes may look like a sound leaf, and the judge judges bytes only. */
    private static boolean isFreelistLeaf(Database d, long page) throws Exception {
        Set<Long> free = new HashSet<>();
        long trunk = d.header().firstFreelistTrunkPage();
        for (int guard = 0; trunk != 0 && guard < 1000; guard++) {
            free.add(trunk);
            ByteBuffer t = ByteBuffer.wrap(d.pages().read(trunk));
            int n = t.getInt(4);
            for (int i = 0; i < n; i++) {
                free.add(Integer.toUnsignedLong(t.getInt(8 + 4 * i)));
            }
            trunk = Integer.toUnsignedLong(t.getInt(0));
        }
        return free.contains(page);
    }

    /** Leaf pages with cells and no overflow page below them, as SQLite's dbstat table lists them. */
    private static Set<Long> soundLeavesPerSqlite(Path db) throws Exception {
        Set<Long> leaves = new TreeSet<>();
        // an overflow page's path is its leaf's path, then the cell number: /000/003+000001 is below leaf /000/
        Set<String> withOverflow = new HashSet<>();
        List<Object[]> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name, path, pageno, pagetype, ncell FROM dbstat")) {
            while (rs.next()) {
                String path = rs.getString(2);
                if (rs.getString(4).equals("overflow")) {
                    String cell = path.substring(0, path.indexOf('+'));
                    withOverflow.add(rs.getString(1) + " " + cell.substring(0, cell.lastIndexOf('/') + 1));
                }
                rows.add(new Object[]{rs.getString(1) + " " + path, rs.getLong(3), rs.getString(4), rs.getInt(5)});
            }
        }
        for (Object[] r : rows) {
            if (r[2].equals("leaf") && (int) r[3] > 0 && !withOverflow.contains((String) r[0])) {
                leaves.add((Long) r[1]);
            }
        }
        return leaves;
    }
}
