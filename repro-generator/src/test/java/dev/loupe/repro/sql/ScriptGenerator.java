package dev.loupe.repro.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded scripts of ordinary statements (tables, multi-row inserts, updates, deletes, ordered selects) on which
 * SQLite and Turso agree, with chosen statements buried at chosen places: the haystack for the reducer tests.
 */
final class ScriptGenerator {

    private ScriptGenerator() {
    }

    /**
     * {@code count} statements from {@code seed}; {@code buried} statements are put at the given indexes
     * (which must be past the first 3 statements, the CREATE TABLEs).
     */
    static List<String> generate(long seed, int count, java.util.Map<Integer, String> buried) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>();
        out.add("CREATE TABLE t0(id INTEGER PRIMARY KEY, a INTEGER, b TEXT)");
        out.add("CREATE TABLE t1(id INTEGER PRIMARY KEY, x INTEGER, y TEXT, z INTEGER)");
        out.add("CREATE TABLE t2(k TEXT, v INTEGER)");
        while (out.size() < count) {
            String s = buried.get(out.size());
            out.add(s != null ? s : statement(r));
        }
        return out;
    }

    private static String statement(Random r) {
        int t = r.nextInt(3);
        switch (r.nextInt(10)) {
            case 0, 1, 2 -> {
                StringBuilder b = new StringBuilder("INSERT INTO ").append(table(t)).append(columns(t))
                        .append(" VALUES ");
                int rows = 1 + r.nextInt(6);
                for (int i = 0; i < rows; i++) {
                    b.append(i == 0 ? "" : ", ").append(row(r, t));
                }
                return b.toString();
            }
            case 3, 4 -> {
                return switch (t) {
                    case 0 -> "UPDATE t0 SET a = a + " + r.nextInt(10) + " WHERE a > " + r.nextInt(50);
                    case 1 -> "UPDATE t1 SET y = 'u" + r.nextInt(100) + "', z = z * 2 WHERE x < " + r.nextInt(50);
                    default -> "UPDATE t2 SET v = v - 1 WHERE k LIKE 'k" + r.nextInt(10) + "%'";
                };
            }
            case 5 -> {
                return "DELETE FROM " + table(t) + " WHERE " + (t == 2 ? "v" : t == 0 ? "a" : "x") + " = "
                        + r.nextInt(60);
            }
            default -> {
                return switch (t) {
                    case 0 -> "SELECT id, a, b FROM t0 WHERE a BETWEEN " + r.nextInt(30) + " AND "
                            + (30 + r.nextInt(40)) + " ORDER BY id LIMIT " + (1 + r.nextInt(5));
                    case 1 -> "SELECT count(*), sum(x), max(y) FROM t1 WHERE z > " + r.nextInt(100);
                    default -> "SELECT k, v FROM t2 WHERE v % " + (2 + r.nextInt(3)) + " = 0 ORDER BY k, v LIMIT "
                            + (1 + r.nextInt(4));
                };
            }
        }
    }

    private static String table(int t) {
        return "t" + t;
    }

    private static String columns(int t) {
        return switch (t) {
            case 0 -> "(a, b)";
            case 1 -> "(x, y, z)";
            default -> "(k, v)";
        };
    }

    private static String row(Random r, int t) {
        return switch (t) {
            case 0 -> "(" + r.nextInt(80) + ", 'b" + r.nextInt(1000) + "')";
            case 1 -> "(" + r.nextInt(80) + ", 'y" + r.nextInt(1000) + "', " + r.nextInt(200) + ")";
            default -> "('k" + r.nextInt(100) + "', " + r.nextInt(100) + ")";
        };
    }
}
