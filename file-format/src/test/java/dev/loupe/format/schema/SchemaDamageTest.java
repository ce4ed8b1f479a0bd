package dev.loupe.format.schema;

import dev.loupe.format.ProblemKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Named damage to sqlite_schema, made with PRAGMA writable_schema on a real database. For each, SQLite's verdict on
 * the damaged file (it refuses the schema, or integrity_check complains) and the problem our model reports for the
 * same rows.
 */
class SchemaDamageTest {

    @TempDir
    Path dir;

    static Stream<Arguments> damage() {
        return Stream.of(
                Arguments.of("orphan index",
                        "UPDATE sqlite_schema SET name = 'sqlite_autoindex_t_2' WHERE name = 'sqlite_autoindex_t_1'",
                        "orphan index", ProblemKind.SCHEMA_REFERENCE, "orphan index"),
                Arguments.of("automatic index row missing",
                        "DELETE FROM sqlite_schema WHERE name = 'sqlite_autoindex_t_1'",
                        "malformed", ProblemKind.SCHEMA_REFERENCE, "needs automatic index"),
                Arguments.of("truncated CREATE TABLE",
                        "UPDATE sqlite_schema SET sql = 'CREATE TABLE t(a UNIQUE, b' WHERE name = 't'",
                        "incomplete input", ProblemKind.SCHEMA_SQL, "expected ')'"),
                Arguments.of("index on a missing table",
                        "UPDATE sqlite_schema SET sql = 'CREATE INDEX i ON nosuch(b)' WHERE name = 'i'",
                        "no such table", ProblemKind.SCHEMA_REFERENCE, "not in the schema"),
                Arguments.of("index on a missing column",
                        "UPDATE sqlite_schema SET sql = 'CREATE INDEX i ON t(nosuch)' WHERE name = 'i'",
                        "no such column", ProblemKind.SCHEMA_REFERENCE, "no such column: nosuch"),
                Arguments.of("name differs from the SQL",
                        "UPDATE sqlite_schema SET name = 'x' WHERE name = 't'",
                        "malformed database schema (x)", ProblemKind.SCHEMA_ROW, "differs from 't' in its SQL"),
                Arguments.of("type differs from the SQL",
                        "UPDATE sqlite_schema SET type = 'view' WHERE name = 't'",
                        "malformed database schema (t)", ProblemKind.SCHEMA_ROW, "the SQL creates a table"),
                Arguments.of("unknown type",
                        "UPDATE sqlite_schema SET type = 'blah' WHERE name = 'u'",
                        "malformed database schema (u)", ProblemKind.SCHEMA_ROW, "unknown type 'blah'"),
                Arguments.of("tbl_name of an index",
                        "UPDATE sqlite_schema SET tbl_name = 'u' WHERE name = 'i'",
                        "malformed database schema (i)", ProblemKind.SCHEMA_ROW, "differs from the indexed table"),
                Arguments.of("table root page shared",
                        "UPDATE sqlite_schema SET rootpage = (SELECT rootpage FROM sqlite_schema WHERE name = 't')"
                                + " WHERE name = 'u'",
                        "2nd reference to page", ProblemKind.SCHEMA_ROW, "is also the root of row"),
                Arguments.of("index root page shared",
                        "UPDATE sqlite_schema SET rootpage = (SELECT rootpage FROM sqlite_schema"
                                + " WHERE name = 'sqlite_autoindex_t_1') WHERE name = 'i'",
                        "invalid rootpage", ProblemKind.SCHEMA_ROW, "is also the root of row"),
                Arguments.of("table root page 0",
                        "UPDATE sqlite_schema SET rootpage = 0 WHERE name = 'u'",
                        "malformed", ProblemKind.SCHEMA_ROW, "root page 0 is not a page number"),
                Arguments.of("unknown STRICT type",
                        "UPDATE sqlite_schema SET sql = 'CREATE TABLE u(a FOO) STRICT' WHERE name = 'u'",
                        "unknown datatype for u.a", ProblemKind.SCHEMA_SQL, "unknown datatype for u.a: \"FOO\""),
                Arguments.of("not a CREATE statement",
                        "UPDATE sqlite_schema SET sql = 'SELECT 1' WHERE name = 'u'",
                        "malformed database schema (u)", ProblemKind.SCHEMA_SQL, "not a CREATE statement"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damage")
    void sqliteRejectsItAndWeReportIt(String name, String mutation, String sqliteSays, ProblemKind kind,
                                     String message) throws Exception {
        List<SchemaRow> rows;
        SqliteOracle db = SqliteOracle.create(dir, "damaged.db");
        try (db) {
            db.exec("CREATE TABLE t(a UNIQUE, b)", "CREATE INDEX i ON t(b)", "CREATE TABLE u(a)",
                    "INSERT INTO t VALUES (1, 2)", "INSERT INTO u VALUES (1)",
                    "PRAGMA writable_schema = ON", mutation);
            rows = db.schemaRows();
        }
        assertThat(sqliteVerdict(dir)).contains(sqliteSays);

        Schema schema = Schema.from(rows);
        assertThat(schema.problems()).as(schema.problems().toString())
                .anySatisfy(p -> {
                    assertThat(p.kind()).isEqualTo(kind);
                    assertThat(p.message()).contains(message);
                });
        assertThat(schema.objects()).as("every row still yields an object").hasSizeGreaterThanOrEqualTo(
                rows.size() - (name.equals("unknown type") ? 1 : 0));
    }

    private static String sqliteVerdict(Path dir) {
        try (SqliteOracle db = SqliteOracle.create(dir, "damaged.db")) {
            StringBuilder b = new StringBuilder();
            for (Map<String, Object> r : db.query("PRAGMA integrity_check")) {
                b.append(r.values().iterator().next()).append('\n');
            }
            return b.toString();
        } catch (SQLException e) {
            return e.getMessage();
        }
    }
}
