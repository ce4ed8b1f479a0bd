package dev.loupe.repro.diff;

/**
 * One difference between two database files A and B.
 *
 * @param diffClass benign or incompatible
 * @param kind      what it is about
 * @param object    the table or index concerned (sqlite_schema for the schema tree), or null for the header, the
 *                  freelist, the pointer map and file-level findings
 * @param key       the row or entry: "rowid 5" or the key as SQL literals; null when the difference concerns none
 * @param pageA     the page in A it points at, 0 when none
 * @param pageB     the page in B, 0 when none
 * @param offsetA   offset of the bytes concerned in {@code pageA} (in the file for header fields), -1 when none
 * @param offsetB   offset in {@code pageB}, -1 when none
 * @param field     the header field, column, finding code or aspect that differs; null when the whole thing does
 * @param a         A's side, as text (a value with its serial type and bytes, a field value); "" when A has none
 * @param b         B's side, as text
 * @param message   one line saying what differs and, for a class that is not obvious, why it is classed so
 */
public record Difference(DiffClass diffClass, DiffKind kind, String object, String key, long pageA, long pageB,
                         long offsetA, long offsetB, String field, String a, String b, String message) {

    public boolean incompatible() {
        return diffClass == DiffClass.INCOMPATIBLE;
    }

    /**
     * What stays the same while a script is reduced and the same bug still shows: the kind, and the header field or
     * the finding code, and the internal table (sqlite_sequence, sqlite_stat1...) when one holds it. Objects,
     * columns, pages, keys and values are left out: a shorter script renames and renumbers them.
     */
    public String signature() {
        return switch (kind) {
            case HEADER -> "header " + field;
            case FINDING -> "finding " + field;
            default -> kind.id() + (object != null && object.startsWith("sqlite_") ? " in " + object : "");
        };
    }
}
