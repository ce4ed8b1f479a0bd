package dev.loupe.samples.generate;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * WITHOUT ROWID tables, which SQLite stores as index b-trees keyed by the primary key followed by the other columns
 * (fileformat2 §2.6): a composite integer key, a text key with overflowing rows, a key with a DESC column, and
 * secondary indexes, which hold the indexed columns followed by the primary key columns.
 */
final class WithoutRowidContent implements Content {
    private static final long SEED = 0x57L;

    @Override
    public void fill(SqliteFile db) throws SQLException {
        TextSource source = new TextSource(SEED);
        db.exec("CREATE TABLE edges(src INTEGER, dst INTEGER, weight REAL, label TEXT, PRIMARY KEY(src, dst))"
                        + " WITHOUT ROWID",
                "CREATE INDEX edges_dst ON edges(dst, weight)",
                "CREATE TABLE dict(word TEXT PRIMARY KEY, definition TEXT NOT NULL, freq INTEGER) WITHOUT ROWID",
                "CREATE TABLE events(day TEXT, seq INTEGER, kind TEXT NOT NULL, payload BLOB,"
                        + " PRIMARY KEY(day DESC, seq)) WITHOUT ROWID",
                "CREATE INDEX events_kind ON events(kind)");
        List<Object[]> edges = new ArrayList<>();
        for (long src = 1; src <= 150; src++) {
            int fanOut = source.between(3, 14);
            for (int k = 0; k < fanOut; k++) {
                Object label = source.chance(0.3) ? null : source.word();
                edges.add(new Object[] {src, (long) source.between(-50, 400), source.nextDouble() * 10, label});
            }
        }
        List<Object[]> dict = new ArrayList<>();
        for (int n = 0; n < 500; n++) {
            String word = source.word() + "-" + source.code(2, 3);
            // Index-leaf cells overflow above ((U-12)*64/255)-23 = 230 bytes at page size 1024.
            String definition = n % 40 == 11 ? source.text(source.between(1500, 4000)) : source.text(source.between(20, 150));
            dict.add(new Object[] {word, definition, source.chance(0.2) ? null : (long) source.nextInt(100000)});
        }
        List<Object[]> events = new ArrayList<>();
        for (int n = 0; n < 700; n++) {
            byte[] payload = source.chance(0.4) ? null : source.blob(source.between(1, 40));
            events.add(new Object[] {source.date(), (long) source.between(1, 9), source.pick("open", "close", "read",
                    "write", "sync"), payload});
        }
        db.transaction(() -> {
            db.insert("INSERT OR IGNORE INTO edges(src, dst, weight, label) VALUES (?, ?, ?, ?)", edges);
            db.insert("INSERT OR IGNORE INTO dict(word, definition, freq) VALUES (?, ?, ?)", dict);
            db.insert("INSERT OR IGNORE INTO events(day, seq, kind, payload) VALUES (?, ?, ?, ?)", events);
        });
        db.exec("DELETE FROM edges WHERE src % 10 = 4");
    }
}
