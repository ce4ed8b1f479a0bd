package dev.loupe.check;

import dev.loupe.check.mutants.Mutant;
import dev.loupe.format.OpenOptions;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import dev.loupe.samples.corrupt.Corruption;
import dev.loupe.samples.corrupt.Corruptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The record fast lane (sound records read in place, values decoded only where a check needs them) must not change
 * a single finding: every sample, every catalogue case and a thousand seeded mutants give the same report, finding
 * for finding, with the fast lane and with every record decoded. The checker's agreement with SQLite on these files
 * is held by CatalogueTest and MutantTest; this test holds the two lanes to each other.
 */
class FastLaneTest {

    private static final long FIRST_SEED = 77_000_000L;
    private static final int MUTANTS = 1000;

    private final Checker fast = Checker.standard(CheckOptions.defaults().withThreads(1));
    private final Checker slow = fast.slowLaneOnly();

    @Test
    void samplesAndCatalogueCasesGiveTheSameFindings(@TempDir Path dir) throws Exception {
        int compared = 0;
        for (Sample s : Sample.values()) {
            compared += same(Samples.copyTo(s, dir.resolve(s.name())), s.name());
        }
        for (Corruption c : Corruptions.all()) {
            compared += same(c.apply(dir.resolve(c.name())), c.name());
        }
        assertThat(compared).isGreaterThan(100);
    }

    @Test
    void mutantsGiveTheSameFindings(@TempDir Path dir) throws Exception {
        int withRecordFindings = Mutant.eachAsFile(FIRST_SEED, MUTANTS, dir, (db, what) -> {
            CheckReport a = fast.check(db, OpenOptions.defaults());
            CheckReport b = slow.check(db, OpenOptions.defaults());
            assertThat(a.findings()).as(what).isEqualTo(b.findings());
            return a.stats().rows() > 0 && !a.findings().isEmpty() ? 1 : 0;
        });
        assertThat(withRecordFindings).isGreaterThan(100);
    }

    /**
     * CHECK constraints are evaluated over values decoded from the record one column at a time: the rows flagged
     * are the same as with every row decoded, and exactly the rows SQLite itself finds false for a constraint (a
     * NULL outcome passes). Covers a REAL column stored as an integer, the rowid alias, a NOCASE column, NULLs, a
     * column added by ALTER TABLE (short records take its DEFAULT) and a WITHOUT ROWID table.
     */
    @Test
    void checkConstraintsGiveTheSameFindings(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("checks.db");
        String[] tChecks = {"r BETWEEN 0 AND 10", "id <> 7", "name <> 'BAD'", "n IS NULL OR n * 2 < 150",
                "extra >= 5", "length(name) < 8 OR r > 5"};
        String[] wChecks = {"v < 10", "k <> 'zz'"};
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA ignore_check_constraints = ON");
            StringBuilder t = new StringBuilder("CREATE TABLE t(id INTEGER PRIMARY KEY, r REAL, name TEXT COLLATE"
                    + " NOCASE, n INT");
            for (int i = 0; i < tChecks.length - 2; i++) {
                t.append(", CHECK (").append(tChecks[i]).append(')');
            }
            s.execute(t.append(')').toString());
            StringBuilder v = new StringBuilder();
            for (int i = 1; i <= 200; i++) {
                v.append(i == 1 ? "" : ",").append('(').append(i).append(", ").append(i % 13 == 0 ? "NULL"
                        : i % 17 == 0 ? "12" : Integer.toString(i % 11)).append(", ").append(i % 29 == 0 ? "'bad'"
                        : i % 31 == 0 ? "NULL" : "'n" + i + "'").append(", ").append(i % 7 == 0 ? "NULL"
                        : Integer.toString(i % 90)).append(')');
            }
            s.execute("INSERT INTO t VALUES " + v);
            s.execute("ALTER TABLE t ADD COLUMN extra INT DEFAULT 7 CHECK (" + tChecks[4] + ")");
            s.execute("UPDATE t SET extra = id % 9 WHERE id % 5 = 0");
            s.execute("CREATE TABLE w(k TEXT PRIMARY KEY, v INT, CHECK (" + wChecks[0] + "), CHECK (" + wChecks[1]
                    + ")) WITHOUT ROWID");
            s.execute("INSERT INTO w VALUES ('a', 1), ('b', 12), ('zz', 3), ('c', NULL), ('d', 10), ('e', 9)");
            // a table-level CHECK added last, by rewriting the schema (SQLite cannot ADD CONSTRAINT)
            s.execute("PRAGMA writable_schema = ON");
            s.execute("UPDATE sqlite_schema SET sql = substr(sql, 1, length(sql) - 1) || ', CHECK ("
                    + tChecks[5].replace("'", "''") + "))' WHERE name = 't'");
        }
        CheckReport a = fast.check(db, OpenOptions.defaults());
        CheckReport b = slow.check(db, OpenOptions.defaults());
        assertThat(a.findings()).isEqualTo(b.findings());
        long flagged = a.findings().stream().filter(f -> f.code() == FindingCode.CHECK_CONSTRAINT_FAILED).count();
        Path copy = dir.resolve("copy.db");
        Files.copy(db, copy);
        long sqliteFalse;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement s = c.createStatement()) {
            sqliteFalse = falseRows(s, "t", tChecks) + falseRows(s, "w", wChecks);
        }
        assertThat(sqliteFalse).isGreaterThan(20);
        assertThat(flagged).isEqualTo(sqliteFalse);
    }

    /** Rows of {@code table} for which SQLite finds some constraint false (0; NULL passes). */
    private static long falseRows(Statement s, String table, String[] checks) throws Exception {
        StringBuilder where = new StringBuilder();
        for (String c : checks) {
            where.append(where.length() == 0 ? "" : " OR ").append("coalesce((").append(c).append("), 1) = 0");
        }
        try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + table + " WHERE " + where)) {
            r.next();
            return r.getLong(1);
        }
    }

    private int same(Path db, String name) throws Exception {
        CheckReport a = fast.check(db, OpenOptions.defaults());
        CheckReport b = slow.check(db, OpenOptions.defaults());
        assertThat(a.findings()).as(name).isEqualTo(b.findings());
        assertThat(a.verdict()).as(name).isEqualTo(b.verdict());
        return 1;
    }
}
