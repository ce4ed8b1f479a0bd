package dev.loupe.wal;

import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each commit's pages and owners against SQLite: for commit K, SQLite opens the database with the WAL cut after K's
 * commit frame; PRAGMA page_count must be K's database size, and dbstat must name the same b-tree for every page K
 * wrote (and none for the pages we call free), with a matching page type.
 */
class WalCommitsMatchDbstatTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Sample.class, names = {"WAL", "WAL_65536"})
    void ownersAndSizesMatchSqliteAtEveryCommit(Sample sample) throws Exception {
        Path db = Samples.copyTo(sample, dir.resolve("sample"));
        Path walPath = Path.of(db + "-wal");
        byte[] walBytes = Samples.walBytes(sample);
        List<CommitInfo> commits;
        try (WalInput in = WalInput.open(db, walPath)) {
            commits = WalCommits.of(in);
            assertThat(commits).hasSize(in.commits().size());
        }
        int checkedPages = 0;
        for (CommitInfo c : commits) {
            Path copy = SqliteOracle.pair(dir, Samples.bytes(sample), SqliteOracle.cut(walBytes, c.lastFrame()));
            try (Connection conn = SqliteOracle.open(copy); Statement s = conn.createStatement();
                 PreparedStatement q = conn.prepareStatement(
                         "SELECT name, pagetype FROM dbstat WHERE pageno = ? AND aggregate = 0")) {
                try (ResultSet r = s.executeQuery("PRAGMA page_count")) {
                    assertThat(c.databaseSize()).as("commit %d size", c.number()).isEqualTo(r.getLong(1));
                }
                assertThat(c.frameCount()).isPositive();
                for (CommitPage p : c.pages()) {
                    q.setLong(1, p.page());
                    try (ResultSet r = q.executeQuery()) {
                        String name = r.next() ? r.getString(1) : null;
                        String type = name == null ? null : r.getString(2);
                        if ("sqlite_master".equals(name)) {
                            name = "sqlite_schema";
                        }
                        assertThat(p.owner()).as("commit %d page %d owner", c.number(), p.page()).isEqualTo(name);
                        if (type != null) {
                            assertThat(dbstatType(p.kind())).as("commit %d page %d type", c.number(), p.page())
                                    .isEqualTo(type);
                        }
                        checkedPages++;
                    }
                }
            }
        }
        assertThat(checkedPages).isGreaterThan(commits.size());
    }

    private static String dbstatType(String kind) {
        return switch (kind) {
            case "table-leaf", "index-leaf" -> "leaf";
            case "table-interior", "index-interior" -> "internal";
            default -> kind;
        };
    }
}
