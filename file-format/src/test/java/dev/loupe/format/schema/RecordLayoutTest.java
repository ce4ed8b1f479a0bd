package dev.loupe.format.schema;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every corpus table gets one row with a distinct value in each column; SQLite's own record bytes then show which
 * column each record position holds (Table.recordColumns), and the row's rowid shows which column, if any, is the
 * rowid alias (Table.rowidAliasColumn).
 */
class RecordLayoutTest {

    @TempDir
    static Path dir;

    private static SqliteOracle db;
    private static Schema schema;

    @BeforeAll
    static void setUp() throws Exception {
        db = SqliteOracle.create(dir, "layout.db");
        db.exec("PRAGMA page_size = 4096", "PRAGMA ignore_check_constraints = ON");
        db.exec(DdlCorpus.STATEMENTS.stream().filter(s -> s.startsWith("CREATE TABLE")).toArray(String[]::new));
        schema = Schema.from(db.schemaRows());
        assertThat(schema.problems()).isEmpty();
        for (Table t : schema.tables()) {
            if (!t.name().startsWith("sqlite_")) {
                insertDistinctRow(t);
            }
        }
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    /** Column i gets 1000 + i, as text or blob where a STRICT type demands it; generated columns compute theirs. */
    private static void insertDistinctRow(Table t) throws Exception {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<Map<String, Object>> info = db.query("SELECT * FROM pragma_table_xinfo("
                + SqliteOracle.quoteString(t.name()) + ")");
        for (int i = 0; i < info.size(); i++) {
            Map<String, Object> col = info.get(i);
            if ((Long) col.get("hidden") != 0) {
                continue;
            }
            names.add(SqliteOracle.quoteId((String) col.get("name")));
            String type = (String) col.get("type");
            values.add(!t.strict() ? String.valueOf(1000 + i)
                    : type.equals("TEXT") ? "'v" + (1000 + i) + "'"
                    : type.equals("BLOB") ? "x'" + HexFormat.of().toHexDigits((short) (1000 + i)) + "'"
                    : String.valueOf(1000 + i));
        }
        db.exec("INSERT INTO " + SqliteOracle.quoteId(t.name()) + "(" + String.join(", ", names) + ") VALUES ("
                + String.join(", ", values) + ")");
    }

    @TestFactory
    Stream<DynamicTest> recordPositionsHoldTheColumnsRecordColumnsNames() {
        return tables().map(t -> DynamicTest.dynamicTest(t.name(), () -> {
            byte[] file = Files.readAllBytes(db.file);
            List<Object> record = RecordBytes.firstRecord(file, 4096, t.rootPage());
            List<Object> selected = selectAll(t);
            int[] layout = t.recordColumns();
            assertThat(record).as("values in the record").hasSize(layout.length);
            for (int k = 0; k < layout.length; k++) {
                Object expected = layout[k] == t.rowidAliasColumn() ? null : selected.get(layout[k]);
                assertThat(normalise(record.get(k))).as("record value %d, column %d", k, layout[k])
                        .isEqualTo(normalise(expected));
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> rowidEqualsTheAliasColumnAndNothingElse() {
        return tables().filter(Table::hasRowid).map(t -> DynamicTest.dynamicTest(t.name(), () -> {
            List<Map<String, Object>> r = db.query("SELECT rowid AS r FROM " + SqliteOracle.quoteId(t.name()));
            long rowid = (Long) r.get(0).get("r");
            if (t.rowidAliasColumn() >= 0) {
                assertThat(rowid).isEqualTo(1000L + t.rowidAliasColumn());
            } else {
                assertThat(rowid).as("no alias: SQLite picks rowid 1").isEqualTo(1L);
            }
        }));
    }

    private static Stream<Table> tables() {
        return schema.tables().stream().filter(t -> !t.virtual() && !t.name().startsWith("sqlite_"));
    }

    private static List<Object> selectAll(Table t) throws Exception {
        List<String> cols = new ArrayList<>();
        for (Column c : t.columns()) {
            cols.add(SqliteOracle.quoteId(c.name()));
        }
        Map<String, Object> row = db.query("SELECT " + String.join(", ", cols) + " FROM "
                + SqliteOracle.quoteId(t.name())).get(0);
        return new ArrayList<>(row.values());
    }

    /** Numbers compare by value (a REAL column stores 1003.0 as the integer 1003); blobs by content. */
    private static Object normalise(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof byte[] b) {
            return Arrays.toString(b);
        }
        return v;
    }
}
