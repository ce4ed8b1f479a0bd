package dev.loupe.format.expr;

import dev.loupe.format.record.BlobValue;
import dev.loupe.format.record.IntegerValue;
import dev.loupe.format.record.NullValue;
import dev.loupe.format.record.RealValue;
import dev.loupe.format.record.TextValue;
import dev.loupe.format.record.Value;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Constant SQL expressions evaluated by two SQLites at once and by Loupe: sqlite-jdbc (a recent SQLite) and the
 * sqlite3 command-line shell (Debian's, 3.40 on the machines this was written on). A file's index entries and the
 * values its CHECK constraints saw may have been computed by either kind, so wherever Loupe claims a value it must
 * be the value both compute, in storage class and bytes; where the two differ, or either raises an error, Loupe
 * must say not evaluable. The test classes that extend this one hold Loupe to both.
 */
abstract class TwoSqlites {

    static final Path SQLITE3 = Path.of("/usr/bin/sqlite3");

    /** What a corpus came to: Loupe's disagreements, and where both SQLites agree but Loupe did not evaluate. */
    /**
     * @param withPossible expressions left unevaluated with the values they may have, each version's one (both
     *                     SQLites' answers among them, else a mismatch)
     */
    record Outcome(List<String> mismatches, List<String> agreedButNotEvaluated, int evaluated, int withPossible) {
    }

    private static Connection jdbc;

    @TempDir
    static Path dir;

    @BeforeAll
    static void open() throws SQLException {
        jdbc = DriverManager.getConnection("jdbc:sqlite::memory:");
    }

    @AfterAll
    static void close() throws SQLException {
        jdbc.close();
    }

    /**
     * Expressions built on a call whose value depends on the SQLite version: those in {@code agreeing} come to the
     * same with every version's answer and must be evaluated (and equal both SQLites), those in {@code differing}
     * do not and must be left alone.
     */
    static void assertKnownWhereAnswersAgree(List<String> agreeing, List<String> differing)
            throws IOException, InterruptedException {
        Outcome o = run(agreeing);
        assertThat(o.mismatches()).isEmpty();
        assertThat(o.evaluated()).as("evaluated of %s", agreeing).isEqualTo(agreeing.size());
        Outcome d = run(differing);
        assertThat(d.mismatches()).isEmpty();
        assertThat(d.evaluated()).as("evaluated of %s", differing).isZero();
        // each of them comes with the values it may have, and both SQLites' answers are among those
        assertThat(d.withPossible()).as("with possible values, of %s", differing).isEqualTo(differing.size());
    }

    static Outcome run(List<String> corpus) throws IOException, InterruptedException {
        Map<Integer, String> cli = cli(corpus);
        List<String> mismatches = new ArrayList<>();
        List<String> agreedButNotEvaluated = new ArrayList<>();
        int evaluated = 0;
        int withPossible = 0;
        RowContext row = RowContext.of(List.of(), 1L);
        for (int k = 0; k < corpus.size(); k++) {
            String e = corpus.get(k);
            String recent = jdbc(e);
            String old = cli.getOrDefault(k, "error");
            Evaluation got = Evaluator.evaluate(Expression.parse(e), row);
            if (got instanceof Evaluation.NotEvaluable n) {
                if (recent.equals(old) && !recent.equals("error")) {
                    agreedButNotEvaluated.add(e + " = " + recent);
                }
                if (n.possible() != null) {
                    // the values it may have, one per version: each SQLite's must be one of them
                    List<String> possible = n.possible().stream().map(TwoSqlites::canonical).toList();
                    withPossible++;
                    if (!possible.contains(recent) || !possible.contains(old)) {
                        mismatches.add(e + ": sqlite-jdbc " + recent + ", sqlite3 CLI " + old + ", loupe one of "
                                + possible);
                    }
                }
                continue;
            }
            evaluated++;
            String have = canonical(((Evaluation.Evaluated) got).value());
            if (!have.equals(recent) || !have.equals(old)) {
                mismatches.add(e + ": sqlite-jdbc " + recent + ", sqlite3 CLI " + old + ", loupe " + have);
            }
        }
        return new Outcome(mismatches, agreedButNotEvaluated, evaluated, withPossible);
    }

    /** One value as "type:..." with text as the hex of its UTF-8 bytes and a real as its bits. */
    private static String canonical(Value v) {
        if (v instanceof NullValue) {
            return "null";
        }
        if (v instanceof IntegerValue i) {
            return "integer:" + i.value();
        }
        if (v instanceof RealValue r) {
            return real(r.value());
        }
        if (v instanceof TextValue t) {
            return "text:" + HexFormat.of().withUpperCase().formatHex(t.value().getBytes(StandardCharsets.UTF_8));
        }
        return "blob:" + HexFormat.of().withUpperCase().formatHex(((BlobValue) v).value());
    }

    /**
     * SQLite's text (as hex) as Loupe holds it: bytes that are not UTF-8 decoded to U+FFFD, as Loupe decodes a
     * record's text (both sides of an index comparison are decoded so, which makes that sound).
     */
    private static String text(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        byte[] held = new String(bytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
        return "text:" + HexFormat.of().withUpperCase().formatHex(held);
    }

    private static String real(double d) {
        return "real:" + Long.toHexString(Double.doubleToRawLongBits(d));
    }

    private static String jdbc(String e) {
        try (Statement st = jdbc.createStatement();
             ResultSet rs = st.executeQuery("SELECT typeof(" + e + "), hex(" + e + "), " + e)) {
            rs.next();
            return switch (rs.getString(1)) {
                case "null" -> "null";
                case "integer" -> "integer:" + rs.getLong(3);
                case "real" -> real(rs.getDouble(3));
                case "text" -> text(rs.getString(2));
                default -> "blob:" + rs.getString(2);
            };
        } catch (SQLException ex) {
            return "error";
        }
    }

    /**
     * Every expression through one sqlite3 process: line k of the output is "k|type|value", with a real as SQLite's
     * quote() writes it (read back exactly: 3.40 writes 20 significant digits when 15 do not round-trip; the sign
     * of a zero, which quote() drops, from atan2) and text as the hex of its bytes. An expression that raises an error prints no line.
     */
    private static Map<Integer, String> cli(List<String> corpus) throws IOException, InterruptedException {
        if (!Files.isExecutable(SQLITE3)) {
            throw new IllegalStateException("this test needs the sqlite3 CLI at " + SQLITE3 + " (Debian package sqlite3)");
        }
        StringBuilder script = new StringBuilder();
        for (int k = 0; k < corpus.size(); k++) {
            String e = corpus.get(k);
            script.append("SELECT ").append(k).append(" || '|' || typeof(").append(e).append(") || '|' || CASE typeof(")
                    .append(e).append(") WHEN 'real' THEN iif(atan2(").append(e).append(", -1.0) < 0 AND ").append(e)
                    .append(" = 0, '-0.0', quote(").append(e).append(")) WHEN 'integer' THEN quote(")
                    .append(e).append(") ELSE hex(").append(e).append(") END;\n");
        }
        Path in = Files.writeString(dir.resolve("corpus.sql"), script);
        Path out = dir.resolve("corpus.out");
        Process p = new ProcessBuilder(SQLITE3.toString(), "-batch", ":memory:").redirectInput(in.toFile())
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("sqlite3 did not finish");
        }
        Map<Integer, String> results = new HashMap<>();
        for (String line : Files.readAllLines(out)) {
            String[] f = line.split("\\|", 3);
            if (f.length < 3 || !f[0].matches("\\d+")) {
                continue;
            }
            results.put(Integer.parseInt(f[0]), switch (f[1]) {
                case "null" -> "null";
                case "integer" -> "integer:" + f[2];
                case "real" -> real(quotedReal(f[2]));
                case "text" -> text(f[2]);
                default -> "blob:" + f[2];
            });
        }
        return results;
    }

    private static double quotedReal(String q) {
        return switch (q) {
            case "Inf", "9.0e+999" -> Double.POSITIVE_INFINITY;
            case "-Inf", "-9.0e+999" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(q);
        };
    }
}
