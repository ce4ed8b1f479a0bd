package dev.loupe.wal;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Versions SQLite does not use: frames after a checksum break ("ignored by SQLite") and frames after the last
 * commit frame ("uncommitted"). What is still committed, and the rows tracked there, are compared with SQLite
 * opening the same damaged WAL.
 */
class DamagedWalVersionsTest {

    @TempDir
    static Path tmp;

    static WalFixture.Pair pair;
    static List<Integer> commitFrames;

    @BeforeAll
    static void build() throws Exception {
        pair = WalFixture.build(tmp);
        commitFrames = WalFixture.commitFrames(pair.wal());
    }

    private static WalFixture.Pair withWal(String name, byte[] wal) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Path db = dir.resolve("w.db");
        Files.copy(pair.db(), db);
        Files.write(dir.resolve("w.db-wal"), wal);
        return new WalFixture.Pair(db, dir.resolve("w.db-wal"));
    }

    @Test
    void framesFromAChecksumBreakOnAreIgnoredAndRowsMatchSqlite() throws Exception {
        byte[] w = Files.readAllBytes(pair.wal());
        int frameSize = 24 + WalFixture.PAGE_SIZE;
        int broken = commitFrames.get(13) + 1; // first frame of commit 15
        w[32 + (broken - 1) * frameSize + 24 + 500] ^= 0x5a;
        WalFixture.Pair damaged = withWal("checksum", w);
        Map<Long, List<Object>> sqlite = WalFixture.rowsAt(damaged, w.length / frameSize + 1, "t", tmp);
        Map<Long, List<Object>> atCommit14 = WalFixture.rowsAt(pair, commitFrames.get(13), "t", tmp);
        assertThat(sqlite.keySet()).isEqualTo(atCommit14.keySet()); // SQLite dropped commits 15.. too
        try (WalInput in = WalInput.open(damaged.db(), damaged.wal())) {
            assertThat(in.commits()).hasSize(14);
            int frames = in.wal().frames().size();
            for (int f = 1; f <= frames; f++) {
                assertThat(in.statusOf(f)).as("frame " + f)
                        .isEqualTo(f < broken ? VersionStatus.COMMITTED : VersionStatus.IGNORED);
            }
            long page = in.frameVersion(broken).page();
            PageHistory h = PageHistories.of(in, page);
            assertThat(h.versions()).anyMatch(e -> e.version().frame() == broken
                    && e.version().status() == VersionStatus.IGNORED && e.version().commit() == 0);
            RowTracker tracker = new RowTracker(in);
            for (long rowid : List.of(4L, 12L, 16L, 20L, 24L, -1006L)) {
                RowVersion v = tracker.track("t", rowid).at(14);
                List<Object> expected = sqlite.get(rowid);
                if (expected == null) {
                    assertThat(v.state()).isNotEqualTo(RowState.PRESENT);
                } else {
                    assertThat(v.state()).as("rowid " + rowid).isEqualTo(RowState.PRESENT);
                    assertThat(WalFixture.javaValues(v.values())).isEqualTo(WalFixture.normalize(expected));
                }
            }
        }
    }

    @Test
    void framesAfterTheLastCommitFrameAreUncommitted() throws Exception {
        byte[] w = Files.readAllBytes(pair.wal());
        int frameSize = 24 + WalFixture.PAGE_SIZE;
        int k = -1;
        for (int i = 1; i < commitFrames.size(); i++) {
            if (commitFrames.get(i) - commitFrames.get(i - 1) >= 2) {
                k = i; // commit i+1 has at least two frames
                break;
            }
        }
        assertThat(k).isPositive();
        int lastKept = commitFrames.get(k - 1) + 1; // commit k's frames, then one frame of commit k+1
        WalFixture.Pair cut = withWal("cut", Arrays.copyOf(w, 32 + lastKept * frameSize));
        try (WalInput in = WalInput.open(cut.db(), cut.wal())) {
            assertThat(in.commits()).hasSize(k);
            assertThat(in.statusOf(lastKept)).isEqualTo(VersionStatus.UNCOMMITTED);
            assertThat(in.frameVersion(lastKept).commit()).isZero();
            assertThat(in.statusOf(lastKept - 1)).isEqualTo(VersionStatus.COMMITTED);
            // SQLite uses exactly the committed frames: its rows equal ours at the last commit
            Map<Long, List<Object>> sqlite = WalFixture.rowsAt(cut, lastKept, "t", tmp);
            Map<Long, List<Object>> committed = WalFixture.rowsAt(pair, commitFrames.get(k - 1), "t", tmp);
            assertThat(sqlite.keySet()).isEqualTo(committed.keySet());
        }
    }
}
