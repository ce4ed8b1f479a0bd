package dev.loupe.wal;

import dev.loupe.format.BigEndian;
import dev.loupe.format.wal.WalCommit;
import dev.loupe.format.wal.WalFile;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The summary's valid prefix and commits against SQLite's own recovery: SQLite checkpoints a copy of the pair and
 * reports mxFrame ("log"); the database it leaves must be the one it leaves from the WAL cut after our last valid
 * commit, and, when we say committed frames are dropped, differ from the one the intact WAL up to them gives.
 */
class WalSummaryMatchesSqliteTest {

    @TempDir
    Path dir;

    private WalSummary summary(byte[] wal) throws Exception {
        return WalSummary.of(SqliteOracle.read(wal, dir), Optional.empty());
    }

    /** SQLite uses exactly our valid prefix: same mxFrame, same checkpointed database as the WAL cut there. */
    private void assertSqliteUsesOurPrefix(Sample sample, byte[] wal, WalSummary s) throws Exception {
        byte[] db = Samples.bytes(sample);
        SqliteOracle.Checkpointed damaged = SqliteOracle.checkpoint(dir, db, wal);
        assertThat(damaged.log()).as("SQLite's mxFrame").isEqualTo(s.validFrames());
        SqliteOracle.Checkpointed cut = SqliteOracle.checkpoint(dir, db, SqliteOracle.cut(wal, s.validFrames()));
        assertThat(damaged.db()).as("SQLite's database = the WAL cut after our last valid commit").isEqualTo(cut.db());
    }

    /** The dropped commits were real: the intact WAL up to the last dropped commit gives another database. */
    private void assertDroppedCommitsChangeTheDatabase(Sample sample, byte[] intact, LostCommits lost)
            throws Exception {
        byte[] db = Samples.bytes(sample);
        SqliteOracle.Checkpointed upToLost = SqliteOracle.checkpoint(dir, db, SqliteOracle.cut(intact,
                lost.lastFrame()));
        SqliteOracle.Checkpointed before = SqliteOracle.checkpoint(dir, db, SqliteOracle.cut(intact,
                lost.firstFrame() - 1));
        assertThat(upToLost.log()).isEqualTo(lost.lastFrame());
        assertThat(upToLost.db()).isNotEqualTo(before.db());
    }

    @ParameterizedTest
    @EnumSource(value = Sample.class, names = {"WAL", "WAL_BIGENDIAN", "WAL_65536"})
    void intactWalIsUsedWholeAndEachCommitHasSqlitesPageCount(Sample sample) throws Exception {
        byte[] wal = Samples.walBytes(sample);
        WalSummary s = summary(wal);
        assertThat(s.ignored()).isEmpty();
        assertThat(s.lostCommits()).isEmpty();
        assertThat(s.validFrames()).isEqualTo(s.frameCount());
        assertThat(s.rows()).allMatch(r -> r.status() == FrameStatus.VALID && r.commit() > 0);
        assertSqliteUsesOurPrefix(sample, wal, s);
        long commitFrames = s.rows().stream().filter(r -> r.frame().isCommitFrame()).count();
        assertThat(s.commitCount()).isEqualTo((int) commitFrames);
        for (WalCommit c : s.wal().commits()) {
            long sqlite = SqliteOracle.pageCount(dir, Samples.bytes(sample), SqliteOracle.cut(wal, c.lastFrame()));
            assertThat(c.databaseSize()).as("commit %d page_count", c.number()).isEqualTo(sqlite);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Sample.class, names = {"WAL", "WAL_BIGENDIAN", "WAL_65536"})
    void badChecksumInAMiddleFrameDropsEveryLaterCommit(Sample sample) throws Exception {
        byte[] intact = Samples.walBytes(sample);
        WalFile w = SqliteOracle.read(intact, dir);
        WalCommit middle = w.commits().get(w.commits().size() / 2);
        int frame = middle.lastFrame() > middle.firstFrame() ? middle.firstFrame() + 1 : middle.firstFrame();
        byte[] wal = intact.clone();
        wal[SqliteOracle.frameOffset(wal, frame) + 24 + 100] ^= 0x5a;
        WalSummary s = summary(wal);

        assertThat(s.breakFrame()).isEqualTo(frame);
        assertThat(s.commitCount()).isEqualTo(middle.number() - 1);
        assertThat(s.validFrames()).isEqualTo(middle.firstFrame() - 1);
        assertThat(s.ignored()).extracting(IgnoredFrames::reason).contains(IgnoreReason.CHECKSUM_BREAK);
        LostCommits lost = s.lostCommits().orElseThrow();
        assertThat(lost.firstCommit()).isEqualTo(middle.number());
        assertThat(lost.lastCommit()).isEqualTo(w.commits().size());
        assertThat(lost.firstFrame()).isEqualTo(middle.firstFrame());
        assertThat(lost.lastFrame()).isEqualTo(w.frames().size());
        assertThat(s.rows().get(frame - 1).status()).isEqualTo(FrameStatus.BREAK);
        assertThat(s.rows().get(frame - 1).lostCommit()).isEqualTo(middle.number());
        assertSqliteUsesOurPrefix(sample, wal, s);
        assertDroppedCommitsChangeTheDatabase(sample, intact, lost);
    }

    @ParameterizedTest
    @EnumSource(value = Sample.class, names = {"WAL", "WAL_BIGENDIAN", "WAL_65536"})
    void badSaltEndsTheWalThere(Sample sample) throws Exception {
        byte[] intact = Samples.walBytes(sample);
        WalFile w = SqliteOracle.read(intact, dir);
        WalCommit c = w.commits().get(w.commits().size() - 2);
        byte[] wal = intact.clone();
        int at = SqliteOracle.frameOffset(wal, c.firstFrame());
        BigEndian.putU32(wal, at + 8, BigEndian.u32(wal, at + 8) + 1);
        WalSummary s = summary(wal);

        assertThat(s.breakFrame()).isEqualTo(c.firstFrame());
        assertThat(s.ignored()).extracting(IgnoredFrames::reason).containsExactly(IgnoreReason.SALT_MISMATCH);
        assertThat(s.commitCount()).isEqualTo(c.number() - 1);
        // the frames after the bad one keep this WAL's salts: their commits are dropped (numbered from the first
        // commit frame with good salts; the bad frame itself is no commit of this WAL's)
        LostCommits lost = s.lostCommits().orElseThrow();
        assertThat(lost.firstCommit()).isEqualTo(c.number());
        assertThat(lost.lastCommit()).isEqualTo(w.commits().size() - (c.frameCount() == 1 ? 1 : 0));
        assertThat(lost.lastFrame()).isEqualTo(w.frames().size());
        assertSqliteUsesOurPrefix(sample, wal, s);
    }

    @ParameterizedTest
    @EnumSource(value = Sample.class, names = {"WAL", "WAL_BIGENDIAN", "WAL_65536"})
    void tornLastFrameLosesTheLastCommit(Sample sample) throws Exception {
        byte[] intact = Samples.walBytes(sample);
        WalFile w = SqliteOracle.read(intact, dir);
        int pageSize = w.pageSize();
        byte[] wal = java.util.Arrays.copyOf(intact, intact.length - pageSize / 2);
        WalSummary s = summary(wal);
        WalCommit last = w.commits().get(w.commits().size() - 1);

        assertThat(s.commitCount()).isEqualTo(w.commits().size() - 1);
        assertThat(s.frameCount()).isEqualTo(w.frames().size() - 1);
        assertThat(s.ignored()).extracting(IgnoredFrames::reason).contains(IgnoreReason.PARTIAL_FRAME);
        if (last.frameCount() > 1) {
            assertThat(s.ignored()).extracting(IgnoredFrames::reason).contains(IgnoreReason.AFTER_LAST_COMMIT);
        }
        assertThat(s.lostCommits()).isEmpty();
        assertSqliteUsesOurPrefix(sample, wal, s);
    }

    @ParameterizedTest
    @EnumSource(value = Sample.class, names = {"WAL", "WAL_BIGENDIAN", "WAL_65536"})
    void trailingUncommittedFramesAreIgnored(Sample sample) throws Exception {
        byte[] intact = Samples.walBytes(sample);
        WalFile w = SqliteOracle.read(intact, dir);
        WalCommit last = w.commits().get(w.commits().size() - 1);
        byte[] wal = intact.clone();
        BigEndian.putU32(wal, SqliteOracle.frameOffset(wal, last.lastFrame()) + 4, 0); // no longer a commit frame
        SqliteOracle.rechainFrom(wal, last.lastFrame());
        WalSummary s = summary(wal);

        assertThat(s.commitCount()).isEqualTo(w.commits().size() - 1);
        assertThat(s.ignored()).singleElement().satisfies(g -> {
            assertThat(g.reason()).isEqualTo(IgnoreReason.AFTER_LAST_COMMIT);
            assertThat(g.firstFrame()).isEqualTo(last.firstFrame());
            assertThat(g.lastFrame()).isEqualTo(last.lastFrame());
        });
        assertThat(s.rows().get(last.lastFrame() - 1).status()).isEqualTo(FrameStatus.UNCOMMITTED);
        assertSqliteUsesOurPrefix(sample, wal, s);
    }

    @ParameterizedTest
    @EnumSource(value = Sample.class, names = {"WAL", "WAL_BIGENDIAN", "WAL_65536"})
    void badHeaderIgnoresTheWholeWal(Sample sample) throws Exception {
        byte[] wal = Samples.walBytes(sample).clone();
        wal[25] ^= 1; // header checksum
        WalSummary s = summary(wal);

        assertThat(s.headerUsable()).isFalse();
        assertThat(s.validFrames()).isZero();
        assertThat(s.commitCount()).isZero();
        assertThat(s.ignored()).singleElement().satisfies(g -> {
            assertThat(g.reason()).isEqualTo(IgnoreReason.BAD_HEADER);
            assertThat(g.lastFrame()).isEqualTo(s.frameCount());
        });
        assertThat(s.rows()).allMatch(r -> r.status() == FrameStatus.BAD_HEADER);
        assertSqliteUsesOurPrefix(sample, wal, s);
        assertThat(SqliteOracle.checkpoint(dir, Samples.bytes(sample), wal).db())
                .isEqualTo(Samples.bytes(sample));
    }

    @ParameterizedTest
    @EnumSource(value = Sample.class, names = {"WAL"})
    void checksumBreakInTheLastCommitNamesOnlyIt(Sample sample) throws Exception {
        byte[] intact = Samples.walBytes(sample);
        WalFile w = SqliteOracle.read(intact, dir);
        WalCommit last = w.commits().get(w.commits().size() - 1);
        byte[] wal = intact.clone();
        wal[SqliteOracle.frameOffset(wal, last.lastFrame()) + 24 + 7] ^= 1;
        WalSummary s = summary(wal);
        assertThat(s.lostCommits()).contains(new LostCommits(last.number(), last.number(), last.firstFrame(),
                last.lastFrame()));
        assertThat(s.ignored()).extracting(IgnoredFrames::message).anyMatch(m -> m.contains("checksum break at frame "
                + last.lastFrame()) && m.contains("commits " + last.number() + ".." + last.number()));
        List<FrameRow> rows = s.rows();
        assertThat(rows.get(last.lastFrame() - 1).frame().checksumOk()).isFalse();
        assertSqliteUsesOurPrefix(sample, wal, s);
    }
}
