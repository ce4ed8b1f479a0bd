package dev.loupe.format.schema;

import java.util.List;

/**
 * An index b-tree named in sqlite_schema (lang_createindex.html). {@code columns} are the key terms as declared;
 * {@code recordColumns} are all values of each index record in order: the key terms, then the rowid (for a rowid
 * table) or the table's PRIMARY KEY columns not already among the key terms (for a WITHOUT ROWID table), as PRAGMA
 * index_xinfo lists them. {@code where} is the WHERE text of a partial index, else null. {@code autoIndex} marks
 * an index SQLite made for a UNIQUE or PRIMARY KEY constraint (named sqlite_autoindex_TABLE_N, no SQL); its
 * columns come from that constraint. {@code origin} is 'c' (CREATE INDEX), 'u' (UNIQUE) or 'p' (PRIMARY KEY).
 */
public record Index(String name, String tableName, long rootPage, String sql, boolean unique,
                    List<IndexedColumn> columns, String where, boolean autoIndex, char origin,
                    List<IndexedColumn> recordColumns) implements SchemaObject {

    public Index {
        columns = List.copyOf(columns);
        recordColumns = List.copyOf(recordColumns);
    }

    /** The origin as PRAGMA index_list spells it: "c", "u" or "pk". */
    public String originCode() {
        return origin == 'p' ? "pk" : String.valueOf(origin);
    }

    public boolean isPartial() {
        return where != null;
    }
}
