package dev.loupe.samples.generate;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills about 330 pages of 512 bytes and deletes most rows without vacuuming: the freed pages form a freelist of
 * several trunk pages, since one trunk lists at most U/4-8 = 120 leaves (fileformat2 §1.5).
 */
final class FreelistContent implements Content {
    private static final long SEED = 0xF4EEL;

    @Override
    public void fill(SqliteFile db) throws SQLException {
        TextSource source = new TextSource(SEED);
        db.exec("CREATE TABLE items(id INTEGER PRIMARY KEY, name TEXT NOT NULL, body TEXT, data BLOB)",
                "CREATE INDEX items_name ON items(name)");
        List<Object[]> rows = new ArrayList<>();
        for (int n = 0; n < 800; n++) {
            byte[] data = n % 25 == 0 ? source.blob(source.between(600, 1500)) : null;
            rows.add(new Object[] {source.word() + " " + n, source.text(source.between(40, 160)), data});
        }
        db.transaction(() -> db.insert("INSERT INTO items(name, body, data) VALUES (?, ?, ?)", rows));
        // Keep every ninth row and one contiguous block, so some leaves survive among the freed pages.
        db.exec("DELETE FROM items WHERE id % 9 <> 0 AND id NOT BETWEEN 300 AND 340");
    }
}
