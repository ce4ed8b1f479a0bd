package dev.loupe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loupe.format.BigEndian;
import dev.loupe.samples.corrupt.WalAppender;
import dev.loupe.wal.WalPair;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** `loupe wal checkout` and `loupe wal bisect`: output, exit codes, and SQLite reading what checkout wrote. */
class WalCheckoutBisectCommandTest {

    @TempDir
    static Path dir;

    static Path db;
    static Path damaged;

    @BeforeAll
    static void build() throws Exception {
        Path work = Files.createDirectories(dir.resolve("build"));
        Path live = work.resolve("w.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + live); Statement s = c.createStatement()) {
            s.execute("PRAGMA page_size=1024");
            s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, a TEXT)");
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA wal_autocheckpoint=0");
            for (int i = 0; i < 12; i++) {
                s.execute("WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < 6)"
                        + " INSERT INTO t(a) SELECT printf('%0200d', v) FROM n");
            }
            Path pair = Files.createDirectories(dir.resolve("pair"));
            Files.copy(live, pair.resolve("w.db"));
            Files.copy(Path.of(live + "-wal"), pair.resolve("w.db-wal"));
            db = pair.resolve("w.db");
        }
        // the same pair plus one commit whose table leaf has two cell pointers swapped, under a valid checksum
        Path bad = Files.createDirectories(dir.resolve("bad"));
        damaged = bad.resolve("w.db");
        Files.copy(db, damaged);
        try (WalPair pair = WalPair.open(db, null)) {
            int n = pair.commitCount();
            var view = pair.view(n);
            long leaf = 0;
            for (long p = view.pageCount(); p >= 2 && leaf == 0; p--) {
                byte[] b = view.read(p);
                if ((b[0] & 0xff) == 13 && BigEndian.u16(b, 3) >= 2) {
                    leaf = p;
                }
            }
            byte[] page = view.read(leaf);
            int a = BigEndian.u16(page, 8);
            BigEndian.putU16(page, 8, BigEndian.u16(page, 10));
            BigEndian.putU16(page, 10, a);
            new WalAppender(Path.of(db + "-wal"), pair.commit(n).lastFrame()).frame(leaf, view.pageCount(), page)
                    .writeTo(bad.resolve("w.db-wal"));
        }
    }

    @Test
    void checkoutWritesAFileSqliteReadsWithoutAWal() throws Exception {
        Path out = Files.createDirectories(dir.resolve("co")).resolve("at5.db");
        Cli r = Cli.run("wal", "checkout", "--commit", "5", "-o", out.toString(), db.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("commit 5 of 12").contains("rollback mode");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + out); Statement s = c.createStatement();
             ResultSet q = s.executeQuery("SELECT count(*) FROM t")) {
            q.next();
            assertThat(q.getInt(1)).isEqualTo(5 * 6);
        }
        assertThat(Path.of(out + "-wal")).doesNotExist();

        Cli again = Cli.run("wal", "checkout", "--commit", "5", "-o", out.toString(), db.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("exists; use --force");
        Cli forced = Cli.run("wal", "checkout", "--commit", "latest", "--force", "--format", "json", "-o",
                out.toString(), db + "-wal");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(forced.out());
        assertThat(j.get("commit").asInt()).isEqualTo(12);
        assertThat(j.get("pageCount").asLong() * 1024).isEqualTo(Files.size(out));
    }

    @Test
    void checkoutRefusesBadInput() {
        Path out = dir.resolve("x.db");
        assertThat(Cli.run("wal", "checkout", "--commit", "13", "-o", out.toString(), db.toString()).exitCode())
                .isEqualTo(2);
        assertThat(Cli.run("wal", "checkout", "--commit", "1", "-o", db.toString(), "--force", db.toString())
                .exitCode()).isEqualTo(2);
        assertThat(Cli.run("wal", "checkout", "--commit", "1", "-o", db + "-wal", "--force", db.toString())
                .exitCode()).isEqualTo(2);
        assertThat(Cli.run("wal", "checkout", "--commit", "1", "-o", out.toString(), dir.resolve("no.db").toString())
                .exitCode()).isEqualTo(3);
        assertThat(out).doesNotExist();
    }

    @Test
    void bisectNamesTheDamagedCommit() throws Exception {
        Cli clean = Cli.run("wal", "bisect", db.toString());
        assertThat(clean.exitCode()).as(clean.err()).isZero();
        assertThat(clean.out()).contains("no commit has");

        Cli text = Cli.run("wal", "bisect", damaged.toString());
        assertThat(text.exitCode()).as(text.err()).isEqualTo(1);
        assertThat(text.out()).contains("first bad commit 13 of 13").contains("rowid-order")
                .contains("table-leaf       t");

        Cli json = Cli.run("wal", "bisect", "--format", "json", "--finding", "rowid-order", "--naive",
                damaged + "-wal");
        assertThat(json.exitCode()).isEqualTo(1);
        JsonNode j = new ObjectMapper().readTree(json.out());
        assertThat(j.get("firstBad").asInt()).isEqualTo(13);
        assertThat(j.get("changedPages").get(0).get("owner").asText()).isEqualTo("t");
        assertThat(j.get("findings").get(0).get("code").asText()).isEqualTo("rowid-order");

        assertThat(Cli.run("wal", "bisect", "--finding", "no-such-code", db.toString()).exitCode()).isEqualTo(2);
    }
}
