package dev.loupe.format.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Works out what SQLite derives from a parsed CREATE TABLE (build.c sqlite3AddPrimaryKey, sqlite3EndTable,
 * convertToWithoutRowidTable): the primary key and whether it is the rowid alias, implied NOT NULL, the record
 * layout, the automatic indexes, and the errors SQLite would raise for the definition.
 */
final class TableAssembler {

    private final String name;
    private final List<ColumnDraft> columns;
    private final List<Object> constraints;
    private final boolean withoutRowid;
    private final boolean strict;
    private final List<String> problems = new ArrayList<>();

    private TableAssembler(String name, List<ColumnDraft> columns, List<Object> constraints, boolean withoutRowid,
                           boolean strict) {
        this.name = name;
        this.columns = columns;
        this.constraints = constraints;
        this.withoutRowid = withoutRowid;
        this.strict = strict;
    }

    /**
     * @param constraints {@link KeyDraft}s and finished {@link TableConstraint}s, in the order written
     * @param c           receives the problems found
     */
    static CreateTableParser.Result assemble(String name, long rootPage, String sql, List<ColumnDraft> columns,
                                             List<Object> constraints, boolean withoutRowid, boolean strict,
                                             TokenCursor c) {
        TableAssembler a = new TableAssembler(name, columns, constraints, withoutRowid, strict);
        CreateTableParser.Result r = a.assemble(rootPage, sql);
        for (String p : a.problems) {
            c.problem(p);
        }
        return r;
    }

    private CreateTableParser.Result assemble(long rootPage, String sql) {
        KeyDraft pkDraft = primaryKeyDraft();
        List<IndexedColumn> pk = primaryKey(pkDraft);
        // sqlite3AddPrimaryKey: one column, declared type exactly INTEGER, and not "PRIMARY KEY DESC" in the
        // column definition itself (a table constraint's DESC does not count).
        boolean aliasLike = pkDraft != null && pk.size() == 1 && pk.get(0).tableColumn() >= 0
                && isStandardInteger(columns.get(pk.get(0).tableColumn()))
                && !(pkDraft.column() >= 0 && pk.get(0).descending());
        int rowidAlias = aliasLike && !withoutRowid ? pk.get(0).tableColumn() : -1;
        boolean autoincrement = pkDraft != null && pkDraft.autoincrement();
        if (autoincrement && withoutRowid) {
            problems.add("AUTOINCREMENT not allowed on WITHOUT ROWID tables");
        } else if (autoincrement && rowidAlias < 0) {
            problems.add("AUTOINCREMENT is only allowed on an INTEGER PRIMARY KEY");
        }
        if (withoutRowid) {
            if (pkDraft == null) {
                problems.add("PRIMARY KEY missing on table " + name);
            }
            pk = withoutDuplicates(pk);
        }
        checkColumns(rowidAlias);
        List<Column> finished = new ArrayList<>();
        for (ColumnDraft d : columns) {
            finished.add(d.build(strict));
        }
        List<TableConstraint> resolved = resolveConstraints(finished, pkDraft);
        Table table = new Table(name, rootPage, sql, finished, withoutRowid, strict, false, null, List.of(),
                rowidAlias, pk, autoincrement && rowidAlias >= 0, resolved, recordColumns(finished, pk));
        return new CreateTableParser.Result(table,
                ConstraintIndexes.derive(name, resolved, withoutRowid, aliasLike));
    }

    /** The first PRIMARY KEY; SQLite rejects a second one. */
    private KeyDraft primaryKeyDraft() {
        KeyDraft pk = null;
        for (Object o : constraints) {
            if (o instanceof KeyDraft k && k.primary()) {
                if (pk == null) {
                    pk = k;
                } else {
                    problems.add("table \"" + name + "\" has more than one primary key");
                }
            }
        }
        return pk;
    }

    /** The primary key terms, marking their columns as part of the key. */
    private List<IndexedColumn> primaryKey(KeyDraft pkDraft) {
        List<IndexedColumn> pk = new ArrayList<>();
        if (pkDraft == null) {
            return pk;
        }
        List<Column> plain = new ArrayList<>();
        for (ColumnDraft d : columns) {
            plain.add(d.build(strict));
        }
        ColumnLookup lookup = new ColumnLookup(plain);
        for (IndexTerm term : pkDraft.terms()) {
            IndexedColumn ic = term.resolve(lookup, problems);
            pk.add(ic);
            if (ic.tableColumn() >= 0) {
                columns.get(ic.tableColumn()).primaryKey = true;
            } else if (ic.isExpression()) {
                problems.add("expressions prohibited in PRIMARY KEY and UNIQUE constraints");
            }
        }
        return pk;
    }

    /** Implied NOT NULL, and the column errors SQLite raises at the end of CREATE TABLE. */
    private void checkColumns(int rowidAlias) {
        for (int i = 0; i < columns.size(); i++) {
            ColumnDraft d = columns.get(i);
            if (d.primaryKey && (withoutRowid || (strict && i != rowidAlias))) {
                d.notNull = true;
            }
            if (strict && !d.standardType) {
                problems.add(d.declaredType.isEmpty() ? "missing datatype for " + name + "." + d.name
                        : "unknown datatype for " + name + "." + d.name + ": \"" + d.declaredType + "\"");
            }
            if (d.generated != null && d.defaultValue != null) {
                problems.add("cannot use DEFAULT on a generated column");
            }
            if (d.generated != null && d.primaryKey) {
                problems.add("generated columns cannot be part of the PRIMARY KEY");
            }
        }
        if (!columns.isEmpty() && columns.stream().allMatch(d -> d.generated != null)) {
            problems.add("must have at least one non-generated column");
        }
    }

    /** PRIMARY KEY and UNIQUE terms matched to the finished columns (with their final collations). */
    private List<TableConstraint> resolveConstraints(List<Column> finished, KeyDraft pkDraft) {
        List<TableConstraint> resolved = new ArrayList<>();
        ColumnLookup lookup = new ColumnLookup(finished);
        for (Object o : constraints) {
            if (o instanceof KeyDraft k) {
                List<IndexedColumn> terms = new ArrayList<>();
                for (IndexTerm term : k.terms()) {
                    // the primary key's terms were checked already
                    IndexedColumn ic = term.resolve(lookup, k == pkDraft ? new ArrayList<>() : problems);
                    if (k != pkDraft && ic.isExpression()) {
                        problems.add("expressions prohibited in PRIMARY KEY and UNIQUE constraints");
                    }
                    terms.add(ic);
                }
                resolved.add(k.primary()
                        ? new PrimaryKeyConstraint(k.name(), k.column(), terms, k.onConflict(), k.autoincrement())
                        : new UniqueConstraint(k.name(), k.column(), terms, k.onConflict()));
            } else {
                resolved.add((TableConstraint) o);
            }
        }
        return resolved;
    }

    private static boolean isStandardInteger(ColumnDraft d) {
        return d.standardType && d.declaredType.equals("INTEGER");
    }

    /** convertToWithoutRowidTable: a PRIMARY KEY term repeating an earlier one (same column and collation) goes. */
    private static List<IndexedColumn> withoutDuplicates(List<IndexedColumn> pk) {
        List<IndexedColumn> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (IndexedColumn ic : pk) {
            if (ic.tableColumn() < 0 || seen.add(ic.tableColumn() + " " + AsciiCase.upper(ic.collation()))) {
                out.add(ic);
            }
        }
        return out;
    }

    /**
     * Table column of each record value: rowid tables store the columns in order; WITHOUT ROWID tables store the
     * primary key columns first, then the rest in order; VIRTUAL generated columns are never stored.
     */
    private int[] recordColumns(List<Column> cols, List<IndexedColumn> pk) {
        List<Integer> order = new ArrayList<>();
        boolean[] inKey = new boolean[cols.size()];
        if (withoutRowid) {
            for (IndexedColumn ic : pk) {
                if (ic.tableColumn() >= 0) {
                    order.add(ic.tableColumn());
                    inKey[ic.tableColumn()] = true;
                }
            }
        }
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).isStored() && !inKey[i]) {
                order.add(i);
            }
        }
        return order.stream().mapToInt(Integer::intValue).toArray();
    }
}
