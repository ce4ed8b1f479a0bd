package dev.loupe.format.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Derives the automatic indexes of a table from its constraints, as build.c does while it parses CREATE TABLE:
 * each PRIMARY KEY (unless it is the rowid alias) and UNIQUE constraint, in the order written, becomes an index
 * numbered from 1, except that one with the same columns and collations as an earlier one (sort order ignored) is
 * merged into it (a PRIMARY KEY merged into a UNIQUE makes it origin 'pk'). On a WITHOUT ROWID table a PRIMARY KEY
 * that would have been a rowid alias is made last, after all UNIQUE constraints.
 */
final class ConstraintIndexes {

    private ConstraintIndexes() {
    }

    /**
     * @param primaryKeyIsAliasLike the PRIMARY KEY is a single INTEGER column not declared DESC in its column
     *                              definition (the rowid alias of a rowid table)
     */
    static List<AutoIndexSpec> derive(String tableName, List<TableConstraint> constraints, boolean withoutRowid,
                                      boolean primaryKeyIsAliasLike) {
        List<AutoIndexSpec> specs = new ArrayList<>();
        PrimaryKeyConstraint deferred = null;
        boolean seenPrimaryKey = false;
        for (TableConstraint c : constraints) {
            if (c instanceof PrimaryKeyConstraint pk) {
                if (seenPrimaryKey) {
                    continue;
                }
                seenPrimaryKey = true;
                if (primaryKeyIsAliasLike) {
                    if (withoutRowid) {
                        deferred = pk;
                    }
                    continue;
                }
                add(specs, tableName, pk.columns(), 'p', withoutRowid);
            } else if (c instanceof UniqueConstraint u) {
                add(specs, tableName, u.columns(), 'u', false);
            }
        }
        if (deferred != null) {
            add(specs, tableName, deferred.columns(), 'p', true);
        }
        return List.copyOf(specs);
    }

    private static void add(List<AutoIndexSpec> specs, String tableName, List<IndexedColumn> columns, char origin,
                            boolean tableKey) {
        for (int i = 0; i < specs.size(); i++) {
            AutoIndexSpec s = specs.get(i);
            if (sameKey(s.columns(), columns)) {
                if (origin == 'p') {
                    specs.set(i, new AutoIndexSpec(s.name(), s.columns(), 'p', tableKey || s.tableKey()));
                }
                return;
            }
        }
        String name = "sqlite_autoindex_" + tableName + "_" + (specs.size() + 1);
        specs.add(new AutoIndexSpec(name, columns, origin, tableKey));
    }

    private static boolean sameKey(List<IndexedColumn> a, List<IndexedColumn> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).tableColumn() != b.get(i).tableColumn()
                    || !AsciiCase.equalsIgnoreCase(a.get(i).collation(), b.get(i).collation())) {
                return false;
            }
        }
        return true;
    }
}
