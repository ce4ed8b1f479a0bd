package dev.loupe.check.values;

import dev.loupe.check.CheckContext;
import dev.loupe.check.CheckOptions;
import dev.loupe.check.CheckPlan;
import dev.loupe.check.Finding;
import dev.loupe.check.FindingSink;
import dev.loupe.check.RowCheck;
import dev.loupe.check.TableRow;
import dev.loupe.format.Database;
import dev.loupe.format.OpenOptions;
import dev.loupe.format.schema.Schema;
import dev.loupe.format.schema.Table;
import dev.loupe.format.table.TableReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs {@link ValueChecks} the way the checker feeds a module: rows of each table in key order, then end(). */
final class LoupeSide {

    private LoupeSide() {
    }

    static List<Finding> run(Path file) throws IOException {
        return run(file, CheckOptions.defaults());
    }

    static List<Finding> run(Path file, CheckOptions options) throws IOException {
        List<Finding> out = new ArrayList<>();
        try (Database db = Database.open(file, OpenOptions.defaults())) {
            Schema schema = db.schema();
            CheckPlan plan = new CheckPlan();
            new ValueChecks().plan(new CheckContext(db, schema, options), plan);
            TableReader reader = new TableReader(db);
            for (Table t : schema.tables()) {
                List<RowCheck> checks = plan.rowChecks(t.name());
                if (checks.isEmpty()) {
                    continue;
                }
                FindingSink sink = new FindingSink(100_000);
                long[] position = {0};
                reader.read(t, row -> {
                    position[0]++;
                    for (RowCheck c : checks) {
                        c.row(new TableRow(t, row, List.of(), position[0]), sink);
                    }
                    return true;
                });
                for (RowCheck c : checks) {
                    c.end(sink);
                }
                out.addAll(sink.findings());
            }
        }
        return out;
    }
}
