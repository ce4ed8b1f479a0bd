package dev.loupe.repro.engine;

import dev.loupe.repro.sql.Script;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same ~110 statements (types, affinity, NULLs, numeric edge cases, text and blobs, errors of each class,
 * transactions and triggers) on SQLite in-process (sqlite-jdbc 3.54.1) and on the sqlite3 shell (3.40.1) give
 * identical canonical results: same storage classes, same values bit for bit, same column names, same error
 * classes and messages -- except where the two SQLite versions really differ, listed here.
 */
class SqliteAndShellAgreeTest {

    /** Statements (1-based) whose results differ between SQLite 3.54.1 and 3.40.1 themselves. */
    private static final Map<Integer, String> VERSION_DIFFERENCES = Map.of(
            41, "digit separators (1_000) are new in 3.46",
            47, "octet_length() is new in 3.43",
            51, "unhex() is new in 3.41",
            92, "3.40 returns RETURNING values before the REAL column's affinity (3 instead of 3.0)");

    @Test
    void corpusGivesIdenticalResults() {
        Script script = Corpus.script();
        assertThat(script.size()).isGreaterThanOrEqualTo(100);
        RunResult jdbc = new SqliteEngine().run(script, null, Limits.defaults());
        RunResult shell = new Sqlite3Engine().run(script, null, Limits.defaults());
        assertThat(jdbc.outcomes()).hasSize(script.size());
        assertThat(shell.outcomes()).hasSize(script.size());
        assertThat(jdbc.abort()).isEmpty();
        assertThat(shell.abort()).isEmpty();
        Map<Integer, String> differing = new TreeMap<>();
        for (int i = 0; i < script.size(); i++) {
            if (!Corpus.exactlySame(jdbc.outcomes().get(i), shell.outcomes().get(i))) {
                differing.put(i + 1, script.statements().get(i).sql());
            }
        }
        assertThat(differing.keySet()).as(String.join("\n", Corpus.differences(script, jdbc, shell, true)))
                .containsExactlyInAnyOrderElementsOf(VERSION_DIFFERENCES.keySet());
        // every error class the corpus means to exercise is there
        assertThat(shell.outcomes().stream().filter(o -> o instanceof Outcome.Error)
                .map(o -> ((Outcome.Error) o).errorClass()).distinct())
                .contains(ErrorClass.CONSTRAINT, ErrorClass.SYNTAX, ErrorClass.NO_SUCH_TABLE,
                        ErrorClass.NO_SUCH_COLUMN, ErrorClass.NO_SUCH_FUNCTION, ErrorClass.TYPE_MISMATCH,
                        ErrorClass.OTHER);
    }

    /**
     * Values written with bound parameters (so no literal parsing is involved) read back through both engines:
     * 3,000 random doubles of every magnitude (random bit patterns), subnormals, extremes and integral reals;
     * random integers; random text (all planes, quotes, commas, newlines) and random blobs.
     */
    @Test
    void randomValuesReadBackIdentically(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("values.db");
        Random random = new Random(20260707L);
        List<Double> reals = new ArrayList<>(List.of(0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE,
                Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, 0.1, 1e15, 1e16, 1e17, 9.223372036854776E18, -9.223372036854776E18,
                123456789012345678.0, 1e300, 4.35, 2.675, 1.0 / 3));
        while (reals.size() < 3000) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (!Double.isNaN(d)) {
                reals.add(d);
            }
            reals.add((double) (random.nextLong() >> random.nextInt(64)));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.createStatement().execute("CREATE TABLE v(r REAL, i INTEGER, t TEXT, b BLOB, a ANY)");
            c.setAutoCommit(false);
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO v VALUES (?, ?, ?, ?, ?)")) {
                for (double r : reals) {
                    ins.setDouble(1, r);
                    ins.setLong(2, random.nextLong() >> random.nextInt(64));
                    ins.setString(3, randomText(random));
                    byte[] blob = new byte[random.nextInt(12)];
                    random.nextBytes(blob);
                    ins.setBytes(4, blob);
                    ins.setDouble(5, Math.scalb(random.nextDouble() - 0.5, random.nextInt(2100) - 1075));
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            c.commit();
        }
        Script script = Script.parse("SELECT r, i, t, b, a FROM v ORDER BY rowid; SELECT count(*) FROM v");
        RunResult jdbc = new SqliteEngine().run(script, db, Limits.defaults());
        RunResult shell = new Sqlite3Engine().run(script, db, Limits.defaults());
        assertThat(shell.abort()).isEmpty();
        Outcome.Rows a = (Outcome.Rows) jdbc.outcomes().get(0);
        Outcome.Rows b = (Outcome.Rows) shell.outcomes().get(0);
        assertThat(a.rows()).hasSize(reals.size());
        for (int i = 0; i < a.rows().size(); i++) {
            assertThat(b.rows().get(i)).as("row %d", i + 1).isEqualTo(a.rows().get(i));
        }
        assertThat(jdbc.outcomes()).isEqualTo(shell.outcomes());
    }

    /** Text without NUL (the shell prints C strings) and without lone surrogates (not UTF-8). */
    private static String randomText(Random random) {
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(10);
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(6);
            int cp = switch (kind) {
                case 0 -> "',\n\r\t\"\\".charAt(random.nextInt(7));
                case 1 -> 0x20 + random.nextInt(0x5f);
                case 2 -> 0x80 + random.nextInt(0x780);
                case 3 -> 0x800 + random.nextInt(0xd000);
                case 4 -> 0x10000 + random.nextInt(0x100000);
                default -> 1 + random.nextInt(0x1f);
            };
            b.appendCodePoint(cp);
        }
        return b.toString();
    }
}
