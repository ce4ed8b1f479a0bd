package dev.loupe.issue;

/**
 * A regression test file for the engine's test suite: the reproducer's SQL (or its database as hexdb text, for
 * the sqlite3 shell) followed by the reference engine's output as comment lines, which the test must print.
 */
public final class RegressionTest {

    private RegressionTest() {
    }

    public static String of(Reproducer r, String title, String dedupKey) {
        StringBuilder b = new StringBuilder();
        b.append("-- Regression test (loupe-dedup:").append(dedupKey).append("): ").append(title).append('\n');
        String reference = r.reference();
        if (r.fileKind()) {
            b.append("-- Run: sqlite3 < this-file. The database is the reproducer's, as hexdb text.\n");
            b.append(".open --hexdb\n");
            String hexdb = r.hexdb() == null ? "" : r.hexdb();
            b.append(hexdb);
            if (!hexdb.endsWith("\n")) {
                b.append('\n');
            }
            b.append("PRAGMA integrity_check;\n");
        } else {
            b.append("-- Run: sqlite3 :memory: < this-file; each statement's output must match the block below.\n");
            String sql = r.sql() == null ? "" : r.sql();
            b.append(sql);
            if (!sql.isEmpty() && !sql.endsWith("\n")) {
                b.append('\n');
            }
        }
        String expected = r.outputs().get(reference);
        if (expected == null && r.fileKind() && r.finding() != null && r.finding().sqlite() != null) {
            expected = r.finding().sqlite();
        }
        if (expected == null) {
            expected = r.outcomes().get(reference);
        }
        b.append("-- Expected output (").append(reference).append(", the reference engine):\n");
        if (expected == null || expected.isEmpty()) {
            b.append("-- (none)\n");
        } else {
            String lines = expected.endsWith("\n") ? expected.substring(0, expected.length() - 1) : expected;
            for (String line : lines.split("\n", -1)) {
                b.append(line.isEmpty() ? "--" : "-- " + line).append('\n');
            }
        }
        return b.toString();
    }
}
