package dev.loupe.format.schema;

import dev.loupe.format.Problem;
import dev.loupe.format.ProblemKind;
import dev.loupe.format.Span;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tables, indexes, views and triggers described by the rows of sqlite_schema (fileformat2 §2.6), read from
 * their CREATE statements without SQLite. Building never throws: rows that are damaged, statements the parser
 * cannot follow and objects that do not fit together become {@link #problems()} (SCHEMA_ROW, SCHEMA_SQL,
 * SCHEMA_REFERENCE), and each object is still returned with whatever could be read. Names are looked up ignoring
 * ASCII case, as SQLite does.
 */
public final class Schema {

    private static final Span SCHEMA_SPAN = Span.inPage(1, 0, 0);

    private final List<SchemaObject> objects;
    private final List<Problem> problems;

    private Schema(List<SchemaObject> objects, List<Problem> problems) {
        this.objects = List.copyOf(objects);
        this.problems = List.copyOf(problems);
    }

    /** The schema of {@code rows}, in sqlite_schema order, for a database of schema format 4 (the default). */
    public static Schema from(List<SchemaRow> rows) {
        return from(rows, 4);
    }

    /**
     * The schema of {@code rows}. {@code schemaFormat} is the database header's schema format number (offset 44):
     * below 4, SQLite ignores DESC in index definitions (fileformat2 §1.3.10), and so does this model.
     */
    public static Schema from(List<SchemaRow> rows, int schemaFormat) {
        return new Builder(rows, schemaFormat).build();
    }

    /** All objects in sqlite_schema order. */
    public List<SchemaObject> objects() {
        return objects;
    }

    public List<Table> tables() {
        return only(Table.class);
    }

    public List<Index> indexes() {
        return only(Index.class);
    }

    public List<View> views() {
        return only(View.class);
    }

    public List<Trigger> triggers() {
        return only(Trigger.class);
    }

    public List<Problem> problems() {
        return problems;
    }

    public Optional<Table> table(String name) {
        return find(Table.class, name);
    }

    public Optional<Index> index(String name) {
        return find(Index.class, name);
    }

    public Optional<View> view(String name) {
        return find(View.class, name);
    }

    public Optional<Trigger> trigger(String name) {
        return find(Trigger.class, name);
    }

    /** Indexes on the table named {@code table}, in sqlite_schema order. */
    public List<Index> indexesOf(String table) {
        List<Index> out = new ArrayList<>();
        for (Index i : indexes()) {
            if (AsciiCase.equalsIgnoreCase(i.tableName(), table)) {
                out.add(i);
            }
        }
        return List.copyOf(out);
    }

    private <T extends SchemaObject> List<T> only(Class<T> kind) {
        List<T> out = new ArrayList<>();
        for (SchemaObject o : objects) {
            if (kind.isInstance(o)) {
                out.add(kind.cast(o));
            }
        }
        return List.copyOf(out);
    }

    private <T extends SchemaObject> Optional<T> find(Class<T> kind, String name) {
        for (SchemaObject o : objects) {
            if (kind.isInstance(o) && AsciiCase.equalsIgnoreCase(o.name(), name)) {
                return Optional.of(kind.cast(o));
            }
        }
        return Optional.empty();
    }

    /** One pass over the rows: parse each statement, then match indexes and triggers to their tables. */
    private static final class Builder {

        private final List<SchemaRow> rows;
        private final int schemaFormat;
        private final List<Problem> problems = new ArrayList<>();
        private final SchemaObject[] objects;
        private final Ddl[] parsed;
        private final Map<String, Table> tables = new HashMap<>();
        private final Map<String, List<AutoIndexSpec>> autoIndexes = new HashMap<>();
        private final Set<String> autoIndexRowsSeen = new HashSet<>();

        Builder(List<SchemaRow> rows, int schemaFormat) {
            this.rows = rows == null ? List.of() : rows;
            this.schemaFormat = schemaFormat;
            this.objects = new SchemaObject[this.rows.size()];
            this.parsed = new Ddl[this.rows.size()];
        }

        Schema build() {
            for (int i = 0; i < rows.size(); i++) {
                readTableLike(i);
            }
            for (int i = 0; i < rows.size(); i++) {
                readIndexOrTrigger(i);
            }
            checkMissingAutoIndexes();
            checkNamesAndRootPages();
            List<SchemaObject> out = new ArrayList<>();
            for (SchemaObject o : objects) {
                if (o != null) {
                    out.add(o);
                }
            }
            return new Schema(out, problems);
        }

        /** Tables, virtual tables and views first: indexes and triggers refer to them. */
        private void readTableLike(int i) {
            SchemaRow row = rows.get(i);
            if (row == null) {
                problem(ProblemKind.SCHEMA_ROW, i, null, "row is missing");
                return;
            }
            String type = row.type();
            if (row.sql() != null) {
                parsed[i] = DdlParser.parse(row.sql(), row.rootPage());
            }
            if (!"table".equals(type) && !"index".equals(type) && !"view".equals(type) && !"trigger".equals(type)) {
                problem(ProblemKind.SCHEMA_ROW, i, row, "unknown type " + quote(type)
                        + " (expected 'table', 'index', 'view' or 'trigger')");
                type = kindOf(parsed[i]);
                if (type == null) {
                    return;
                }
            }
            if (type.equals("table")) {
                readTable(i, row);
            } else if (type.equals("view")) {
                readView(i, row);
            }
        }

        private static String kindOf(Ddl d) {
            if (d instanceof Ddl.CreateTable) {
                return "table";
            }
            if (d instanceof Ddl.CreateIndex) {
                return "index";
            }
            if (d instanceof Ddl.CreateView) {
                return "view";
            }
            if (d instanceof Ddl.CreateTrigger) {
                return "trigger";
            }
            return null;
        }

        private void readTable(int i, SchemaRow row) {
            Table table;
            List<AutoIndexSpec> specs = List.of();
            if (parsed[i] instanceof Ddl.CreateTable ct) {
                reportSql(i, row, ct.problems());
                table = withName(ct.table(), checkName(i, row, ct.table().name()), row);
                specs = ct.autoIndexes();
                if (!specs.isEmpty() && !AsciiCase.equalsIgnoreCase(table.name(), ct.table().name())) {
                    specs = renamed(specs, ct.table().name(), table.name());
                }
            } else {
                if (row.sql() == null) {
                    problem(ProblemKind.SCHEMA_ROW, i, row, "table has no SQL");
                } else {
                    reportMismatch(i, row);
                }
                table = new Table(nameOf(row), row.rootPage(), row.sql(), List.of(), false, false, false, null,
                        List.of(), -1, List.of(), false, List.of(), new int[0]);
            }
            checkTableName(i, row, table.name());
            if (table.virtual()) {
                if (row.rootPage() != 0) {
                    problem(ProblemKind.SCHEMA_ROW, i, row, "virtual table has root page " + row.rootPage()
                            + " (expected 0)");
                }
            } else {
                checkRootPage(i, row);
            }
            objects[i] = table;
            String key = AsciiCase.upper(table.name());
            tables.putIfAbsent(key, table);
            autoIndexes.putIfAbsent(key, specs);
        }

        /** The parsed table with the root page of its row and, when the SQL names nothing, the row's name. */
        private static Table withName(Table t, String name, SchemaRow row) {
            return new Table(name, row.rootPage(), t.sql(), t.columns(),
                    t.withoutRowid(), t.strict(), t.virtual(), t.module(), t.moduleArguments(), t.rowidAliasColumn(),
                    t.primaryKey(), t.autoincrement(), t.constraints(), t.recordColumns());
        }

        private static List<AutoIndexSpec> renamed(List<AutoIndexSpec> specs, String from, String to) {
            List<AutoIndexSpec> out = new ArrayList<>();
            String prefix = "sqlite_autoindex_" + from + "_";
            for (AutoIndexSpec s : specs) {
                String n = s.name().startsWith(prefix)
                        ? "sqlite_autoindex_" + to + "_" + s.name().substring(prefix.length()) : s.name();
                out.add(new AutoIndexSpec(n, s.columns(), s.origin(), s.tableKey()));
            }
            return out;
        }

        private void readView(int i, SchemaRow row) {
            View view;
            if (parsed[i] instanceof Ddl.CreateView cv) {
                reportSql(i, row, cv.problems());
                view = new View(checkName(i, row, cv.view().name()), row.sql(), cv.view().columnNames());
            } else {
                if (row.sql() == null) {
                    problem(ProblemKind.SCHEMA_ROW, i, row, "view has no SQL");
                } else {
                    reportMismatch(i, row);
                }
                view = new View(nameOf(row), row.sql(), List.of());
            }
            checkTableName(i, row, view.name());
            if (row.rootPage() != 0) {
                problem(ProblemKind.SCHEMA_ROW, i, row, "view has root page " + row.rootPage() + " (expected 0)");
            }
            objects[i] = view;
        }

        private void readIndexOrTrigger(int i) {
            SchemaRow row = rows.get(i);
            if (row == null || objects[i] != null) {
                return;
            }
            String type = row.type();
            if (!"index".equals(type) && !"trigger".equals(type)) {
                type = kindOf(parsed[i]);
            }
            if ("index".equals(type)) {
                readIndex(i, row);
            } else if ("trigger".equals(type)) {
                readTrigger(i, row);
            }
        }

        private void readIndex(int i, SchemaRow row) {
            checkRootPage(i, row);
            if (row.sql() == null) {
                readAutoIndex(i, row);
                return;
            }
            if (!(parsed[i] instanceof Ddl.CreateIndex ci)) {
                reportMismatch(i, row);
                objects[i] = new Index(nameOf(row), row.tblName(), row.rootPage(), row.sql(), false, List.of(), null,
                        false, 'c', List.of());
                return;
            }
            reportSql(i, row, ci.problems());
            String name = checkName(i, row, ci.name());
            if (row.tblName() != null && !AsciiCase.equalsIgnoreCase(row.tblName(), ci.tableName())) {
                problem(ProblemKind.SCHEMA_ROW, i, row, "tbl_name " + quote(row.tblName())
                        + " differs from the indexed table " + quote(ci.tableName()));
            }
            Table table = tables.get(AsciiCase.upper(ci.tableName()));
            List<String> messages = new ArrayList<>();
            List<IndexedColumn> columns = new ArrayList<>();
            if (table == null || table.virtual()) {
                problem(ProblemKind.SCHEMA_REFERENCE, i, row, table == null
                        ? "index on table " + quote(ci.tableName()) + ", which is not in the schema"
                        : "index on virtual table " + quote(ci.tableName()));
                for (IndexTerm term : ci.terms()) {
                    columns.add(new IndexedColumn(term.name(), term.expression(), -1,
                            term.collation() != null ? term.collation() : "BINARY", honourDesc(term.descending())));
                }
            } else {
                for (IndexTerm term : ci.terms()) {
                    IndexedColumn ic = term.resolve(table.columns(), messages);
                    columns.add(new IndexedColumn(ic.column(), ic.expression(), ic.tableColumn(), ic.collation(),
                            honourDesc(ic.descending())));
                }
            }
            for (String m : messages) {
                problem(ProblemKind.SCHEMA_REFERENCE, i, row, m);
            }
            String tableName = table != null ? table.name() : ci.tableName();
            objects[i] = new Index(name, tableName, row.rootPage(), row.sql(), ci.unique(), columns, ci.where(), false,
                    'c', recordColumns(table, columns, true));
        }

        private boolean honourDesc(boolean descending) {
            return descending && schemaFormat >= 4;
        }

        private void readAutoIndex(int i, SchemaRow row) {
            String name = nameOf(row);
            if (name.length() < 17 || !AsciiCase.equalsIgnoreCase(name.substring(0, 17), "sqlite_autoindex_")) {
                problem(ProblemKind.SCHEMA_ROW, i, row, "index has no SQL but is not an automatic index");
            }
            Table table = row.tblName() == null ? null : tables.get(AsciiCase.upper(row.tblName()));
            AutoIndexSpec spec = null;
            for (Map.Entry<String, List<AutoIndexSpec>> e : autoIndexes.entrySet()) {
                for (AutoIndexSpec s : e.getValue()) {
                    if (AsciiCase.equalsIgnoreCase(s.name(), name)
                            && (table == null || e.getKey().equals(AsciiCase.upper(table.name())))) {
                        spec = s;
                        table = tables.get(e.getKey());
                    }
                }
            }
            if (spec == null) {
                problem(ProblemKind.SCHEMA_REFERENCE, i, row, "orphan index: no PRIMARY KEY or UNIQUE constraint of "
                        + (table == null ? "table " + quote(row.tblName()) : "table " + quote(table.name()))
                        + " makes an index of this name");
                objects[i] = new Index(name, table != null ? table.name() : row.tblName(), row.rootPage(), null, true,
                        List.of(), null, true, 'u', List.of());
                return;
            }
            if (row.tblName() == null || !AsciiCase.equalsIgnoreCase(row.tblName(), table.name())) {
                problem(ProblemKind.SCHEMA_ROW, i, row, "tbl_name " + quote(row.tblName()) + " differs from "
                        + quote(table.name()));
            }
            if (spec.tableKey()) {
                problem(ProblemKind.SCHEMA_REFERENCE, i, row, "the PRIMARY KEY of WITHOUT ROWID table "
                        + quote(table.name()) + " is the table's own b-tree and has no sqlite_schema row");
            }
            autoIndexRowsSeen.add(AsciiCase.upper(spec.name()));
            List<IndexedColumn> columns = new ArrayList<>();
            for (IndexedColumn ic : spec.columns()) {
                columns.add(new IndexedColumn(ic.column(), ic.expression(), ic.tableColumn(), ic.collation(),
                        honourDesc(ic.descending())));
            }
            objects[i] = new Index(spec.name(), table.name(), row.rootPage(), null, true, columns, null, true,
                    spec.origin(), recordColumns(table, columns, false));
        }

        /**
         * Key terms followed by the table key: the rowid, or for WITHOUT ROWID the primary key columns not already
         * present with the same collation (build.c isDupColumn). Indexes made for constraints append them in
         * ascending order whatever the primary key says (the bug SQLite keeps for compatibility, ticket
         * bba7b69f9849b5bf); CREATE INDEX uses the primary key's order.
         */
        private List<IndexedColumn> recordColumns(Table table, List<IndexedColumn> key, boolean explicitIndex) {
            List<IndexedColumn> out = new ArrayList<>(key);
            if (table == null || !table.withoutRowid()) {
                out.add(IndexedColumn.rowid());
                return out;
            }
            for (IndexedColumn pk : table.primaryKey()) {
                boolean dup = key.stream().anyMatch(k -> k.tableColumn() == pk.tableColumn()
                        && AsciiCase.equalsIgnoreCase(k.collation(), pk.collation()));
                if (!dup) {
                    out.add(new IndexedColumn(pk.column(), pk.expression(), pk.tableColumn(), pk.collation(),
                            explicitIndex && honourDesc(pk.descending())));
                }
            }
            return out;
        }

        private void readTrigger(int i, SchemaRow row) {
            Trigger trigger;
            if (parsed[i] instanceof Ddl.CreateTrigger ct) {
                reportSql(i, row, ct.problems());
                Trigger t = ct.trigger();
                trigger = new Trigger(checkName(i, row, t.name()), t.tableName(), row.sql(), t.timing(), t.event(),
                        t.updateColumns(), t.forEachRow(), t.when());
                if (row.tblName() != null && !AsciiCase.equalsIgnoreCase(row.tblName(), t.tableName())) {
                    problem(ProblemKind.SCHEMA_ROW, i, row, "tbl_name " + quote(row.tblName())
                            + " differs from the trigger's table " + quote(t.tableName()));
                }
                if (!tables.containsKey(AsciiCase.upper(t.tableName())) && !isView(t.tableName())) {
                    problem(ProblemKind.SCHEMA_REFERENCE, i, row, "trigger on " + quote(t.tableName())
                            + ", which is not in the schema");
                }
            } else {
                if (row.sql() == null) {
                    problem(ProblemKind.SCHEMA_ROW, i, row, "trigger has no SQL");
                } else {
                    reportMismatch(i, row);
                }
                trigger = new Trigger(nameOf(row), row.tblName(), row.sql(), null, null, List.of(), false, null);
            }
            if (row.rootPage() != 0) {
                problem(ProblemKind.SCHEMA_ROW, i, row, "trigger has root page " + row.rootPage() + " (expected 0)");
            }
            objects[i] = trigger;
        }

        private boolean isView(String name) {
            for (SchemaObject o : objects) {
                if (o instanceof View v && AsciiCase.equalsIgnoreCase(v.name(), name)) {
                    return true;
                }
            }
            return false;
        }

        private void checkMissingAutoIndexes() {
            for (Map.Entry<String, List<AutoIndexSpec>> e : autoIndexes.entrySet()) {
                for (AutoIndexSpec s : e.getValue()) {
                    if (!s.tableKey() && !autoIndexRowsSeen.contains(AsciiCase.upper(s.name()))) {
                        Table t = tables.get(e.getKey());
                        problems.add(new Problem(ProblemKind.SCHEMA_REFERENCE, SCHEMA_SPAN, "table " + quote(t.name())
                                + " needs automatic index " + quote(s.name()) + ", which has no sqlite_schema row"));
                    }
                }
            }
        }

        /** Names must be unique (tables, views and indexes share one namespace), and so must root pages. */
        private void checkNamesAndRootPages() {
            Map<String, Integer> names = new HashMap<>();
            Map<String, Integer> triggerNames = new HashMap<>();
            Map<Long, Integer> roots = new LinkedHashMap<>();
            for (int i = 0; i < objects.length; i++) {
                SchemaObject o = objects[i];
                if (o == null) {
                    continue;
                }
                Map<String, Integer> space = o instanceof Trigger ? triggerNames : names;
                Integer earlier = space.putIfAbsent(AsciiCase.upper(o.name()), i);
                if (earlier != null) {
                    problem(ProblemKind.SCHEMA_ROW, i, rows.get(i), "name " + quote(o.name())
                            + " is already used by row " + (earlier + 1));
                }
                if (o.rootPage() > 0) {
                    Integer owner = roots.putIfAbsent(o.rootPage(), i);
                    if (owner != null) {
                        problem(ProblemKind.SCHEMA_ROW, i, rows.get(i), "root page " + o.rootPage()
                                + " is also the root of row " + (owner + 1));
                    }
                }
            }
        }

        private void checkRootPage(int i, SchemaRow row) {
            if (row.rootPage() < 2) {
                problem(ProblemKind.SCHEMA_ROW, i, row, "root page " + row.rootPage()
                        + (row.rootPage() == 1 ? " is sqlite_schema's own" : " is not a page number"));
            }
        }

        private void checkTableName(int i, SchemaRow row, String name) {
            if (row.tblName() == null || !AsciiCase.equalsIgnoreCase(row.tblName(), name)) {
                problem(ProblemKind.SCHEMA_ROW, i, row, "tbl_name " + quote(row.tblName()) + " differs from name "
                        + quote(name));
            }
        }

        /** The name to use: the statement's (SQLite goes by it), or the row's when the statement names nothing. */
        private String checkName(int i, SchemaRow row, String sqlName) {
            if (sqlName == null || sqlName.isEmpty()) {
                return nameOf(row);
            }
            if (row.name() == null || !AsciiCase.equalsIgnoreCase(row.name(), sqlName)) {
                problem(ProblemKind.SCHEMA_ROW, i, row, "name " + quote(row.name()) + " differs from "
                        + quote(sqlName) + " in its SQL");
            }
            return sqlName;
        }

        private static String nameOf(SchemaRow row) {
            return row.name() == null ? "" : row.name();
        }

        private void reportSql(int i, SchemaRow row, List<String> messages) {
            for (String m : messages) {
                problem(ProblemKind.SCHEMA_SQL, i, row, m);
            }
        }

        private void reportMismatch(int i, SchemaRow row) {
            Ddl d = parsed[i];
            if (d instanceof Ddl.Unreadable u) {
                reportSql(i, row, u.problems());
            } else {
                problem(ProblemKind.SCHEMA_ROW, i, row, "type " + quote(row.type()) + " but the SQL creates "
                        + (kindOf(d) == null ? "nothing" : "a " + kindOf(d)));
            }
        }

        private void problem(ProblemKind kind, int i, SchemaRow row, String message) {
            String where = "sqlite_schema row " + (i + 1)
                    + (row == null ? "" : " (" + row.type() + " " + quote(row.name()) + ")");
            problems.add(new Problem(kind, SCHEMA_SPAN, where + ": " + message));
        }

        private static String quote(String s) {
            return s == null ? "NULL" : "'" + s + "'";
        }
    }
}
