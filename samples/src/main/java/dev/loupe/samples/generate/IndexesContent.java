package dev.loupe.samples.generate;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every kind of index SQLite builds: DESC and multi-column keys, NOCASE and RTRIM collations, partial and
 * expression indexes, UNIQUE indexes, and the automatic indexes behind UNIQUE and non-INTEGER PRIMARY KEY
 * constraints (sqlite_autoindex_T_N, no SQL in sqlite_schema). Values include NULLs, mixed case, trailing spaces.
 */
final class IndexesContent implements Content {
    private static final long SEED = 0x1DEL;

    private static final String[] SCHEMA = {
        "CREATE TABLE people(id INTEGER PRIMARY KEY, first TEXT, last TEXT, email TEXT UNIQUE, handle TEXT NOT NULL,"
                + " age INTEGER, score REAL, a INTEGER, b INTEGER, code TEXT, note TEXT)",
        "CREATE INDEX people_last_desc ON people(last DESC, first)",
        "CREATE INDEX people_email_nocase ON people(email COLLATE NOCASE)",
        "CREATE INDEX people_code_rtrim ON people(code COLLATE RTRIM)",
        "CREATE INDEX people_adults ON people(age) WHERE age >= 18",
        "CREATE INDEX people_noted ON people(note, score) WHERE note IS NOT NULL AND score > 50",
        "CREATE INDEX people_lower_last ON people(lower(last))",
        "CREATE INDEX people_a_plus_b ON people(a + b)",
        "CREATE INDEX people_code_prefix ON people(substr(code, 1, 3), age DESC)",
        "CREATE UNIQUE INDEX people_handle ON people(handle)",
        "CREATE INDEX people_age_score_last ON people(age, score DESC, last COLLATE NOCASE)",
        "CREATE TABLE codes(code TEXT PRIMARY KEY, label TEXT UNIQUE, rank INTEGER)",
        "CREATE TABLE pairs(x INTEGER, y TEXT, z REAL, PRIMARY KEY(x, y), UNIQUE(y DESC, x))",
    };

    @Override
    public void fill(SqliteFile db) throws SQLException {
        TextSource source = new TextSource(SEED);
        db.exec(SCHEMA);
        List<Object[]> people = new ArrayList<>();
        for (int n = 1; n <= 400; n++) {
            String first = source.capitalized();
            String last = source.chance(0.05) ? null : caseVariant(source, source.capitalized());
            String email = n % 17 == 0 ? null : caseVariant(source, first + "." + n + "@Example.org");
            String code = source.code(3, 2) + " ".repeat(source.nextInt(3));
            Object age = source.chance(0.08) ? null : (long) source.between(1, 95);
            Object note = source.chance(0.6) ? null : source.words(source.between(1, 5));
            people.add(new Object[] {first, last, email, "h" + Integer.toString(n * 37, 36), age,
                Math.round(source.nextDouble() * 10000) / 100.0, (long) source.between(-1000, 1000),
                (long) source.between(-1000, 1000), code, note});
        }
        List<Object[]> codes = new ArrayList<>();
        for (int n = 0; n < 200; n++) {
            String label = n % 11 == 0 ? null : source.words(2) + " " + n;
            codes.add(new Object[] {source.code(2, 4), label, (long) source.nextInt(50)});
        }
        List<Object[]> pairs = new ArrayList<>();
        for (int n = 0; n < 400; n++) {
            pairs.add(new Object[] {(long) source.between(-20, 60), source.word(), source.nextDouble()});
        }
        db.transaction(() -> {
            db.insert("INSERT INTO people(first, last, email, handle, age, score, a, b, code, note)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", people);
            db.insert("INSERT OR IGNORE INTO codes(code, label, rank) VALUES (?, ?, ?)", codes);
            db.insert("INSERT OR IGNORE INTO pairs(x, y, z) VALUES (?, ?, ?)", pairs);
        });
    }

    /** The same word in upper, lower or given case, so NOCASE indexes see keys that BINARY would separate. */
    private static String caseVariant(TextSource source, String word) {
        return switch (source.nextInt(3)) {
            case 0 -> word.toUpperCase(Locale.ROOT);
            case 1 -> word.toLowerCase(Locale.ROOT);
            default -> word;
        };
    }
}
