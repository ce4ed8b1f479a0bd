package dev.loupe.check.mutants;

import dev.loupe.check.Checker;
import dev.loupe.check.catalogue.CatalogueChecker;
import dev.loupe.check.catalogue.SqliteOracle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded random mutants (one to three bytes changed or bit-flipped past page 1) of a table whose indexes and CHECK
 * constraint are written in JSON and date functions: whatever SQLite (sqlite-jdbc) flags, Loupe flags with an
 * error. Where Loupe alone flags, it is a partial index holding an entry its WHERE clause excludes, which
 * sqlite-jdbc 3.54.1 no longer counts and SQLite 3.40 does (docs/findings.md, "Where Loupe and SQLite differ").
 */
class ExpressionIndexMutantTest {

    static final long FIRST_SEED = 1;
    static final int MUTANTS = 600;

    @Test
    void loupeFlagsEveryMutantSqliteFlags(@TempDir Path tmp) throws Exception {
        Path base = tmp.resolve("base.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + base); Statement s = c.createStatement()) {
            s.execute("PRAGMA page_size=1024");
            s.execute("CREATE TABLE d(id INTEGER PRIMARY KEY, doc TEXT CHECK ((JSON_VALID(doc) OR doc IS NULL)),"
                    + " at TEXT, ts INTEGER)");
            s.execute("CREATE INDEX d_name ON d(json_extract(doc, '$.name'))");
            s.execute("CREATE INDEX d_age ON d(doc ->> 'age', doc -> '$.tags[0]') WHERE doc ->> 'age' > 20");
            s.execute("CREATE INDEX d_day ON d(date(at), strftime('%H', at))");
            s.execute("CREATE INDEX d_ts ON d(datetime(ts, 'unixepoch'))");
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400)"
                    + " INSERT INTO d SELECT i, CASE WHEN i % 37 = 0 THEN NULL ELSE json_object('name',"
                    + " 'n' || (i * 7 % 101), 'age', i % 90, 'tags', json_array('t' || (i % 5), i)) END,"
                    + " CASE WHEN i % 41 = 0 THEN NULL ELSE datetime(2450000 + i * 13.37) END,"
                    + " 1600000000 + i * 86461 FROM n");
        }
        byte[] intact = Files.readAllBytes(base);
        Checker checker = CatalogueChecker.checker(1);
        assertThat(CatalogueChecker.check(checker, base).findings()).as("intact").isEmpty();
        SeededMutants.Tally tally = new SeededMutants.Tally("d_age");
        for (long seed = FIRST_SEED; seed < FIRST_SEED + MUTANTS; seed++) {
            Path db = tmp.resolve("m.db");
            Files.write(db, SeededMutants.of(intact, seed, 1024));
            List<String> sqlite = SqliteOracle.jdbc(db, tmp);
            tally.add(seed, sqlite, CatalogueChecker.check(checker, db), () -> false);
        }
        assertThat(tally.misses).as("mutants SQLite flags and Loupe misses").isEmpty();
        assertThat(tally.unexplained).as("mutants Loupe alone flags, not of the partial-index class").isEmpty();
        assertThat(tally.sqliteFlagged).as("SQLite flags most mutants (the test is not idle)").isGreaterThan(MUTANTS * 3 / 4);
    }
}
