package dev.loupe.repro.engine;

import java.util.Locale;

/**
 * What kind of error a statement failed with, derived from SQLite's primary result code when the engine gives one
 * and from the message otherwise. Engines word their messages differently; the class is what they must agree on.
 */
public enum ErrorClass {
    /** SQLITE_CONSTRAINT: UNIQUE, NOT NULL, CHECK, FOREIGN KEY, PRIMARY KEY, STRICT datatype. */
    CONSTRAINT,
    /** The statement does not parse: syntax error, unrecognized token, incomplete input. */
    SYNTAX,
    NO_SUCH_TABLE,
    NO_SUCH_COLUMN,
    NO_SUCH_FUNCTION,
    /** SQLITE_MISMATCH: "datatype mismatch" (e.g. a non-integer rowid). */
    TYPE_MISMATCH,
    /** SQLITE_MISUSE and API misuse. */
    MISUSE,
    /** SQLITE_CORRUPT / SQLITE_NOTADB: "database disk image is malformed", "file is not a database". */
    CORRUPT,
    /** SQLITE_TOOBIG: string or blob too big, too many columns/terms. */
    TOO_BIG,
    /** SQLITE_READONLY, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_CANTOPEN, SQLITE_IOERR: the file, not the SQL. */
    IO,
    /** Anything else (e.g. "table t already exists", "integer overflow", "cannot start a transaction..."). */
    OTHER;

    /** SQLite's primary result codes (sqlite3.h), the low 8 bits of an extended code. */
    private static final int SQLITE_IOERR = 10, SQLITE_CORRUPT = 11, SQLITE_CANTOPEN = 14, SQLITE_TOOBIG = 18,
            SQLITE_CONSTRAINT = 19, SQLITE_MISMATCH = 20, SQLITE_MISUSE = 21, SQLITE_NOTADB = 26,
            SQLITE_READONLY = 8, SQLITE_BUSY = 5, SQLITE_LOCKED = 6;

    /**
     * Classifies an error. {@code resultCode} is SQLite's (extended or primary) result code, or -1 when the engine
     * gives none; the message decides for SQLITE_ERROR (1) and for engines without codes.
     */
    public static ErrorClass of(int resultCode, String message) {
        int primary = resultCode < 0 ? -1 : resultCode & 0xff;
        switch (primary) {
            case SQLITE_CONSTRAINT:
                return CONSTRAINT;
            case SQLITE_MISMATCH:
                return TYPE_MISMATCH;
            case SQLITE_MISUSE:
                return MISUSE;
            case SQLITE_CORRUPT, SQLITE_NOTADB:
                return CORRUPT;
            case SQLITE_TOOBIG:
                return TOO_BIG;
            case SQLITE_IOERR, SQLITE_CANTOPEN, SQLITE_READONLY, SQLITE_BUSY, SQLITE_LOCKED:
                return IO;
            default:
                return fromMessage(message);
        }
    }

    /** Classifies by message alone (the sqlite3 shell prints no code for parse errors; Turso gives strings). */
    public static ErrorClass fromMessage(String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (m.contains("constraint failed") || m.contains("cannot store ") && m.contains(" value in ")) {
            return CONSTRAINT;
        }
        if (m.contains("no such table") || m.contains("no such view")) {
            return NO_SUCH_TABLE;
        }
        if (m.contains("no such column")) {
            return NO_SUCH_COLUMN;
        }
        if (m.contains("no such function") || m.contains("wrong number of arguments to function")) {
            return NO_SUCH_FUNCTION;
        }
        if (m.contains("syntax error") || m.contains("unrecognized token") || m.contains("incomplete input")
                || m.contains("non-terminated") || m.contains("unterminated")) {
            return SYNTAX;
        }
        if (m.contains("datatype mismatch")) {
            return TYPE_MISMATCH;
        }
        if (m.contains("misuse")) {
            return MISUSE;
        }
        if (m.contains("malformed") || m.contains("not a database") || m.contains("corrupt")) {
            return CORRUPT;
        }
        if (m.contains("too big") || m.contains("too many")) {
            return TOO_BIG;
        }
        if (m.contains("readonly") || m.contains("read-only") || m.contains("database is locked")
                || m.contains("unable to open") || m.contains("disk i/o error")) {
            return IO;
        }
        return OTHER;
    }
}
