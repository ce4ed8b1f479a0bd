package dev.loupe.format.schema;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The corpus of odd DDL run through real SQLite; our model of the sqlite_schema rows SQLite wrote is compared with
 * what SQLite itself reports through PRAGMA table_xinfo, pragma_table_list, index_list, index_xinfo,
 * foreign_key_list, and with the column affinities SQLite writes into CREATE TABLE ... AS SELECT.
 */
class SchemaCorpusTest {

    @TempDir
    static Path dir;

    private static SqliteOracle db;
    private static Schema schema;

    @BeforeAll
    static void runCorpus() throws Exception {
        db = SqliteOracle.create(dir, "corpus.db");
        db.exec(DdlCorpus.STATEMENTS.toArray(String[]::new));
        schema = Schema.from(db.schemaRows());
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    @Test
    void corpusHasAtLeastEightyCreateStatements() {
        assertThat(DdlCorpus.STATEMENTS).filteredOn(s -> s.regionMatches(true, 0, "CREATE", 0, 6)).hasSizeGreaterThanOrEqualTo(80);
    }

    @Test
    void validDdlGivesNoProblems() {
        assertThat(schema.problems()).isEmpty();
    }

    @Test
    void everyRowBecomesAnObjectInSchemaOrder() throws Exception {
        List<SchemaRow> rows = db.schemaRows();
        assertThat(schema.objects()).extracting(SchemaObject::name).containsExactlyElementsOf(
                rows.stream().map(SchemaRow::name).toList());
        assertThat(schema.objects()).extracting(SchemaObject::rootPage).containsExactlyElementsOf(
                rows.stream().map(SchemaRow::rootPage).toList());
    }

    @TestFactory
    Stream<DynamicTest> columnsMatchTableXinfo() {
        return schema.tables().stream().filter(t -> !t.virtual()).map(t -> DynamicTest.dynamicTest(t.name(), () -> {
            List<Map<String, Object>> info = db.query("SELECT * FROM pragma_table_xinfo("
                    + SqliteOracle.quoteString(t.name()) + ")");
            List<String> expected = new ArrayList<>();
            for (Map<String, Object> r : info) {
                expected.add(r.get("cid") + "|" + r.get("name") + "|" + r.get("type") + "|" + r.get("notnull") + "|"
                        + r.get("dflt_value") + "|" + r.get("pk") + "|" + r.get("hidden"));
            }
            List<String> actual = new ArrayList<>();
            for (int i = 0; i < t.columns().size(); i++) {
                Column c = t.columns().get(i);
                actual.add(i + "|" + c.name() + "|" + c.declaredType() + "|" + (c.notNull() ? 1 : 0) + "|"
                        + (c.defaultValue() == null ? null : c.defaultValue().text()) + "|" + pkPosition(t, i) + "|"
                        + hidden(c));
            }
            assertThat(actual).containsExactlyElementsOf(expected);
        }));
    }

    private static int pkPosition(Table t, int column) {
        if (!t.columns().get(column).primaryKey()) {
            return 0;
        }
        if (t.rowidAliasColumn() >= 0) {
            return 1;
        }
        for (int k = 0; k < t.primaryKey().size(); k++) {
            if (t.primaryKey().get(k).tableColumn() == column) {
                return k + 1;
            }
        }
        return -1;
    }

    private static int hidden(Column c) {
        if (c.hidden()) {
            return 1;
        }
        if (c.generated() == null) {
            return 0;
        }
        return c.generated().kind() == Generated.Kind.VIRTUAL ? 2 : 3;
    }

    @Test
    void tablesMatchTableList() throws Exception {
        List<String> expected = new ArrayList<>();
        for (Map<String, Object> r : db.query("SELECT * FROM pragma_table_list WHERE schema = 'main'"
                + " AND name NOT IN ('sqlite_schema')")) {
            expected.add(r.get("name") + "|" + r.get("type") + "|" + r.get("wr") + "|" + r.get("strict")
                    + ("virtual".equals(r.get("type")) || "view".equals(r.get("type")) ? "" : "|" + r.get("ncol")));
        }
        Set<String> shadow = new HashSet<>();
        for (Map<String, Object> r : db.query("SELECT name FROM pragma_table_list WHERE type = 'shadow'")) {
            shadow.add((String) r.get("name"));
        }
        List<String> actual = new ArrayList<>();
        for (Table t : schema.tables()) {
            String type = t.virtual() ? "virtual" : shadow.contains(t.name()) ? "shadow" : "table";
            actual.add(t.name() + "|" + type + "|" + (t.withoutRowid() ? 1 : 0) + "|" + (t.strict() ? 1 : 0)
                    + (t.virtual() ? "" : "|" + t.columns().size()));
        }
        for (View v : schema.views()) {
            actual.add(v.name() + "|view|0|0");
        }
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    @TestFactory
    Stream<DynamicTest> indexesMatchIndexList() {
        return schema.tables().stream().filter(t -> !t.virtual()).map(t -> DynamicTest.dynamicTest(t.name(), () -> {
            List<String> expected = new ArrayList<>();
            for (Map<String, Object> r : db.query("SELECT * FROM pragma_index_list("
                    + SqliteOracle.quoteString(t.name()) + ")")) {
                if (t.withoutRowid() && "pk".equals(r.get("origin"))) {
                    continue; // the table's own b-tree, no sqlite_schema row
                }
                expected.add(r.get("name") + "|" + r.get("unique") + "|" + r.get("origin") + "|" + r.get("partial"));
            }
            List<String> actual = new ArrayList<>();
            for (Index i : schema.indexesOf(t.name())) {
                actual.add(i.name() + "|" + (i.unique() ? 1 : 0) + "|" + i.originCode() + "|"
                        + (i.isPartial() ? 1 : 0));
            }
            assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        }));
    }

    @TestFactory
    Stream<DynamicTest> indexColumnsMatchIndexXinfo() {
        return schema.indexes().stream().map(i -> DynamicTest.dynamicTest(i.name(), () -> {
            assertThat(describe(i.recordColumns(), i.columns().size())).containsExactlyElementsOf(indexXinfo(i.name()));
        }));
    }

    /** The PRIMARY KEY of a WITHOUT ROWID table is an index SQLite lists; it is our primaryKey + recordColumns. */
    @TestFactory
    Stream<DynamicTest> withoutRowidKeyMatchesItsPrimaryKeyIndex() {
        return schema.tables().stream().filter(Table::withoutRowid).map(t -> DynamicTest.dynamicTest(t.name(), () -> {
            List<Map<String, Object>> pk = db.query("SELECT name FROM pragma_index_list("
                    + SqliteOracle.quoteString(t.name()) + ") WHERE origin = 'pk'");
            assertThat(pk).hasSize(1);
            List<String> xinfo = indexXinfo((String) pk.get(0).get("name"));
            List<IndexedColumn> all = new ArrayList<>(t.primaryKey());
            int[] record = t.recordColumns();
            for (int k = t.primaryKey().size(); k < record.length; k++) {
                Column c = t.columns().get(record[k]);
                all.add(new IndexedColumn(c.name(), null, record[k], c.collation() == null ? "BINARY"
                        : c.collation(), false));
            }
            assertThat(describe(all, t.primaryKey().size())).containsExactlyElementsOf(xinfo);
            assertThat(Arrays.stream(record).boxed().toList()).containsExactlyElementsOf(
                    xinfo.stream().map(s -> Integer.parseInt(s.split("\\|")[0])).toList());
        }));
    }

    private static List<String> indexXinfo(String index) throws Exception {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> r : db.query("SELECT * FROM pragma_index_xinfo(" + SqliteOracle.quoteString(index)
                + ")")) {
            out.add(r.get("cid") + "|" + r.get("name") + "|" + r.get("desc") + "|" + r.get("coll") + "|"
                    + r.get("key"));
        }
        return out;
    }

    private static List<String> describe(List<IndexedColumn> columns, int keyCount) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < columns.size(); k++) {
            IndexedColumn c = columns.get(k);
            int cid = c.isRowid() ? -1 : c.isExpression() ? -2 : c.tableColumn();
            out.add(cid + "|" + (c.isExpression() ? null : c.column()) + "|" + (c.descending() ? 1 : 0) + "|"
                    + c.collation() + "|" + (k < keyCount ? 1 : 0));
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> foreignKeysMatchForeignKeyList() {
        return schema.tables().stream().filter(t -> !t.virtual()).map(t -> DynamicTest.dynamicTest(t.name(), () -> {
            Map<Long, List<Map<String, Object>>> byId = new HashMap<>();
            for (Map<String, Object> r : db.query("SELECT * FROM pragma_foreign_key_list("
                    + SqliteOracle.quoteString(t.name()) + ") ORDER BY id, seq")) {
                byId.computeIfAbsent((Long) r.get("id"), k -> new ArrayList<>()).add(r);
            }
            List<String> expected = new ArrayList<>();
            for (List<Map<String, Object>> fk : byId.values()) {
                Map<String, Object> first = fk.get(0);
                expected.add(first.get("table") + "|" + fk.stream().map(r -> r.get("from")).toList() + "|"
                        + fk.stream().map(r -> Objects.toString(r.get("to"), "")).toList() + "|"
                        + first.get("on_delete") + "|" + first.get("on_update"));
            }
            List<String> actual = new ArrayList<>();
            for (ForeignKeyConstraint fk : t.foreignKeys()) {
                List<String> to = fk.parentColumns().isEmpty()
                        ? fk.columns().stream().map(x -> "").toList() : fk.parentColumns();
                actual.add(fk.parentTable() + "|" + fk.columns() + "|" + to + "|" + fk.onDelete() + "|"
                        + fk.onUpdate());
            }
            assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        }));
    }

    /** SQLite writes each column's affinity into the CREATE TABLE it makes for CREATE TABLE ... AS SELECT. */
    @TestFactory
    Stream<DynamicTest> affinityMatchesWhatSqliteWritesForCreateTableAsSelect() {
        return schema.tables().stream().filter(t -> !t.virtual()).map(t -> DynamicTest.dynamicTest(t.name(), () -> {
            String copy = "aff_" + Integer.toHexString(t.name().hashCode());
            db.exec("DROP TABLE IF EXISTS temp." + copy,
                    "CREATE TEMP TABLE " + copy + " AS SELECT * FROM " + SqliteOracle.quoteId(t.name()));
            List<String> expected = new ArrayList<>();
            for (Map<String, Object> r : db.query("SELECT type FROM pragma_table_xinfo('" + copy + "', 'temp')")) {
                expected.add(switch ((String) r.get("type")) {
                    case "" -> "BLOB";
                    case "NUM" -> "NUMERIC";
                    case "INT" -> "INTEGER";
                    default -> (String) r.get("type");
                });
            }
            assertThat(t.columns().stream().map(c -> c.affinity().name()).toList()).containsExactlyElementsOf(expected);
        }));
    }

    @Test
    void viewsKeepTheirColumnNames() {
        assertThat(schema.view("V2")).get().extracting(View::columnNames).isEqualTo(List.of("x", "y z"));
        assertThat(schema.view("v1")).get().extracting(View::columnNames).isEqualTo(List.of());
    }

    @Test
    void triggersKeepTimingAndEvent() {
        assertThat(schema.trigger("tr2")).get().satisfies(t -> {
            assertThat(t.tableName()).isEqualTo("t01");
            assertThat(t.timing()).isEqualTo("BEFORE");
            assertThat(t.event()).isEqualTo("UPDATE");
            assertThat(t.updateColumns()).containsExactly("a", "b");
            assertThat(t.forEachRow()).isTrue();
            assertThat(t.when()).isEqualTo("new.a > 0");
        });
        assertThat(schema.trigger("tr3")).get().extracting(Trigger::timing, Trigger::event, Trigger::tableName)
                .containsExactly("INSTEAD OF", "DELETE", "v1");
        assertThat(schema.trigger("tr4")).get().extracting(Trigger::timing).isNull();
    }

    @Test
    void virtualTablesKeepModuleAndArguments() {
        Table ft = schema.table("FT").orElseThrow();
        assertThat(ft.virtual()).isTrue();
        assertThat(ft.module()).isEqualTo("fts5");
        assertThat(ft.moduleArguments()).containsExactly("title", "body", "tokenize = 'porter unicode61'");
        assertThat(ft.rootPage()).isZero();
        assertThat(schema.table("ft_data")).get().extracting(Table::virtual).isEqualTo(false);
    }

    @Test
    void autoincrementBringsSqliteSequence() {
        assertThat(schema.table("sqlite_sequence")).isPresent();
        assertThat(schema.table("t09").orElseThrow().autoincrement()).isTrue();
        assertThat(schema.table("t86").orElseThrow().autoincrement()).isTrue();
        assertThat(schema.table("t91").orElseThrow().autoincrement()).isTrue();
        assertThat(schema.table("t05").orElseThrow().autoincrement()).isFalse();
    }

    @Test
    void lookupsIgnoreAsciiCaseOnly() {
        assertThat(schema.table("T05")).isPresent();
        assertThat(schema.table("TÄ61")).isEmpty(); // SQLite folds ASCII letters only
        assertThat(schema.table("tä61")).isPresent();
        assertThat(schema.index("I32A")).isPresent();
        assertThat(schema.indexesOf("T32")).hasSize(8);
        assertThat(schema.table("t51").orElseThrow().column("mixed")).isPresent();
    }

    /** SQLite stores a TEMP table's CREATE TABLE without TEMP or IF NOT EXISTS in sqlite_temp_schema. */
    @Test
    void tempSchemaRowsParseToo() throws Exception {
        Schema temp = Schema.from(db.tempSchemaRows().stream().filter(r -> r.name().equals("t93")
                || "t93".equals(r.tblName())).toList());
        assertThat(temp.problems()).isEmpty();
        Table t = temp.table("t93").orElseThrow();
        assertThat(t.rowidAliasColumn()).isZero();
        assertThat(temp.indexesOf("t93")).singleElement().satisfies(i -> {
            assertThat(i.autoIndex()).isTrue();
            assertThat(i.columns()).extracting(IndexedColumn::column).containsExactly("b");
        });
    }
}
