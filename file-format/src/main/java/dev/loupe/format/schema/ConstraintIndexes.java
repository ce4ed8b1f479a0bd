package dev.loupe.format.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        Map<String, Integer> byKey = new HashMap<>();
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
                add(specs, byKey, tableName, pk.columns(), 'p', withoutRowid);
            } else if (c instanceof UniqueConstraint u) {
                add(specs, byKey, tableName, u.columns(), 'u', false);
            }
        }
        if (deferred != null) {
            add(specs, byKey, tableName, deferred.columns(), 'p', true);
        }
        return List.copyOf(specs);
    }

    private static void add(List<AutoIndexSpec> specs, Map<String, Integer> byKey, String tableName,
                            List<IndexedColumn> columns, char origin, boolean tableKey) {
        String key = key(columns);
        Integer earlier = byKey.get(key);
        if (earlier != null) {
            AutoIndexSpec s = specs.get(earlier);
            if (origin == 'p') {
                specs.set(earlier, new AutoIndexSpec(s.name(), s.columns(), 'p', tableKey || s.tableKey()));
            }
            return;
        }
        byKey.put(key, specs.size());
        String name = "sqlite_autoindex_" + tableName + "_" + (specs.size() + 1);
        specs.add(new AutoIndexSpec(name, columns, origin, tableKey));
    }

    /** Columns and collations, which decide whether two constraints make the same index (sort order does not). */
    private static String key(List<IndexedColumn> columns) {
        StringBuilder b = new StringBuilder();
        for (IndexedColumn c : columns) {
            b.append(c.tableColumn()).append('\u0000').append(AsciiCase.upper(c.collation())).append('\u0000');
        }
        return b.toString();
    }
}
