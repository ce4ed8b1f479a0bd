package dev.loupe.samples.generate;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every serial type of fileformat2 §2.1 and the affinity rules that choose them: integers at each width boundary,
 * the constants 0 and 1 (types 8 and 9), special reals, empty and non-empty text and blobs, REAL-affinity columns
 * holding integral values (stored as integers), every column affinity, INTEGER PRIMARY KEY aliases with negative
 * and extreme rowids, a STRICT table and VIRTUAL and STORED generated columns.
 */
final class TypesContent implements Content {
    private static final long SEED = 0x7E5L;

    private static final String[] SCHEMA = {
        // No declared type: BLOB affinity, values stored exactly as bound.
        "CREATE TABLE serial(id INTEGER PRIMARY KEY, v, label TEXT NOT NULL)",
        "CREATE TABLE affinity(id INTEGER PRIMARY KEY, input TEXT NOT NULL, i INTEGER, r REAL, n NUMERIC, t TEXT,"
                + " b BLOB, x)",
        "CREATE TABLE rowids(id INTEGER PRIMARY KEY, label TEXT)",
        "CREATE TABLE implicit_rowids(label TEXT)",
        "CREATE TABLE strict_t(id INTEGER PRIMARY KEY, i INT NOT NULL, r REAL, t TEXT, b BLOB, a ANY) STRICT",
        "CREATE TABLE generated(id INTEGER PRIMARY KEY, a INTEGER, b INTEGER,"
                + " total INTEGER GENERATED ALWAYS AS (a + b) STORED,"
                + " label TEXT GENERATED ALWAYS AS (a || '/' || b) VIRTUAL,"
                + " doubled INTEGER AS (total * 2))",
    };

    @Override
    public void fill(SqliteFile db) throws SQLException {
        TextSource source = new TextSource(SEED);
        db.exec(SCHEMA);
        db.transaction(() -> {
            db.insert("INSERT INTO serial(v, label) VALUES (?, ?)", serialRows(source));
            db.insert("INSERT INTO affinity(input, i, r, n, t, b, x) VALUES (?1, ?2, ?2, ?2, ?2, ?2, ?2)",
                    affinityRows());
            db.insert("INSERT INTO rowids(id, label) VALUES (?, ?)", rowidRows());
            // Explicit rowids only: after the maximum rowid SQLite would pick a random one.
            db.exec("INSERT INTO implicit_rowids(rowid, label) VALUES (-5, 'negative'), (9223372036854775807, 'max'),"
                    + " (-9223372036854775808, 'min'), (3, 'small')");
            db.insert("INSERT INTO strict_t(i, r, t, b, a) VALUES (?, ?, ?, ?, ?)", strictRows());
            db.exec("INSERT INTO generated(a, b) VALUES (1, 2), (-7, 7), (NULL, 3), (4611686018427387904, 1)");
        });
    }

    private static List<Object[]> serialRows(TextSource source) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {null, "NULL (serial type 0)"});
        for (long value : MixedContent.INTEGER_BOUNDARIES) {
            rows.add(new Object[] {value, "integer " + value});
        }
        double[] reals = {0.0, -0.0, 0.1, 1.0, -1.5, 1e308, -1e308, 5e-324, 2.2250738585072014e-308,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 9007199254740992.0, 1e15, 123456789.125};
        for (double value : reals) {
            rows.add(new Object[] {value, "real " + value});
        }
        rows.add(new Object[] {"", "empty text (serial type 13)"});
        rows.add(new Object[] {"a", "text of 1 byte (15)"});
        rows.add(new Object[] {"0", "text that looks like an integer"});
        rows.add(new Object[] {source.text(57), "text of 57 bytes (serial type 127, one-byte varint)"});
        rows.add(new Object[] {source.text(58), "text of 58 bytes (serial type 129, two-byte varint)"});
        rows.add(new Object[] {source.text(300), "text of 300 bytes"});
        rows.add(new Object[] {new byte[0], "empty blob (serial type 12)"});
        rows.add(new Object[] {new byte[] {0}, "blob of one zero byte (14)"});
        rows.add(new Object[] {source.blob(57), "blob of 57 bytes (serial type 126)"});
        rows.add(new Object[] {source.blob(58), "blob of 58 bytes (serial type 128, two-byte varint)"});
        rows.add(new Object[] {source.blob(8186), "blob of 8186 bytes (serial type 16384, three-byte varint)"});
        return rows;
    }

    /** The same input bound to columns of every affinity (and none); SQLite converts per column. */
    private static List<Object[]> affinityRows() {
        Object[] inputs = {"123", "-45.0", "1.5", "1e3", "0x10", " 7 ", "abc", "", 12L, 3.0, -0.0, 2.5, 1e300,
            new byte[] {1, 2}, null, "9223372036854775807", "9223372036854775808", "00012"};
        List<Object[]> rows = new ArrayList<>();
        for (Object input : inputs) {
            rows.add(new Object[] {describe(input), input});
        }
        return rows;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof byte[]) {
            return "blob of " + ((byte[]) value).length + " bytes";
        }
        return value.getClass().getSimpleName() + " " + (value instanceof String ? "'" + value + "'" : value);
    }

    private static List<Object[]> rowidRows() {
        long[] ids = {Long.MIN_VALUE, -(1L << 47), -2147483649L, -129L, -1L, 0L, 1L, 127L, 128L, 2147483648L,
            1L << 47, Long.MAX_VALUE - 1, Long.MAX_VALUE};
        List<Object[]> rows = new ArrayList<>();
        for (long id : ids) {
            rows.add(new Object[] {id, "rowid " + id});
        }
        return rows;
    }

    private static List<Object[]> strictRows() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {0L, 1.0, "text", new byte[] {7}, 1L});
        rows.add(new Object[] {-1L, null, null, null, 2.5});
        rows.add(new Object[] {Long.MAX_VALUE, -0.5, "", new byte[0], "any text"});
        rows.add(new Object[] {1L, 3.0, "x", null, new byte[] {1, 2, 3}});
        rows.add(new Object[] {Long.MIN_VALUE, 1e-10, null, null, null});
        return rows;
    }
}
