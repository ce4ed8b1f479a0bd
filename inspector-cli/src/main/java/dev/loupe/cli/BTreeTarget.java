package dev.loupe.cli;

import dev.loupe.format.Database;
import dev.loupe.format.SchemaSnapshot;
import dev.loupe.format.schema.Index;
import dev.loupe.format.schema.IndexedColumn;
import dev.loupe.format.schema.Schema;
import dev.loupe.format.schema.Table;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The b-tree a user named: a table (sqlite_schema included), a WITHOUT ROWID table or an index, with its root page
 * and, for index b-trees, the record columns that order its keys (collation, DESC).
 *
 * @param type       "table" or "index"
 * @param name       the name as the schema spells it
 * @param tableName  the table an index belongs to (the table's own name for a table)
 * @param rootPage   root page from sqlite_schema
 * @param rowidTree  true for a table b-tree keyed by rowid
 * @param keyColumns for index b-trees, the record's columns in order; empty for rowid tables
 * @param table      the table (for an index, the indexed table; null when the schema lacks it)
 * @param index      the index, or null
 */
record BTreeTarget(String type, String name, String tableName, long rootPage, boolean rowidTree,
                   List<IndexedColumn> keyColumns, Table table, Index index) {

    static BTreeTarget resolve(Database db, String name) throws IOException {
        SchemaSnapshot snapshot = db.schemaSnapshot();
        Schema schema = snapshot.schema();
        Optional<Table> t = snapshot.table(name);
        if (t.isPresent()) {
            Table table = t.get();
            if (table.virtual()) {
                throw new UserError(ExitCode.USAGE, name + " is a virtual table: it has no b-tree in this file");
            }
            return new BTreeTarget("table", table.name(), table.name(), table.rootPage(), !table.withoutRowid(),
                    table.withoutRowid() ? table.primaryKey() : List.of(), table, null);
        }
        Optional<Index> i = schema.index(name);
        if (i.isPresent()) {
            Index index = i.get();
            return new BTreeTarget("index", index.name(), index.tableName(), index.rootPage(), false,
                    index.recordColumns(), schema.table(index.tableName()).orElse(null), index);
        }
        List<String> names = new ArrayList<>();
        schema.tables().stream().filter(x -> !x.virtual()).forEach(x -> names.add(x.name()));
        schema.indexes().forEach(x -> names.add(x.name()));
        boolean view = schema.views().stream().anyMatch(v -> v.name().equalsIgnoreCase(name));
        throw new UserError(ExitCode.USAGE, view ? name + " is a view: views have no b-tree"
                : "no such table or index: " + name + (names.isEmpty() ? " (the schema has none)"
                : " (" + names.stream().collect(Collectors.joining(", ")) + ")"));
    }

    /** A b-tree given by its root page alone (tree --root N): its kind is whatever the root page says. */
    static BTreeTarget ofRoot(long root) {
        return new BTreeTarget("b-tree", "root " + root, null, root, true, List.of(), null, null);
    }

    /**
     * The record position of the table's INTEGER PRIMARY KEY column, or -1: SQLite stores NULL there and reads the
     * rowid instead (the column is an alias for it).
     */
    int rowidAliasPosition() {
        if (index != null || table == null || table.withoutRowid() || table.rowidAliasColumn() < 0) {
            return -1;
        }
        int[] cols = table.recordColumns();
        for (int i = 0; i < cols.length; i++) {
            if (cols[i] == table.rowidAliasColumn()) {
                return i;
            }
        }
        return -1;
    }

    /** Column names of the b-tree's records, for display: table columns in record order, or index columns. */
    List<String> recordColumnNames() {
        List<String> out = new ArrayList<>();
        if (index != null) {
            for (IndexedColumn c : index.recordColumns()) {
                out.add(c.isRowid() ? "rowid" : c.isExpression() ? c.expression() : c.column());
            }
        } else if (table != null) {
            for (int c : table.recordColumns()) {
                out.add(c >= 0 && c < table.columns().size() ? table.columns().get(c).name() : "?");
            }
        }
        return out;
    }
}
