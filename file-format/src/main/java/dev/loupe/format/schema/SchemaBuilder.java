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
import java.util.Set;

/**
 * Builds a {@link Schema} from sqlite_schema rows: tables and views first (indexes and triggers refer to them), then
 * indexes and triggers, then checks that span rows (automatic index rows, names, root pages).
 */
final class SchemaBuilder {

    /** Problems about the schema as a whole point at page 1, where sqlite_schema is rooted. */
    private static final Span SCHEMA_SPAN = Span.inPage(1, 0, 0);

    private final List<SchemaRow> rows;
    private final int schemaFormat;
    private final List<Problem> problems = new ArrayList<>();
    private final SchemaObject[] objects;
    private final Ddl[] parsed;
    private final Map<String, Table> tables = new HashMap<>();
    private final Map<String, List<AutoIndexSpec>> autoIndexes = new HashMap<>();
    /** Automatic index name (upper case) to the key of its table in {@link #tables}, and to its spec. */
    private final Map<String, String> autoIndexTables = new HashMap<>();
    private final Map<String, AutoIndexSpec> autoIndexSpecs = new HashMap<>();
    private final Set<String> autoIndexRowsSeen = new HashSet<>();
    private final Set<String> views = new HashSet<>();

    SchemaBuilder(List<SchemaRow> rows, int schemaFormat) {
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
        if (tables.putIfAbsent(key, table) == null) {
            autoIndexes.put(key, specs);
            for (AutoIndexSpec s : specs) {
                if (autoIndexTables.putIfAbsent(AsciiCase.upper(s.name()), key) == null) {
                    autoIndexSpecs.put(AsciiCase.upper(s.name()), s);
                }
            }
        }
    }

    /**
     * The parsed table with the row's root page, the name to use, and for schema formats below 4 a primary key
     * in ascending order (SQLite ignores DESC there, in the WITHOUT ROWID key too).
     */
    private Table withName(Table t, String name, SchemaRow row) {
        List<IndexedColumn> key = new ArrayList<>();
        for (IndexedColumn ic : t.primaryKey()) {
            key.add(new IndexedColumn(ic.column(), ic.expression(), ic.tableColumn(), ic.collation(),
                    honourDesc(ic.descending())));
        }
        return new Table(name, row.rootPage(), t.sql(), t.columns(),
                t.withoutRowid(), t.strict(), t.virtual(), t.module(), t.moduleArguments(), t.rowidAliasColumn(),
                key, t.autoincrement(), t.constraints(), t.recordColumns());
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
        views.add(AsciiCase.upper(view.name()));
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
            ColumnLookup lookup = new ColumnLookup(table.columns());
            for (IndexTerm term : ci.terms()) {
                IndexedColumn ic = term.resolve(lookup, messages);
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
        AutoIndexSpec spec = autoIndexSpecs.get(AsciiCase.upper(name));
        if (spec != null) {
            table = tables.get(autoIndexTables.get(AsciiCase.upper(name)));
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
        Set<String> present = new HashSet<>();
        for (IndexedColumn k : key) {
            present.add(k.tableColumn() + " " + AsciiCase.upper(k.collation()));
        }
        for (IndexedColumn pk : table.primaryKey()) {
            if (!present.contains(pk.tableColumn() + " " + AsciiCase.upper(pk.collation()))) {
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
            if (!tables.containsKey(AsciiCase.upper(t.tableName()))
                    && !views.contains(AsciiCase.upper(t.tableName()))) {
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
