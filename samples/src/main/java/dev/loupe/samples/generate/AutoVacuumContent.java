package dev.loupe.samples.generate;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Documents with multi-page overflow chains on 512-byte pages, enough pages for two pointer-map pages
 * (each maps U/5 = 102 pages), then deletes: with auto_vacuum=FULL SQLite moves pages and truncates at commit;
 * with INCREMENTAL the freed pages stay on the freelist until PRAGMA incremental_vacuum, which is never run.
 */
final class AutoVacuumContent implements Content {
    private static final long SEED = 0xA7L;

    @Override
    public void fill(SqliteFile db) throws SQLException {
        TextSource source = new TextSource(SEED);
        db.exec("CREATE TABLE docs(id INTEGER PRIMARY KEY, title TEXT NOT NULL, body TEXT, attachment BLOB)",
                "CREATE INDEX docs_title ON docs(title)",
                "CREATE TABLE notes(id INTEGER PRIMARY KEY, doc_id INTEGER, note TEXT)");
        List<Object[]> docs = new ArrayList<>();
        for (int n = 0; n < 48; n++) {
            byte[] attachment = n % 4 == 1 ? source.blob(source.between(600, 2500)) : null;
            docs.add(new Object[] {source.capitalized() + " " + source.words(3), source.text(source.between(400, 3000)),
                attachment});
        }
        List<Object[]> notes = new ArrayList<>();
        for (int n = 0; n < 200; n++) {
            notes.add(new Object[] {1L + source.nextInt(48), source.words(source.between(2, 12))});
        }
        db.transaction(() -> {
            db.insert("INSERT INTO docs(title, body, attachment) VALUES (?, ?, ?)", docs);
            db.insert("INSERT INTO notes(doc_id, note) VALUES (?, ?)", notes);
        });
        db.exec("DELETE FROM docs WHERE id % 3 = 0", "DELETE FROM notes WHERE id BETWEEN 50 AND 120");
    }
}
