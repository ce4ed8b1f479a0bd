package dev.loupe.samples.generate;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small lending-library database for {@code loupe demo}: several tables and indexes, a WITHOUT ROWID table, a
 * view, a trigger, summaries long enough to overflow, and a freelist left by a dropped table and deleted rows.
 */
final class DemoContent implements Content {
    private static final long SEED = 4096L;
    private static final int AUTHORS = 150;
    private static final int BOOKS = 600;
    private static final int MEMBERS = 300;
    private static final int LOANS = 1400;
    private static final List<String> COUNTRIES = List.of("FR", "DE", "JP", "BR", "NG", "IN", "US", "SE", "AR", "KR");

    private static final String[] SCHEMA = {
        "CREATE TABLE authors(\n  id INTEGER PRIMARY KEY,\n  name TEXT NOT NULL,\n  country TEXT,\n  born INTEGER\n)",
        "CREATE INDEX authors_name ON authors(name COLLATE NOCASE)",
        "CREATE TABLE books(\n  id INTEGER PRIMARY KEY,\n  author_id INTEGER NOT NULL REFERENCES authors(id),\n"
                + "  title TEXT NOT NULL,\n  isbn TEXT UNIQUE,\n  published INTEGER,\n  price REAL,\n"
                + "  summary TEXT,\n  cover BLOB\n)",
        "CREATE INDEX books_title ON books(title)",
        "CREATE INDEX books_author ON books(author_id, published DESC)",
        "CREATE TABLE members(\n  id INTEGER PRIMARY KEY,\n  email TEXT NOT NULL,\n  name TEXT NOT NULL,\n"
                + "  joined TEXT NOT NULL\n)",
        "CREATE UNIQUE INDEX members_email ON members(email COLLATE NOCASE)",
        "CREATE TABLE loans(\n  id INTEGER PRIMARY KEY,\n  book_id INTEGER NOT NULL REFERENCES books(id),\n"
                + "  member_id INTEGER NOT NULL REFERENCES members(id),\n  loaned TEXT NOT NULL,\n"
                + "  due TEXT NOT NULL,\n  returned TEXT\n)",
        "CREATE INDEX loans_member ON loans(member_id)",
        "CREATE TABLE tags(\n  tag TEXT NOT NULL,\n  book_id INTEGER NOT NULL,\n  PRIMARY KEY(tag, book_id)\n)"
                + " WITHOUT ROWID",
        "CREATE TABLE loan_events(\n  id INTEGER PRIMARY KEY,\n  loan_id INTEGER NOT NULL,\n  event TEXT NOT NULL,\n"
                + "  at TEXT NOT NULL\n)",
        "CREATE VIEW open_loans AS\n  SELECT l.id AS loan_id, b.title, m.name AS member, l.due\n"
                + "  FROM loans l JOIN books b ON b.id = l.book_id JOIN members m ON m.id = l.member_id\n"
                + "  WHERE l.returned IS NULL",
        "CREATE TRIGGER loans_returned AFTER UPDATE OF returned ON loans\n"
                + "  WHEN NEW.returned IS NOT NULL AND OLD.returned IS NULL\n"
                + "BEGIN\n  INSERT INTO loan_events(loan_id, event, at) VALUES (NEW.id, 'returned', NEW.returned);\nEND",
    };

    @Override
    public void fill(SqliteFile db) throws SQLException {
        TextSource source = new TextSource(SEED);
        db.exec(SCHEMA);
        // A staging table filled during the "import" and dropped afterwards: its pages go to the freelist.
        db.exec("CREATE TABLE import_staging(line INTEGER PRIMARY KEY, raw TEXT)");
        db.transaction(() -> {
            db.insert("INSERT INTO import_staging(raw) VALUES (?)", staging(source));
            db.insert("INSERT INTO authors(name, country, born) VALUES (?, ?, ?)", authors(source));
            db.insert("INSERT INTO books(author_id, title, isbn, published, price, summary, cover)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", books(source));
            db.insert("INSERT INTO members(email, name, joined) VALUES (?, ?, ?)", members(source));
            db.insert("INSERT INTO loans(book_id, member_id, loaned, due) VALUES (?, ?, ?, ?)", loans(source));
            db.insert("INSERT OR IGNORE INTO tags(tag, book_id) VALUES (?, ?)", tags(source));
        });
        db.transaction(() -> {
            db.exec("UPDATE loans SET returned = date(loaned, '+' || (id % 30) || ' days') WHERE id % 5 <> 0");
            db.exec("DROP TABLE import_staging");
            // Withdrawn books (some with overflowing summaries) and their loans: pages freed in the middle.
            db.exec("DELETE FROM tags WHERE book_id BETWEEN 401 AND 460",
                    "DELETE FROM loans WHERE book_id BETWEEN 401 AND 460",
                    "DELETE FROM books WHERE id BETWEEN 401 AND 460");
        });
    }

    private static List<Object[]> staging(TextSource source) {
        List<Object[]> rows = new ArrayList<>();
        for (int n = 0; n < 150; n++) {
            rows.add(new Object[] {source.text(source.between(60, 200))});
        }
        return rows;
    }

    private static List<Object[]> authors(TextSource source) {
        List<Object[]> rows = new ArrayList<>();
        for (int n = 0; n < AUTHORS; n++) {
            String name = source.capitalized() + " " + source.capitalized() + (n % 7 == 0 ? "" : "son");
            rows.add(new Object[] {name, source.chance(0.1) ? null : source.pick(COUNTRIES), 1900L + source.nextInt(100)});
        }
        return rows;
    }

    private static List<Object[]> books(TextSource source) {
        List<Object[]> rows = new ArrayList<>();
        for (int n = 1; n <= BOOKS; n++) {
            String title = source.capitalized() + " " + source.words(source.between(1, 4));
            String isbn = n % 13 == 0 ? null : "978-" + (1000000000L + (n * 7919L) % 9000000000L);
            // About one summary in fifty is longer than a 4096-byte page holds locally (max local 4061 bytes).
            String summary = n % 50 == 7 ? source.text(source.between(5000, 9000)) : source.text(source.between(40, 160));
            byte[] cover = n % 20 == 3 ? source.blob(source.between(100, 600)) : null;
            double price = source.between(299, 4999) / 100.0;
            rows.add(new Object[] {1L + source.nextInt(AUTHORS), title, isbn, 1950L + source.nextInt(75), price,
                summary, cover});
        }
        return rows;
    }

    private static List<Object[]> members(TextSource source) {
        List<Object[]> rows = new ArrayList<>();
        for (int n = 1; n <= MEMBERS; n++) {
            String name = source.capitalized() + " " + source.capitalized();
            String email = (n % 3 == 0 ? name.replace(' ', '.') : name.toLowerCase(Locale.ROOT).replace(' ', '_'))
                    + n + "@example.org";
            rows.add(new Object[] {email, name, source.date()});
        }
        return rows;
    }

    private static List<Object[]> loans(TextSource source) {
        List<Object[]> rows = new ArrayList<>();
        for (int n = 0; n < LOANS; n++) {
            String loaned = source.date();
            rows.add(new Object[] {1L + source.nextInt(BOOKS), 1L + source.nextInt(MEMBERS), loaned,
                loaned.substring(0, 8) + "28"});
        }
        return rows;
    }

    private static List<Object[]> tags(TextSource source) {
        List<Object[]> rows = new ArrayList<>();
        for (int book = 1; book <= BOOKS; book++) {
            int count = source.between(0, 4);
            for (int k = 0; k < count; k++) {
                rows.add(new Object[] {source.pick("fiction", "history", "science", "poetry", "travel", "children",
                        "biography", "mystery", "cooking", "art", "philosophy", "reference"), (long) book});
            }
        }
        return rows;
    }
}
