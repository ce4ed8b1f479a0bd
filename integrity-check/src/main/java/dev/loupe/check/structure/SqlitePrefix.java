package dev.loupe.check.structure;

/**
 * The prefix PRAGMA integrity_check (SQLite 3.40) puts before a b-tree level message, with its two numbers
 * (IntegrityCk.zPfx, v1, v2). Saved and restored around each page exactly as checkTreePage does, so that every
 * message carries the prefix SQLite would print with it.
 */
final class SqlitePrefix {

    static final String NONE = null;
    static final String FREELIST = "Main freelist: ";
    static final String PAGE = "Page %d: ";
    static final String CELL = "On tree page %d cell %d: ";
    static final String RIGHT_CHILD = "On page %d at right child: ";

    String format = NONE;
    long v1;
    long v2;

    String apply(String message) {
        if (format == null) {
            return message;
        }
        String p = format.replaceFirst("%d", Long.toString(v1));
        return p.replaceFirst("%d", Long.toString(v2)) + message;
    }

    Saved save() {
        return new Saved(format, v1, v2);
    }

    void restore(Saved s) {
        format = s.format;
        v1 = s.v1;
        v2 = s.v2;
    }

    record Saved(String format, long v1, long v2) {
    }
}
