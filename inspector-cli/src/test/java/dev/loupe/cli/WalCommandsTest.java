package dev.loupe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `loupe wal`, `wal commits`, `shm` and `journal`: text and JSON output, exit codes, bad input. The counts they print
 * are checked against SQLite's checkpoint of the same files (its "log" is mxFrame).
 */
class WalCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static int sqliteLog(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            return r.getInt(2);
        }
    }

    private static Path copyPair(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        Path db = to.resolve(from.getFileName());
        Files.copy(from, db);
        Files.copy(Path.of(from + "-wal"), Path.of(db + "-wal"));
        return db;
    }

    @Test
    void summaryOfTheWalSampleInTextAndJson() throws Exception {
        Path db = Samples.copyTo(Sample.WAL, dir.resolve("s"));
        Cli text = Cli.run("wal", "--frames", "3", db.toString());
        assertThat(text.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(text.out()).contains("magic                 0x377f0682  checksums over little-endian words")
                .contains("Frames     84 (first 3 shown; --frames)")
                .contains("Verdict    29 commits, 84 valid frames of 84; SQLite ignores nothing")
                .contains("Problems   none");
        assertThat(text.out().lines().filter(l -> l.matches("\\s+\\d+\\s+\\d+\\s+\\d+ .*valid.*"))).hasSize(3);

        Cli json = Cli.run("wal", "--format", "json", db.toString() + "-wal");
        assertThat(json.exitCode()).isEqualTo(ExitCode.OK);
        JsonNode root = JSON.readTree(json.out());
        assertThat(root.get("validFrames").asInt()).isEqualTo(84).isEqualTo(sqliteLog(copyPair(db, dir.resolve("q"))));
        assertThat(root.get("commits").asInt()).isEqualTo(29);
        assertThat(root.get("frames")).hasSize(84);
        assertThat(root.get("frames").get(0).get("status").asText()).isEqualTo("valid");
        assertThat(root.get("header").get("pageSize").asInt()).isEqualTo(1024);
        assertThat(root.get("ignored")).isEmpty();
        assertThat(root.get("lostCommits").isNull()).isTrue();
    }

    @Test
    void damagedFrameNamesTheDroppedCommitsAndSqliteAgrees() throws Exception {
        Path db = Samples.copyTo(Sample.WAL_65536, dir.resolve("s"));
        Path wal = Path.of(db + "-wal");
        byte[] b = Files.readAllBytes(wal);
        int frame = 8; // commit 3 is frames 7..8
        b[32 + (frame - 1) * (65536 + 24) + 24 + 5000] ^= 1;
        Files.write(wal, b);
        Cli text = Cli.run("wal", db.toString());
        assertThat(text.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(text.out()).contains("Verdict    2 commits, 6 valid frames of 15; SQLite ignores 9 frames")
                .contains("checksum-break     checksum break at frame 8: frames 8..15 ignored, dropping 9 committed"
                        + " frames (frames 7..15: commits 3..6)")
                .contains("after-last-commit  frames 7..7 follow the last commit frame 6")
                .contains("DROPPED            commits 3..6 (frames 7..15) were committed but SQLite drops them");
        assertThat(sqliteLog(copyPair(db, dir.resolve("q")))).isEqualTo(6);
        JsonNode root = JSON.readTree(Cli.run("wal", "--format", "json", db.toString()).out());
        assertThat(root.get("lostCommits").get("firstCommit").asInt()).isEqualTo(3);
        assertThat(root.get("frames").get(7).get("status").asText()).isEqualTo("break");
        assertThat(root.get("frames").get(7).get("lostCommit").asInt()).isEqualTo(3);
    }

    @Test
    void commitsListsPagesWithOwners() throws Exception {
        Path db = Samples.copyTo(Sample.WAL, dir.resolve("s"));
        Cli text = Cli.run("wal", "commits", db.toString());
        assertThat(text.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(text.out()).contains("29 valid commits, frames 1..84")
                .containsPattern("\\n\\s+15\\s+41\\.\\.42 \\(2\\)\\s+15 -> 16\\s+sqlite_schema: 1 \\(table-leaf\\);"
                        + " wal_only: 16 \\(table-leaf\\)");
        JsonNode root = JSON.readTree(Cli.run("wal", "commits", "--format", "json", db.toString()).out());
        assertThat(root.get("commits")).hasSize(29);
        JsonNode c21 = root.get("commits").get(20);
        assertThat(c21.get("databaseSize").asInt()).isEqualTo(24);
        assertThat(c21.get("pages").findValuesAsText("owner")).contains("ledger_account");
    }

    @Test
    void shmOfALiveConnection() throws Exception {
        Path db = Samples.copyTo(Sample.WAL_BIGENDIAN, dir.resolve("s"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.executeQuery("SELECT count(*) FROM sqlite_schema").close();
            Cli text = Cli.run("shm", db + "-shm");
            assertThat(text.exitCode()).as(text.out()).isEqualTo(ExitCode.OK);
            assertThat(text.out()).contains("Header copies (bytes 0..47 and 48..95): identical")
                    .contains("agrees with the WAL").contains("Hash tables frames 1..84 checked: every frame found");
            JsonNode root = JSON.readTree(Cli.run("shm", "--format", "json", db + "-shm").out());
            assertThat(root.get("headers")).hasSize(2);
            assertThat(root.get("headers").get(0).get("mxFrame").asInt()).isEqualTo(84);
            assertThat(root.get("headers").get(0).get("bigEndCksum").asInt()).isEqualTo(1);
            assertThat(root.get("hashCheck").get("ok").asBoolean()).isTrue();

            Cli wal = Cli.run("wal", db.toString());
            assertThat(wal.out()).contains("mxFrame 84").contains("agrees with the WAL");
        }
    }

    @Test
    void journalCommandOnAHotJournal() throws Exception {
        Path work = Files.createDirectories(dir.resolve("j"));
        Path db = work.resolve("j.db");
        Path out = Files.createDirectories(dir.resolve("copy"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, a TEXT)");
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
                    + "INSERT INTO t(a) SELECT printf('%.200c', 'q') FROM n");
            s.execute("PRAGMA cache_size=8");
            c.setAutoCommit(false);
            s.execute("UPDATE t SET a = upper(a) WHERE id % 2 = 0");
            Files.copy(Path.of(db + "-journal"), out.resolve("j.db-journal"));
            Files.copy(db, out.resolve("j.db"));
            c.rollback();
        }
        Cli text = Cli.run("journal", "--records", "2", out.resolve("j.db-journal").toString());
        assertThat(text.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(text.out()).contains("Verdict    HOT: the next open of").contains("... ")
                .contains("(0 checksum mismatches");
        JsonNode root = JSON.readTree(Cli.run("journal", "--format", "json", out.resolve("j.db-journal").toString())
                .out());
        assertThat(root.get("hot").asBoolean()).isTrue();
        assertThat(root.get("records").size()).isEqualTo(root.get("recordCount").asInt()).isPositive();
        Files.delete(out.resolve("j.db"));
        assertThat(Cli.run("journal", out.resolve("j.db-journal").toString()).out()).contains("not hot:");
    }

    @Test
    void badInput() throws Exception {
        assertThat(Cli.run("wal", dir.resolve("missing.db").toString()).exitCode()).isEqualTo(ExitCode.UNREADABLE);
        Path db = Samples.copyTo(Sample.DEMO, dir.resolve("d"));
        Cli noWal = Cli.run("wal", db.toString());
        assertThat(noWal.exitCode()).isEqualTo(ExitCode.UNREADABLE);
        assertThat(noWal.err()).contains("no such WAL file");
        assertThat(Cli.run("wal").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(Cli.run("wal", "--frames", "-1", db.toString()).exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(Cli.run("shm", dir.resolve("x-shm").toString()).exitCode()).isEqualTo(ExitCode.UNREADABLE);
        assertThat(Cli.run("journal", dir.toString()).exitCode()).isEqualTo(ExitCode.UNREADABLE);
        Path empty = Files.write(dir.resolve("e.db-wal"), new byte[0]);
        Cli e = Cli.run("wal", empty.toString());
        assertThat(e.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(e.out()).contains("Header     none");
    }
}
