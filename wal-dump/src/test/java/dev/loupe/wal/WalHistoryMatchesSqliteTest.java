package dev.loupe.wal;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Page history, page diff and row tracking on a WAL of 24 commits written by SQLite, compared with what SQLite
 * returns when the WAL is cut after each commit and with the frames read straight from the WAL's bytes.
 */
class WalHistoryMatchesSqliteTest {

    @TempDir
    static Path tmp;

    static WalFixture.Pair pair;
    static List<Integer> commitFrames;
    /** SQLite's rows of t at each commit K (index K; 0 = the database file alone). */
    static List<Map<Long, List<Object>>> sqliteRows;

    @BeforeAll
    static void build() throws Exception {
        pair = WalFixture.build(tmp);
        commitFrames = WalFixture.commitFrames(pair.wal());
        sqliteRows = new ArrayList<>();
        sqliteRows.add(WalFixture.rowsAt(pair, 0, "t", tmp));
        for (int last : commitFrames) {
            sqliteRows.add(WalFixture.rowsAt(pair, last, "t", tmp));
        }
    }

    @Test
    void theWalHasAtLeastTwentyCommitsAndWeSeeTheSameOnes() throws Exception {
        try (WalInput in = WalInput.open(pair.db(), pair.wal())) {
            assertThat(commitFrames).hasSizeGreaterThanOrEqualTo(20);
            assertThat(in.commits()).extracting(c -> c.lastFrame()).containsExactlyElementsOf(commitFrames);
        }
    }

    @Test
    void trackGivesSqlitesRowAtEveryCommit() throws Exception {
        Set<Long> rowids = new TreeSet<>(List.of(1L, 3L, 4L, 5L, 8L, 9L, 12L, 15L, 16L, 18L, 27L, 40L, 60L, 90L,
                -1006L, -1014L, -1022L, 123456L));
        try (WalInput in = WalInput.open(pair.db(), pair.wal())) {
            RowTracker tracker = new RowTracker(in);
            for (long rowid : rowids) {
                RowTrack track = tracker.track("t", rowid);
                assertThat(track.refusal()).isNull();
                boolean seen = false;
                for (int k = 0; k < sqliteRows.size(); k++) {
                    RowVersion v = track.at(k);
                    List<Object> expected = sqliteRows.get(k).get(rowid);
                    String what = "rowid " + rowid + " at commit " + k;
                    if (expected == null) {
                        assertThat(v.state()).as(what).isEqualTo(seen ? RowState.DELETED : RowState.ABSENT);
                        continue;
                    }
                    seen = true;
                    assertThat(v.state()).as(what).isEqualTo(RowState.PRESENT);
                    assertThat(WalFixture.javaValues(v.values())).as(what).isEqualTo(WalFixture.normalize(expected));
                }
                if (rowid == 123456L) {
                    assertThat(track.rowSeen()).isFalse();
                    assertThat(track.versions()).hasSize(1);
                }
            }
        }
    }

    @Test
    void trackRecordsAVersionExactlyWhereSqlitesRowChanged() throws Exception {
        try (WalInput in = WalInput.open(pair.db(), pair.wal())) {
            for (long rowid : List.of(4L, 8L, 12L, 16L)) {
                RowTrack track = new RowTracker(in).track("t", rowid);
                Set<Integer> valueChanges = new HashSet<>();
                for (int k = 1; k < sqliteRows.size(); k++) {
                    if (!java.util.Objects.equals(WalFixture.norm(sqliteRows.get(k - 1).get(rowid)),
                            WalFixture.norm(sqliteRows.get(k).get(rowid)))) {
                        valueChanges.add(k);
                    }
                }
                Set<Integer> recorded = new HashSet<>();
                for (int i = 1; i < track.versions().size(); i++) {
                    RowVersion a = track.versions().get(i - 1);
                    RowVersion b = track.versions().get(i);
                    if (!a.values().equals(b.values()) || a.state() != b.state()) {
                        recorded.add(b.commit());
                    }
                }
                assertThat(recorded).as("rowid " + rowid).isEqualTo(valueChanges).isNotEmpty();
                assertThat(track.evaluated()).isLessThanOrEqualTo(sqliteRows.size());
            }
        }
    }

    @Test
    void historyHoldsTheDatabaseImageAndEveryFrameOfThePage() throws Exception {
        long[] framePages = WalFixture.framePages(pair.wal());
        long dbPages = Files.size(pair.db()) / WalFixture.PAGE_SIZE;
        boolean splitInWal = false;
        try (WalInput in = WalInput.open(pair.db(), pair.wal())) {
            assertThat(in.largestPage()).isGreaterThan(dbPages);
            for (long p = 1; p <= in.largestPage(); p++) {
                PageHistory h = PageHistories.of(in, p);
                List<Integer> expected = new ArrayList<>();
                if (p <= dbPages) {
                    expected.add(0);
                }
                for (int f = 0; f < framePages.length; f++) {
                    if (framePages[f] == p) {
                        expected.add(f + 1);
                    }
                }
                assertThat(h.versions()).as("page " + p).extracting(e -> e.version().frame())
                        .containsExactlyElementsOf(expected);
                for (PageHistory.Entry e : h.versions()) {
                    PageVersion v = e.version();
                    byte[] image = v.isDatabaseFile() ? dbPage(p) : WalFixture.frameImage(pair.wal(), v.frame());
                    assertThat(in.read(v)).as(v.label()).isEqualTo(image);
                    assertThat(v.status()).isEqualTo(v.isDatabaseFile() ? VersionStatus.DATABASE_FILE
                            : VersionStatus.COMMITTED);
                    if (!v.isDatabaseFile()) {
                        assertThat(commitFrames.get(v.commit() - 1)).isGreaterThanOrEqualTo(v.frame());
                        assertThat(v.commit() == 1 || commitFrames.get(v.commit() - 2) < v.frame()).isTrue();
                    }
                }
                assertThat(h.versions().isEmpty() || h.versions().get(0).change() == null).isTrue();
                splitInWal |= h.versions().stream().anyMatch(e -> !e.version().isDatabaseFile()
                        && e.summary().type() == dev.loupe.format.btree.PageType.TABLE_INTERIOR
                        && e.change() != null && e.change().added() > 0);
            }
        }
        assertThat(splitInWal).as("a page split in the WAL adds a divider to an interior page").isTrue();
    }

    @Test
    void diffListsExactlyTheRowidsWhoseCellsDifferAndSqliteAgrees() throws Exception {
        int diffs = 0;
        int changedRows = 0;
        try (WalInput in = WalInput.open(pair.db(), pair.wal())) {
            PageDiffer differ = new PageDiffer(in);
            for (long p = 2; p <= in.largestPage(); p++) {
                List<PageVersion> versions = PageHistories.versions(in, p);
                for (int i = 1; i < versions.size(); i++) {
                    for (PageVersion a : List.of(versions.get(i - 1), versions.get(0))) {
                        PageVersion b = versions.get(i);
                        if (a.equals(b)) {
                            continue;
                        }
                        byte[] ia = in.read(a);
                        byte[] ib = in.read(b);
                        PageDiff d = differ.diff(a, b);
                        checkByteRanges(d, ia, ib);
                        if (ia[0] != 13 || ib[0] != 13) {
                            continue;
                        }
                        diffs++;
                        Map<Long, byte[]> ca = tableLeafCells(ia);
                        Map<Long, byte[]> cb = tableLeafCells(ib);
                        Set<Long> added = new TreeSet<>(cb.keySet());
                        added.removeAll(ca.keySet());
                        Set<Long> removed = new TreeSet<>(ca.keySet());
                        removed.removeAll(cb.keySet());
                        Set<Long> changed = new TreeSet<>();
                        for (long r : ca.keySet()) {
                            if (cb.containsKey(r) && !Arrays.equals(ca.get(r), cb.get(r))) {
                                changed.add(r);
                            }
                        }
                        String what = "page " + p + " " + a.label() + " -> " + b.label();
                        assertThat(d.cellLevel()).as(what).isTrue();
                        assertThat(rowids(d, CellChange.Kind.ADDED)).as(what + " added").isEqualTo(added);
                        assertThat(rowids(d, CellChange.Kind.REMOVED)).as(what + " removed").isEqualTo(removed);
                        assertThat(rowids(d, CellChange.Kind.CHANGED)).as(what + " changed").isEqualTo(changed);
                        changedRows += changed.size();
                        // SQLite: a row on both versions has other values at the two commits iff its cell changed
                        if (isTableT(in, b)) {
                            Map<Long, List<Object>> ra = sqliteRows.get(a.commit());
                            Map<Long, List<Object>> rb = sqliteRows.get(b.commit());
                            for (long r : ca.keySet()) {
                                if (cb.containsKey(r) && ra.containsKey(r) && rb.containsKey(r)) {
                                    boolean differ2 = !WalFixture.norm(ra.get(r)).equals(WalFixture.norm(rb.get(r)));
                                    assertThat(differ2).as(what + " rowid " + r + " in SQLite")
                                            .isEqualTo(changed.contains(r));
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(diffs).isGreaterThan(20);
        assertThat(changedRows).isGreaterThan(5);
    }

    /** Whether version {@code v} is a page of table t at its commit (not a page of sqlite_schema or a freed page). */
    private static boolean isTableT(WalInput in, PageVersion v) throws Exception {
        try (var db = in.openDatabase(v.commit())) {
            var map = dev.loupe.format.map.PageMap.build(db);
            var owner = map.owner(v.page());
            return owner != null && "t".equals(owner.name());
        }
    }

    private static void checkByteRanges(PageDiff d, byte[] a, byte[] b) {
        int differing = 0;
        for (int i = 0; i < a.length; i++) {
            differing += a[i] != b[i] ? 1 : 0;
        }
        assertThat(d.changedBytes()).isEqualTo(differing);
        if (!d.cellLevel() && d.byteRangeCount() <= PageDiff.MAX_RANGES) {
            int covered = 0;
            for (ByteRange r : d.byteRanges()) {
                for (int i = r.offset(); i < r.end(); i++) {
                    assertThat(a[i]).isNotEqualTo(b[i]);
                }
                covered += r.length();
            }
            assertThat(covered).isEqualTo(differing);
        }
    }

    private static Set<Long> rowids(PageDiff d, CellChange.Kind kind) {
        Set<Long> out = new TreeSet<>();
        for (CellChange c : d.ofKind(kind)) {
            out.add(c.key().rowid());
        }
        return out;
    }

    /**
     * Table-leaf cells decoded here from the bytes (fileformat2 §1.6), independent of the reader: rowid to the
     * cell's bytes (payload size, rowid, local payload, overflow pointer).
     */
    private static Map<Long, byte[]> tableLeafCells(byte[] page) {
        int u = page.length;
        int n = ((page[3] & 0xff) << 8) | (page[4] & 0xff);
        Map<Long, byte[]> out = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int ptr = ((page[8 + 2 * i] & 0xff) << 8) | (page[9 + 2 * i] & 0xff);
            long[] v = varint(page, ptr);
            long payload = v[0];
            long[] r = varint(page, ptr + (int) v[1]);
            int header = (int) (v[1] + r[1]);
            int x = u - 35;
            int m = ((u - 12) * 32 / 255) - 23;
            int k = (int) (m + ((payload - m) % (u - 4)));
            int local = payload <= x ? (int) payload : k <= x ? k : m;
            int size = header + local + (payload > local ? 4 : 0);
            out.put(r[0], Arrays.copyOfRange(page, ptr, ptr + size));
        }
        return out;
    }

    private static long[] varint(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 9; i++) {
            int x = b[off + i] & 0xff;
            if (i == 8) {
                return new long[] {(v << 8) | x, 9};
            }
            v = (v << 7) | (x & 0x7f);
            if ((x & 0x80) == 0) {
                return new long[] {v, i + 1};
            }
        }
        throw new IllegalStateException();
    }

    private byte[] dbPage(long p) throws Exception {
        byte[] all = Files.readAllBytes(pair.db());
        return Arrays.copyOfRange(all, (int) ((p - 1) * WalFixture.PAGE_SIZE), (int) (p * WalFixture.PAGE_SIZE));
    }
}
