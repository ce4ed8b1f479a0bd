package dev.loupe.check.index;

import dev.loupe.check.RowBinding;
import dev.loupe.format.header.TextEncoding;
import dev.loupe.check.FindingSink;
import dev.loupe.check.RowCheck;
import dev.loupe.check.TableRow;
import dev.loupe.format.schema.Table;

import java.util.List;

/**
 * Folds, for every row of a table, the entry the row implies in each of the table's indexes into that index's
 * digest. Memory stays constant: nothing about a row outlives its call. Indexes of stored columns hash a sound
 * record's bytes; expressions, WHERE clauses and damaged records go through the decoded row.
 */
final class TableDigestCheck implements RowCheck {

    private final List<IndexState> indexes;
    private final RowBinding binding;
    private final TextEncoding encoding;

    TableDigestCheck(Table table, List<IndexState> indexes, TextEncoding encoding) {
        this.indexes = List.copyOf(indexes);
        this.binding = new RowBinding(table, encoding);
        this.encoding = encoding;
    }

    @Override
    public void row(TableRow row, FindingSink sink) {
        for (IndexState s : indexes) {
            s.rows++;
            if (!s.comparable()) {
                continue;
            }
            if (s.generator.hashable(row.record(), row.hasRowid())) {
                s.implied.add(s.generator.hash(row.record(), row.rowid()));
                continue;
            }
            ImpliedEntry e = s.generator.entryFor(row.row(), binding);
            if (e instanceof ImpliedEntry.Entry entry) {
                s.implied.add(EntryHash.of(entry.values(), encoding));
            } else if (e instanceof ImpliedEntry.NotEvaluable ne) {
                s.notEvaluable = ne.reason();
            }
        }
    }
}
