package dev.loupe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code loupe wal history|diff|track} on the WAL sample (29 uncheckpointed commits): text and JSON output, the
 * frames compared with the WAL's own bytes, tracked rows compared with SQLite on the WAL cut after each commit,
 * and one-line errors for bad input.
 */
class WalHistoryCommandsTest {

    @TempDir
    Path tmp;

    Path db;
    byte[] wal;

    @BeforeEach
    void copy() throws Exception {
        db = Samples.copyTo(Sample.WAL, tmp);
        wal = Files.readAllBytes(Path.of(db + "-wal"));
    }

    private int pageSize() {
        return (int) be32(wal, 8);
    }

    private static long be32(byte[] b, int off) {
        return ((b[off] & 0xffL) << 24) | ((b[off + 1] & 0xffL) << 16) | ((b[off + 2] & 0xffL) << 8) | (b[off + 3] & 0xffL);
    }

    /** Frames holding {@code page}, read from the WAL's frame headers. */
    private List<Integer> framesOf(long page) {
        int frameSize = 24 + pageSize();
        List<Integer> out = new ArrayList<>();
        for (int f = 1; 32 + (long) f * frameSize <= wal.length; f++) {
            if (be32(wal, 32 + (f - 1) * frameSize) == page) {
                out.add(f);
            }
        }
        return out;
    }

    @Test
    void historyTextListsTheDatabaseImageAndEveryFrame() {
        Cli r = Cli.run("wal", "history", db.toString(), "5");
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        List<Integer> frames = framesOf(5);
        assertThat(r.out()).startsWith("Page 5 of wal.db: " + (frames.size() + 1) + " versions (database file + "
                + frames.size() + " frames of wal.db-wal)");
        assertThat(r.out()).containsPattern("(?m)^db +- +table-leaf");
        for (int f : frames) {
            assertThat(r.out()).containsPattern("(?m)^frame " + f + " +\\d+ +table-leaf .*cells");
        }
        assertThat(r.out().lines()).allMatch(l -> l.length() <= 100);
    }

    @Test
    void historyJsonGivesTheFramesOfThePage() throws Exception {
        for (long page : List.of(1L, 3L, 4L, 18L)) {
            Cli r = Cli.run("wal", "history", "--format", "json", db + "-wal", Long.toString(page));
            assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
            JsonNode root = new ObjectMapper().readTree(r.out());
            List<Integer> frames = new ArrayList<>();
            for (JsonNode v : root.get("versions")) {
                if (v.get("frame").asInt() > 0) {
                    frames.add(v.get("frame").asInt());
                    assertThat(v.get("status").asText()).isEqualTo("committed");
                    assertThat(v.get("fileOffset").asLong()).isEqualTo(32 + (v.get("frame").asLong() - 1)
                            * (24 + pageSize()) + 24);
                }
            }
            assertThat(frames).as("page " + page).isEqualTo(framesOf(page));
            assertThat(root.get("versions").get(0).get("change").isNull()).isTrue();
        }
    }

    @Test
    void diffTextAndJsonNameTheChangedRows() throws Exception {
        Cli text = Cli.run("wal", "diff", db.toString(), "5", "30", "32");
        assertThat(text.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(text.out()).startsWith("Page 5: frame 30 (commit 9) -> frame 32 (commit 10)");
        assertThat(text.out()).contains("Cells: 0 added, 0 removed, 8 changed, 0 moved");
        assertThat(text.out()).containsPattern("changed +rowid 65 .*payload, moved");
        assertThat(text.out()).contains("Freeblocks: none -> 1 (20 bytes: 695+20)");

        Cli json = Cli.run("wal", "diff", "--format", "json", db.toString(), "5", "30", "32");
        JsonNode root = new ObjectMapper().readTree(json.out());
        List<Long> rowids = new ArrayList<>();
        root.get("cells").forEach(c -> rowids.add(c.get("rowid").asLong()));
        // SQLite: the accounts rows on that page whose values differ between commit 9 and commit 10
        List<Long> sqlite = new ArrayList<>();
        List<List<Object>> at9 = accountsAt(lastFrameOf(9));
        List<List<Object>> at10 = accountsAt(lastFrameOf(10));
        for (int i = 0; i < at9.size(); i++) {
            long id = (Long) at9.get(i).get(0);
            if (id >= 49 && id <= 80 && !at9.get(i).equals(at10.get(i))) {
                sqlite.add(id);
            }
        }
        assertThat(rowids).isEqualTo(sqlite).hasSize(8);
        assertThat(root.get("headerChanges").get(0).get("name").asText()).isEqualTo("firstFreeblock");
        assertThat(root.get("cellLevel").asBoolean()).isTrue();
    }

    @Test
    void trackJsonValuesAreSqlitesRowAtEachCommit() throws Exception {
        Cli r = Cli.run("wal", "track", "--format", "json", db.toString(), "accounts", "2");
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        JsonNode versions = new ObjectMapper().readTree(r.out()).get("versions");
        int commits = new ObjectMapper().readTree(r.out()).get("commits").asInt();
        assertThat(commits).isEqualTo(29);
        int v = 0;
        for (int k = 0; k <= commits; k++) {
            while (v + 1 < versions.size() && versions.get(v + 1).get("commit").asInt() <= k) {
                v++;
            }
            List<Object> expected = accountsAt(k == 0 ? 0 : lastFrameOf(k)).get(1);
            JsonNode values = versions.get(v).get("values");
            List<Object> ours = Arrays.asList(values.get(0).asLong(), values.get(1).asText(), values.get(2).asLong());
            assertThat(ours).as("commit " + k).isEqualTo(expected);
        }
        Cli text = Cli.run("wal", "track", db.toString(), "accounts", "2");
        assertThat(text.out()).startsWith("Row 2 of accounts across 29 commits of wal.db-wal");
        assertThat(text.out()).containsPattern("(?m)^0 +- +present +4 +1  2\\|'");
    }

    @Test
    void trackShowsAbsentPresentAndDeleted() {
        Cli r = Cli.run("wal", "track", db.toString(), "wal_only", "9");
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).containsPattern("(?m)^0 +- +no such table");
        assertThat(r.out()).containsPattern("(?m)^\\d+ +\\d+ +absent");
        assertThat(r.out()).containsPattern("(?m)^\\d+ +\\d+ +present");
        assertThat(r.out()).containsPattern("(?m)^\\d+ +\\d+ +deleted");
    }

    @Test
    void aDamagedFrameIsShownAsIgnoredAndDiffedByteByByte() throws Exception {
        int frameSize = 24 + pageSize();
        byte[] damaged = wal.clone();
        damaged[32 + 46 * frameSize + 24] = 0; // frame 47 (page 18): type byte 13 -> 0, checksum now wrong
        Files.write(Path.of(db + "-wal"), damaged);
        Cli h = Cli.run("wal", "history", db.toString(), "18");
        assertThat(h.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(h.out()).containsPattern("(?m)^frame 47 +ignored +type 0 ");
        assertThat(h.out()).containsPattern("(?m)^frame 50 +ignored +table-leaf ");
        assertThat(h.out()).contains("ignored: at or after a frame that breaks the WAL");
        Cli d = Cli.run("wal", "diff", db.toString(), "18", "47", "50");
        assertThat(d.out()).startsWith("Page 18: frame 47 (ignored by SQLite) -> frame 50 (ignored by SQLite)");
        assertThat(d.out()).contains("not a b-tree page (type byte 0) -> table-leaf");
        assertThat(d.out()).containsPattern("(?m)^  +0\\.\\.0 +1 byte$");
        JsonNode root = new ObjectMapper().readTree(Cli.run("wal", "diff", "--format", "json", db.toString(), "18",
                "47", "50").out());
        assertThat(root.get("cellLevel").asBoolean()).isFalse();
        assertThat(root.get("before").get("status").asText()).isEqualTo("ignored");
        int covered = 0;
        for (JsonNode r : root.get("byteRanges")) {
            covered += r.get("length").asInt();
        }
        assertThat(covered).isEqualTo(root.get("changedBytes").asInt());
    }

    @Test
    void badInputIsOneLineWithTheDocumentedCode() throws Exception {
        assertError(Cli.run("wal", "history", db.toString(), "0"), ExitCode.USAGE, "page 0 is out of range");
        assertError(Cli.run("wal", "history", db.toString(), "9999"), ExitCode.USAGE, "page 9999 is out of range");
        assertError(Cli.run("wal", "diff", db.toString(), "5", "30", "9999"), ExitCode.USAGE,
                "frame 9999 is out of range: wal.db-wal has frames 1..");
        assertError(Cli.run("wal", "diff", db.toString(), "5", "30", "31"), ExitCode.USAGE,
                "frame 31 holds page 4, not page 5; frames holding page 5: 30, 32");
        assertError(Cli.run("wal", "diff", db.toString(), "18", "db", "47"), ExitCode.USAGE,
                "the database file has no page 18");
        assertError(Cli.run("wal", "diff", db.toString(), "5", "x", "30"), ExitCode.USAGE,
                "A must be a frame number or db, not 'x'");
        assertError(Cli.run("wal", "track", db.toString(), "nope", "1"), ExitCode.USAGE,
                "no such table at any commit: nope (tables at the last commit: accounts, ledger, wal_only)");
        assertError(Cli.run("wal", "track", db.toString(), "accounts", "999"), ExitCode.USAGE,
                "rowid 999 is not in accounts at any commit (0..29)");
        assertError(Cli.run("wal", "history", "--wal", "ignore", db.toString(), "5"), ExitCode.USAGE,
                "--wal ignore makes no sense");
        assertError(Cli.run("wal", "history", tmp.resolve("none.db").toString(), "5"), ExitCode.UNREADABLE,
                "no such file");
        Files.delete(Path.of(db + "-wal"));
        assertError(Cli.run("wal", "track", db.toString(), "accounts", "1"), ExitCode.UNREADABLE, "no such WAL file");
    }

    private static void assertError(Cli r, int code, String message) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(code);
        assertThat(r.err()).startsWith("loupe: ").contains(message);
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
    }

    private int lastFrameOf(int commit) {
        int frameSize = 24 + pageSize();
        int seen = 0;
        for (int f = 1; 32 + (long) f * frameSize <= wal.length; f++) {
            if (be32(wal, 32 + (f - 1) * frameSize + 4) != 0 && ++seen == commit) {
                return f;
            }
        }
        throw new IllegalArgumentException("commit " + commit);
    }

    /** SQLite's accounts rows (id, owner, balance) with the WAL cut after frame {@code lastFrame} (0: no WAL). */
    private List<List<Object>> accountsAt(int lastFrame) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "cut");
        Path copy = dir.resolve("c.db");
        Files.copy(db, copy);
        if (lastFrame > 0) {
            Files.write(dir.resolve("c.db-wal"), Arrays.copyOf(wal, 32 + lastFrame * (24 + pageSize())));
        }
        List<List<Object>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT id, owner, balance FROM accounts ORDER BY id")) {
            while (r.next()) {
                rows.add(Arrays.asList(r.getLong(1), r.getString(2), r.getLong(3)));
            }
        }
        return rows;
    }
}
