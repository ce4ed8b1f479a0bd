package dev.loupe.repro.engine;

import java.util.Map;

/** SQLite's primary result codes by name (sqlite3.h), for engines that report "SQLITE_CONSTRAINT" as a string. */
final class SqliteCodes {

    private static final Map<String, Integer> CODES = Map.ofEntries(
            Map.entry("SQLITE_ERROR", 1), Map.entry("SQLITE_INTERNAL", 2), Map.entry("SQLITE_PERM", 3),
            Map.entry("SQLITE_ABORT", 4), Map.entry("SQLITE_BUSY", 5), Map.entry("SQLITE_LOCKED", 6),
            Map.entry("SQLITE_NOMEM", 7), Map.entry("SQLITE_READONLY", 8), Map.entry("SQLITE_INTERRUPT", 9),
            Map.entry("SQLITE_IOERR", 10), Map.entry("SQLITE_CORRUPT", 11), Map.entry("SQLITE_NOTFOUND", 12),
            Map.entry("SQLITE_FULL", 13), Map.entry("SQLITE_CANTOPEN", 14), Map.entry("SQLITE_PROTOCOL", 15),
            Map.entry("SQLITE_EMPTY", 16), Map.entry("SQLITE_SCHEMA", 17), Map.entry("SQLITE_TOOBIG", 18),
            Map.entry("SQLITE_CONSTRAINT", 19), Map.entry("SQLITE_MISMATCH", 20), Map.entry("SQLITE_MISUSE", 21),
            Map.entry("SQLITE_NOLFS", 22), Map.entry("SQLITE_AUTH", 23), Map.entry("SQLITE_FORMAT", 24),
            Map.entry("SQLITE_RANGE", 25), Map.entry("SQLITE_NOTADB", 26));

    private SqliteCodes() {
    }

    /** The primary code for a name such as SQLITE_CONSTRAINT or SQLITE_CONSTRAINT_UNIQUE; -1 when unknown. */
    static int byName(String name) {
        if (name == null) {
            return -1;
        }
        for (int cut = name.length(); cut > 0; cut = name.lastIndexOf('_', cut - 1)) {
            Integer c = CODES.get(name.substring(0, cut));
            if (c != null) {
                return c;
            }
        }
        return -1;
    }
}
