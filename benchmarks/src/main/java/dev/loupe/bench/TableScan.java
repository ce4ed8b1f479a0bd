package dev.loupe.bench;

import dev.loupe.format.Database;
import dev.loupe.format.Problem;
import dev.loupe.format.record.Value;
import dev.loupe.format.schema.Table;
import dev.loupe.format.table.Row;
import dev.loupe.format.table.RowSink;
import dev.loupe.format.table.TableReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads tables through the tree walk as `loupe rows` does ({@link TableReader}: key order, affinity, defaults),
 * consuming every value of every row. Index b-trees are not read by this pass.
 */
public final class TableScan {

    private TableScan() {
    }

    /** Every ordinary table of the schema when {@code only} is null, else the table named {@code only}. */
    public static Tally run(Path file, String only, Sink sink) throws IOException {
        long[] counts = new long[3]; // rows, values, problems
        try (Database db = Database.open(file)) {
            TableReader reader = new TableReader(db);
            for (Table table : db.schema().tables()) {
                if (table.virtual() || (only != null && !table.name().equalsIgnoreCase(only))) {
                    continue;
                }
                reader.read(table, new RowSink() {
                    @Override
                    public boolean row(Row row) {
                        counts[0]++;
                        counts[2] += row.problems().size();
                        List<Value> vs = row.values();
                        for (int i = 0, n = vs.size(); i < n; i++) {
                            Values.consume(vs.get(i), sink);
                        }
                        counts[1] += vs.size();
                        return true;
                    }

                    @Override
                    public void problem(Problem problem) {
                        counts[2]++;
                        sink.consume(problem);
                    }
                });
            }
        }
        return Tally.rows(counts[0], counts[1], counts[2]);
    }
}
