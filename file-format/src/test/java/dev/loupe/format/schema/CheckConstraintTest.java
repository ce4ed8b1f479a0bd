package dev.loupe.format.schema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * SQLite names a failed CHECK in its error message by the constraint's name, or else by the expression text
 * (build.c sqlite3AddCheckConstraint): an oracle for both. It also shows SQLite's habit of keeping a CONSTRAINT
 * name for every later constraint of the same column, or up to the next comma among table constraints.
 */
class CheckConstraintTest {

    @TempDir
    Path dir;

    private record Case(String table, String values, int check) {
    }

    @Test
    void checkNamesAndTextsAreWhatSqliteReports() throws Exception {
        List<String> ddl = List.of(
                "CREATE TABLE c1(a INT CHECK (a > 0) CHECK (a < 10) CONSTRAINT named CHECK (a <> 5))",
                "CREATE TABLE c2(a INT CONSTRAINT kept NOT NULL CHECK(a > 0))",
                "CREATE TABLE c3(a, b, CONSTRAINT x CHECK(a > 0) CHECK(b > 0), CHECK ( a <> b ) ON CONFLICT FAIL)",
                "CREATE TABLE c4(a CHECK (  a IN ('x,y', 'z)') /* note */ ))",
                "CREATE TABLE c5(a, CONSTRAINT one CONSTRAINT two CHECK (a))");
        List<Case> cases = List.of(new Case("c1", "-1", 0), new Case("c1", "20", 1), new Case("c1", "5", 2),
                new Case("c2", "-1", 0), new Case("c3", "1, -1", 1), new Case("c3", "1, 1", 2),
                new Case("c3", "-1, 1", 0), new Case("c4", "'q'", 0), new Case("c5", "0", 0));
        try (SqliteOracle db = SqliteOracle.create(dir, "checks.db")) {
            db.exec(ddl.toArray(String[]::new));
            Schema schema = Schema.from(db.schemaRows());
            assertThat(schema.problems()).isEmpty();
            for (Case c : cases) {
                SQLException e = catchThrowableOfType(SQLException.class,
                        () -> db.exec("INSERT INTO " + c.table() + " VALUES (" + c.values() + ")"));
                assertThat((Object) e).as(c.toString()).isNotNull();
                CheckConstraint check = schema.table(c.table()).orElseThrow().checkConstraints().get(c.check());
                String label = check.name() != null ? check.name() : check.expression();
                assertThat(e.getMessage()).as(c.toString()).contains("(CHECK constraint failed: " + label + ") in: ");
            }
        }
    }
}
