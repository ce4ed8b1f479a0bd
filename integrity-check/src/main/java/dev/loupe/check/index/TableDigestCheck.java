package dev.loupe.check.index;

import dev.loupe.format.header.TextEncoding;
import dev.loupe.check.FindingSink;
import dev.loupe.check.RowCheck;
import dev.loupe.check.TableRow;
import dev.loupe.format.schema.Table;

import java.util.List;

/**
 * Folds, for every row of a table, the entry the row implies in each of the table's indexes into that index's
 * digest. Memory stays constant: nothing about a row outlives its call.
 */
final class TableDigestCheck implements RowCheck {

    private final List<IndexState> indexes;
    private final RowBinding binding;

    TableDigestCheck(Table table, List<IndexState> indexes, TextEncoding encoding) {
        this.indexes = List.copyOf(indexes);
        this.binding = new RowBinding(table, encoding);
    }

    @Override
    public void row(TableRow row, FindingSink sink) {
        for (IndexState s : indexes) {
            s.rows++;
            if (!s.comparable()) {
                continue;
            }
            ImpliedEntry e = s.generator.entryFor(row.row(), binding);
            if (e instanceof ImpliedEntry.Entry entry) {
                s.implied.add(EntryHash.of(entry.values()));
            } else if (e instanceof ImpliedEntry.NotEvaluable ne) {
                s.notEvaluable = ne.reason();
            }
        }
    }
}
