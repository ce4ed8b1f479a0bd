package dev.loupe.samples.generate;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Columns added by ALTER TABLE ... ADD COLUMN with defaults, with rows inserted between the additions: SQLite does
 * not rewrite old records, so they hold fewer values than the table has columns, and a reader must supply the
 * missing trailing values from the column defaults in the schema (fileformat2 §2.1).
 */
final class AlterAddColumnContent implements Content {
    private static final long SEED = 0xA17EL;

    /** Added in this order; each is followed by a batch of inserts that set some columns and default others. */
    private static final String[] ADDED_COLUMNS = {
        "qty INTEGER DEFAULT 7",
        "delta INTEGER DEFAULT -42",
        "ratio REAL DEFAULT 2.5",
        "label TEXT DEFAULT 'unlabelled'",
        "tag BLOB DEFAULT x'CAFE01'",
        "extra TEXT DEFAULT NULL",
        "weight REAL DEFAULT 3",
        "offset_ REAL DEFAULT -0.5",
        "big INTEGER DEFAULT 9223372036854775807",
        "plain",
    };

    @Override
    public void fill(SqliteFile db) throws SQLException {
        TextSource source = new TextSource(SEED);
        db.exec("CREATE TABLE items(id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
        insertBatch(db, source, "name", 40);
        String columns = "name";
        for (String definition : ADDED_COLUMNS) {
            db.exec("ALTER TABLE items ADD COLUMN " + definition);
            // New rows: the first of each batch names only the old columns, so SQLite writes the defaults explicitly.
            String column = definition.split(" ")[0];
            insertBatch(db, source, columns, 2);
            columns = columns + ", " + column;
            insertBatch(db, source, columns, 4);
        }
        // Rewriting an old row stores all columns, defaults included.
        db.exec("UPDATE items SET name = name || ' (edited)' WHERE id IN (3, 17)");
    }

    private static void insertBatch(SqliteFile db, TextSource source, String columns, int count) throws SQLException {
        String[] names = columns.split(", ");
        List<Object[]> rows = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            Object[] row = new Object[names.length];
            for (int c = 0; c < names.length; c++) {
                row[c] = valueFor(names[c], source);
            }
            rows.add(row);
        }
        String placeholders = "?" + ", ?".repeat(names.length - 1);
        db.insert("INSERT INTO items(" + columns + ") VALUES (" + placeholders + ")", rows);
    }

    private static Object valueFor(String column, TextSource source) {
        return switch (column) {
            case "name" -> source.capitalized() + " " + source.word();
            case "qty", "delta", "big" -> (long) source.between(-500, 500);
            case "ratio", "weight", "offset_" -> source.nextDouble() * 10;
            case "tag" -> source.blob(source.between(1, 6));
            case "plain" -> source.chance(0.5) ? source.word() : (Object) (long) source.nextInt(10);
            default -> source.words(2);
        };
    }
}
