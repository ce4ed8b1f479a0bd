package dev.loupe.format.wal;

import dev.loupe.format.BigEndian;
import dev.loupe.format.Problem;
import dev.loupe.format.ProblemKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import static dev.loupe.format.wal.WalViews.assertSameDatabase;
import static dev.loupe.format.wal.WalViews.image;
import static dev.loupe.format.wal.WalViews.readWal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** WalFile and WalPageSource against what SQLite 3.54 recovers and checkpoints from the same files. */
class WalFileTest {

    @TempDir
    static Path dir;

    static SqliteWal.Pair pair;
    static byte[] walBytes;

    @BeforeAll
    static void build() throws Exception {
        pair = SqliteWal.build(dir, 4096, 30, 42);
        walBytes = Files.readAllBytes(pair.wal());
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 4096, 65536})
    void fullWalEqualsSqliteCheckpoint(int pageSize) throws Exception {
        SqliteWal.Pair p = SqliteWal.build(dir, pageSize, 25, pageSize);
        WalFile wal = readWal(p.wal());
        SqliteWal.Checkpointed sqlite = SqliteWal.checkpoint(p.db(), p.wal(), dir);

        assertThat(wal.problems()).isEmpty();
        assertThat(wal.headerUsable()).isTrue();
        assertThat(wal.pageSize()).isEqualTo(pageSize);
        assertThat(wal.commits()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(wal.validFrameCount()).isEqualTo(sqlite.log()).isEqualTo(wal.frames().size());
        assertThat(wal.frames()).allMatch(WalFrame::valid).allMatch(WalFrame::saltOk).allMatch(WalFrame::checksumOk);
        byte[] ours = image(p.db(), p.wal(), pageSize, WalPageSource.latestCommit(wal));
        assertSameDatabase(ours, sqlite.db(), pageSize, "latest commit");
    }

    @Test
    void everyCommitEqualsSqliteCheckpointOfTheWalCutAfterIt() throws Exception {
        WalFile wal = readWal(pair.wal());
        int frameSize = 4096 + 24;
        for (int k = 0; k <= wal.commits().size(); k++) {
            int lastFrame = k == 0 ? 0 : wal.commits().get(k - 1).lastFrame();
            byte[] cut = Arrays.copyOf(walBytes, 32 + lastFrame * frameSize);
            Path cutWal = SqliteWal.write(dir, "w.db-wal", cut);
            SqliteWal.Checkpointed sqlite = SqliteWal.checkpoint(pair.db(), cutWal, dir);

            assertThat(sqlite.log()).as("SQLite's mxFrame for commit %d", k).isEqualTo(lastFrame);
            assertThat(readWal(cutWal).validFrameCount()).isEqualTo(lastFrame);
            byte[] ours = image(pair.db(), pair.wal(), 4096, k);
            assertSameDatabase(ours, sqlite.db(), 4096, "commit " + k);
        }
    }

    @Test
    void commitsPartitionTheValidFrames() throws Exception {
        WalFile wal = readWal(pair.wal());
        int expectedFirst = 1;
        for (WalCommit c : wal.commits()) {
            assertThat(c.firstFrame()).isEqualTo(expectedFirst);
            WalFrame last = wal.frames().get(c.lastFrame() - 1);
            assertThat(last.isCommitFrame()).isTrue();
            assertThat(c.databaseSize()).isEqualTo(last.commitSize());
            long[] pages = wal.frames().subList(c.firstFrame() - 1, c.lastFrame()).stream()
                    .mapToLong(WalFrame::pageNumber).distinct().sorted().toArray();
            assertThat(c.pages()).containsExactly(pages);
            for (int i = c.firstFrame(); i <= c.lastFrame(); i++) {
                assertThat(wal.frames().get(i - 1).commit()).isEqualTo(c.number());
            }
            expectedFirst = c.lastFrame() + 1;
        }
    }

    /** Flips, damaged salts and torn frames, in the middle and at the end: SQLite's recovery is the judge. */
    @ParameterizedTest
    @ValueSource(strings = {"data-middle", "data-end", "salt-middle", "salt-end", "torn-middle", "torn-end",
            "pgno0-middle", "commit-frame-middle"})
    void damageIsJudgedAsSqliteJudgesIt(String damage) throws Exception {
        WalFile intact = readWal(pair.wal());
        int frameSize = 4096 + 24;
        int n = intact.frames().size();
        WalCommit middle = intact.commits().get(intact.commits().size() / 2);
        String kind = damage.substring(0, damage.indexOf('-'));
        int frame = kind.equals("commit") ? middle.lastFrame() : damage.endsWith("end") ? n : middle.firstFrame();
        int at = 32 + (frame - 1) * frameSize;
        byte[] b = walBytes.clone();
        switch (kind) {
            case "data" -> b[at + 24 + 1000] ^= 0x01;
            case "salt" -> b[at + 9] ^= 0x40;
            case "torn" -> b = Arrays.copyOf(b, at + 24 + 2000);
            case "pgno0" -> BigEndian.putU32(b, at, 0);
            case "commit" -> b[at + 24 + 4000] ^= (byte) 0x80;
            default -> throw new IllegalArgumentException(damage);
        }
        Path damaged = SqliteWal.write(dir, "w.db-wal", b);
        WalFile wal = readWal(damaged);
        SqliteWal.Checkpointed sqlite = SqliteWal.checkpoint(pair.db(), damaged, dir);

        int expectedValid = intact.commits().stream().filter(c -> c.lastFrame() < frame)
                .mapToInt(WalCommit::lastFrame).max().orElse(0);
        assertThat(sqlite.log()).as("SQLite's mxFrame").isEqualTo(expectedValid);
        assertThat(wal.validFrameCount()).isEqualTo(sqlite.log());
        assertSameDatabase(image(pair.db(), damaged, 4096, WalPageSource.latestCommit(wal)), sqlite.db(), 4096,
                damage);
        String expectedProblem = switch (kind) {
            case "data", "commit" -> "checksum break at frame " + frame + ": frames " + frame + ".." + n
                    + " ignored";
            case "salt" -> "salt mismatch at frame " + frame + ": frames " + frame + ".." + n + " ignored";
            case "torn" -> "partial frame at the end";
            default -> "page number 0 at frame " + frame;
        };
        assertThat(wal.problems()).extracting(Problem::message).anyMatch(m -> m.startsWith(expectedProblem));
        if (damage.endsWith("middle") && !damage.startsWith("torn")) {
            int lost = intact.commits().size() - wal.commits().size();
            // the lost commits' frames start right after the last commit SQLite keeps
            int firstLost = wal.commits().isEmpty() ? 1 : wal.commits().get(wal.commits().size() - 1).lastFrame() + 1;
            int lastLost = intact.commits().get(intact.commits().size() - 1).lastFrame();
            assertThat(wal.problems()).extracting(Problem::message).anyMatch(m -> m.contains(
                    " committed frames (frames " + firstLost + ".." + lastLost + ", commits "
                            + (wal.commits().size() + 1) + ".." + intact.commits().size() + ")"))
                    .as("%d commits lost", lost);
        }
        if (damage.startsWith("data") || damage.startsWith("commit")) {
            // Only the damaged frame fails its own link; the ones after it chain from its stored checksum.
            assertThat(wal.frames()).filteredOn(f -> !f.checksumOk()).extracting(WalFrame::index)
                    .containsExactly(frame);
        }
    }

    @Test
    void framesAfterTheLastCommitAreReported() throws Exception {
        WalFile intact = readWal(pair.wal());
        // Clear the last frame's commit flag: its transaction never committed. The checksum covers the commit
        // field, so rewrite the chain from there the way SQLite writes it.
        byte[] b = walBytes.clone();
        int frameSize = 4096 + 24;
        WalCommit last = intact.commits().get(intact.commits().size() - 1);
        int at = 32 + (last.lastFrame() - 1) * frameSize;
        BigEndian.putU32(b, at + 4, 0);
        WalRewrite.rechain(b, false);
        Path cut = SqliteWal.write(dir, "w.db-wal", b);
        WalFile wal = readWal(cut);
        SqliteWal.Checkpointed sqlite = SqliteWal.checkpoint(pair.db(), cut, dir);

        int previousCommitFrame = intact.commits().get(intact.commits().size() - 2).lastFrame();
        assertThat(sqlite.log()).isEqualTo(previousCommitFrame);
        assertThat(wal.validFrameCount()).isEqualTo(previousCommitFrame);
        int trailing = last.lastFrame() - previousCommitFrame;
        assertThat(wal.problems()).extracting(Problem::kind, Problem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ProblemKind.WAL_TRAILING_FRAMES, trailing
                        + " frames after the last commit frame are ignored (frames " + (previousCommitFrame + 1)
                        + ".." + last.lastFrame() + ": a transaction that never committed)"));
        assertSameDatabase(image(pair.db(), cut, 4096, WalPageSource.latestCommit(wal)), sqlite.db(), 4096,
                "trailing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"header-checksum", "magic", "page-size"})
    void aBadHeaderMakesSqliteIgnoreTheWholeWal(String damage) throws Exception {
        byte[] b = walBytes.clone();
        switch (damage) {
            case "header-checksum" -> b[17] ^= 0x01; // salt-1 changes, the stored checksum no longer holds
            case "magic" -> {
                BigEndian.putU32(b, 0, 0x377f0684L);
                WalRewrite.rechain(b, false);
            }
            default -> {
                BigEndian.putU32(b, 8, 3000);
                WalRewrite.rechainHeaderOnly(b, false);
            }
        }
        Path bad = SqliteWal.write(dir, "w.db-wal", b);
        WalFile wal = readWal(bad);
        SqliteWal.Checkpointed sqlite = SqliteWal.checkpoint(pair.db(), bad, dir);

        assertThat(sqlite.log()).isZero();
        assertThat(wal.headerUsable()).isFalse();
        assertThat(wal.validFrameCount()).isZero();
        assertThat(wal.commits()).isEmpty();
        assertThat(wal.problems()).extracting(Problem::message)
                .anyMatch(m -> m.startsWith("bad " + damage.replace('-', ' ')) && m.endsWith(
                        "the whole WAL is ignored"));
        byte[] dbFile = Files.readAllBytes(pair.db());
        assertThat(sqlite.db()).isEqualTo(dbFile);
        assertSameDatabase(image(pair.db(), bad, 4096, 0), sqlite.db(), 4096, damage);
    }

    @Test
    void aBadVersionUnderAGoodChecksumMakesSqliteRefuseTheDatabase() throws Exception {
        byte[] b = walBytes.clone();
        BigEndian.putU32(b, 4, 3007001);
        WalRewrite.rechain(b, false);
        Path bad = SqliteWal.write(dir, "w.db-wal", b);
        WalFile wal = readWal(bad);

        assertThatThrownBy(() -> SqliteWal.checkpoint(pair.db(), bad, dir)).isInstanceOf(SQLException.class)
                .hasMessageContaining("SQLITE_CANTOPEN");
        assertThat(wal.headerUsable()).isFalse();
        assertThat(wal.validFrameCount()).isZero();
        assertThat(wal.problems()).extracting(Problem::message).containsExactly("bad version 3007001 (expected"
                + " 3007000) under a valid header checksum: SQLite refuses to open the database while this WAL"
                + " exists (SQLITE_CANTOPEN)");
    }

    @Test
    void rechainingWithOurChecksumReproducesSqlitesBytes() {
        byte[] b = walBytes.clone();
        WalRewrite.rechain(b, false);
        assertThat(b).isEqualTo(walBytes);
    }

    @Test
    void aBigEndianChecksumWalIsAcceptedBySqliteAndByUs() throws Exception {
        byte[] b = walBytes.clone();
        BigEndian.putU32(b, 0, WalHeader.MAGIC_BE);
        WalRewrite.rechain(b, true);
        Path be = SqliteWal.write(dir, "w.db-wal", b);
        WalFile wal = readWal(be);
        SqliteWal.Checkpointed sqlite = SqliteWal.checkpoint(pair.db(), be, dir);
        WalFile intact = readWal(pair.wal());

        assertThat(wal.header().orElseThrow().bigEndianChecksum()).isTrue();
        assertThat(wal.problems()).isEmpty();
        assertThat(wal.validFrameCount()).isEqualTo(sqlite.log()).isEqualTo(intact.validFrameCount());
        assertSameDatabase(image(pair.db(), be, 4096, WalPageSource.latestCommit(wal)), sqlite.db(), 4096,
                "big-endian");
    }

    @Test
    void shortFiles() throws Exception {
        WalFile empty = readWal(SqliteWal.write(dir, "w.db-wal", new byte[0]));
        assertThat(empty.header()).isEmpty();
        assertThat(empty.problems()).isEmpty();
        assertThat(empty.frames()).isEmpty();

        WalFile tiny = readWal(SqliteWal.write(dir, "w.db-wal", Arrays.copyOf(walBytes, 10)));
        assertThat(tiny.header()).isEmpty();
        assertThat(tiny.problems()).extracting(Problem::kind).containsExactly(ProblemKind.FILE_TRUNCATED);

        WalFile headerOnly = readWal(SqliteWal.write(dir, "w.db-wal", Arrays.copyOf(walBytes, 32)));
        assertThat(headerOnly.header()).isPresent();
        assertThat(headerOnly.problems()).isEmpty();
        assertThat(headerOnly.frames()).isEmpty();
        assertThat(headerOnly.validFrameCount()).isZero();
    }

    /**
     * Pages within the commit's database size that neither a frame nor the (here truncated) database file supplies:
     * SQLite's checkpoint leaves them zero, and so do we.
     */
    @Test
    void pagesPastTheDatabaseFileEndThatNoFrameSuppliesAreZeros() throws Exception {
        Path work = Files.createDirectories(dir.resolve("zeros"));
        Path db = work.resolve("z.db");
        SqliteWal.Pair p;
        try (var c = SqliteWal.open(db); var s = c.createStatement()) {
            s.execute("PRAGMA page_size=4096");
            for (int i = 1; i <= 4; i++) {
                s.execute("CREATE TABLE v" + i + "(x)");
                s.execute("INSERT INTO v" + i + " VALUES (" + i + ")");
            }
            s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, a TEXT, b BLOB)");
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA wal_autocheckpoint=0");
            SqliteWal.insertRows(c, 50, 500, new java.util.Random(1));
            p = SqliteWal.copyAside(db, work, 4096);
        }
        byte[] full = Files.readAllBytes(p.db());
        Path truncated = SqliteWal.write(dir, "z.db", Arrays.copyOf(full, 2 * 4096));
        WalFile wal = readWal(p.wal());
        SqliteWal.Checkpointed sqlite = SqliteWal.checkpoint(truncated, p.wal(), dir);

        byte[] ours = image(truncated, p.wal(), 4096, WalPageSource.latestCommit(wal));
        assertSameDatabase(ours, sqlite.db(), 4096, "truncated database file");
        assertThat(Arrays.copyOfRange(ours, 2 * 4096, 3 * 4096)).as("page 3, the root of v2").containsOnly(0);
    }

    @Test
    void walPageSourceSaysWhereEachPageComesFrom() throws Exception {
        WalFile wal = readWal(pair.wal());
        int latest = WalPageSource.latestCommit(wal);
        try (var dbFile = dev.loupe.format.page.ReadOnlyFile.open(pair.db());
             var walFile = dev.loupe.format.page.ReadOnlyFile.open(pair.wal())) {
            var db = new dev.loupe.format.page.FilePageSource(dbFile, 4096, false);
            WalPageSource view = new WalPageSource(db, wal, walFile, latest);
            List<WalFrame> frames = wal.frames();
            for (long p = 1; p <= view.pageCount(); p++) {
                long expected = 0;
                for (WalFrame f : frames) {
                    if (f.pageNumber() == p && f.index() <= wal.validFrameCount()) {
                        expected = f.index();
                    }
                }
                assertThat(view.frameFor(p)).as("page %d", p).isEqualTo(expected);
            }
            assertThat(view.read(0)).isNull();
            assertThat(view.read(view.pageCount() + 1)).isNull();
            assertThat(view.describe()).contains("WAL commit " + latest);
            assertThatThrownBy(() -> new WalPageSource(db, wal, walFile, latest + 1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
