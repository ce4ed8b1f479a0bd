package dev.loupe.samples.generate;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Non-ASCII text for the UTF-16 samples: accents (2-byte UTF-8), CJK (3-byte UTF-8, one UTF-16 unit) and characters
 * outside the BMP (emoji, musical symbols: UTF-16 surrogate pairs), in an indexed column and in overflowing notes.
 */
final class Utf16Content implements Content {
    private static final long SEED = 16L;
    private static final List<String> FRAGMENTS = List.of(
            "café", "naïve", "Ångström", "Straße", "façade", "jalapeño", "Łódź", "Ærø", "smörgåsbord", "crème brûlée",
            "日本語", "中文字符", "東京", "漢字", "한국어", "서울", "Ελληνικά", "Русский", "עברית", "العربية",
            "😀", "👩‍💻", "🎉", "𝄞", "🇫🇷", "🙂🙃", "a", "z", "plain", "ascii");

    @Override
    public void fill(SqliteFile db) throws SQLException {
        TextSource source = new TextSource(SEED);
        db.exec("CREATE TABLE words(id INTEGER PRIMARY KEY, word TEXT NOT NULL, lang TEXT, note TEXT)",
                "CREATE INDEX words_word ON words(word)",
                "CREATE INDEX words_lang_word ON words(lang, word COLLATE NOCASE)");
        List<Object[]> rows = new ArrayList<>();
        for (String fragment : FRAGMENTS) {
            rows.add(new Object[] {fragment, "single", null});
        }
        rows.add(new Object[] {"", "empty", ""});
        for (int n = 0; n < 400; n++) {
            StringBuilder word = new StringBuilder();
            int parts = source.between(1, 4);
            for (int k = 0; k < parts; k++) {
                word.append(source.pick(FRAGMENTS));
            }
            String note = n % 97 == 5 ? longNote(source) : source.chance(0.5) ? null : source.pick(FRAGMENTS) + " " + source.word();
            rows.add(new Object[] {word.toString(), source.pick("fr", "de", "ja", "zh", "ko", "el", "ru", "he", "ar", "emoji"), note});
        }
        db.transaction(() -> db.insert("INSERT INTO words(word, lang, note) VALUES (?, ?, ?)", rows));
    }

    /** About 6000 UTF-16 bytes: more than a 4096-byte page holds locally. */
    private static String longNote(TextSource source) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 3000) {
            sb.append(source.pick(FRAGMENTS)).append(' ');
        }
        return sb.toString();
    }
}
