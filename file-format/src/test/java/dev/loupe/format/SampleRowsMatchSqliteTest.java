package dev.loupe.format;

import dev.loupe.format.oracle.Sqlite;
import dev.loupe.format.oracle.Values;
import dev.loupe.format.schema.Column;
import dev.loupe.format.schema.Table;
import dev.loupe.format.table.Row;
import dev.loupe.format.table.TableReader;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For every sample and every table: Loupe's rows equal SQLite's {@code SELECT rowid, * FROM t NOT INDEXED}
 * (the table b-tree scanned in rowid order, or primary-key order for WITHOUT ROWID tables), value for value and
 * storage class for storage class.
 */
class SampleRowsMatchSqliteTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Sample.class)
    void everyTableReadsLikeSqlite(Sample sample) throws Exception {
        Path db = Samples.copyTo(sample, tmp.resolve("loupe"));
        int compared = 0;
        try (Database loupe = Database.open(db); Sqlite sqlite = Sqlite.openCopy(db, tmp.resolve("sqlite"))) {
            assertThat(loupe.schemaSnapshot().problems()).as("schema problems").isEmpty();
            for (Table table : loupe.schema().tables()) {
                if (table.virtual()) {
                    continue;
                }
                List<Integer> comparable = comparableColumns(table);
                String select = (table.withoutRowid() ? "SELECT " : "SELECT rowid, ")
                        + comparable.stream().map(i -> Sqlite.quote(table.columns().get(i).name()))
                        .collect(Collectors.joining(", "))
                        + " FROM " + Sqlite.quote(table.name()) + " NOT INDEXED";
                List<String> expected = new ArrayList<>();
                for (List<Object> r : sqlite.query(select)) {
                    expected.add(r.stream().map(Values::ofJdbc).collect(Collectors.joining(" | ")));
                }
                List<String> actual = new ArrayList<>();
                for (Row row : new TableReader(loupe).readAll(table)) {
                    assertThat(row.problems()).as("%s row problems", table.name()).isEmpty();
                    List<String> cells = new ArrayList<>();
                    if (row.rowid() != null) {
                        cells.add("integer:" + row.rowid());
                    }
                    for (int i : comparable) {
                        cells.add(Values.of(row.values().get(i)));
                    }
                    actual.add(String.join(" | ", cells));
                }
                assertThat(actual).as("rows of %s in %s", table.name(), sample).containsExactlyElementsOf(expected);
                compared += actual.size();
            }
        }
        assertThat(compared).as("rows compared in %s", sample).isPositive();
    }

    /** All visible columns, VIRTUAL generated ones included (Loupe computes them as SQLite does on read). */
    private static List<Integer> comparableColumns(Table table) {
        List<Integer> out = new ArrayList<>();
        List<Column> cols = table.columns();
        for (int i = 0; i < cols.size(); i++) {
            Column c = cols.get(i);
            if (c.hidden()) {
                continue;
            }
            out.add(i);
        }
        return out;
    }
}
