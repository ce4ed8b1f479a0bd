package dev.loupe.check.index;

import dev.loupe.check.DamagedRowids;
import dev.loupe.check.RowBinding;
import dev.loupe.format.header.TextEncoding;
import dev.loupe.check.FindingSink;
import dev.loupe.check.RowCheck;
import dev.loupe.check.TableRow;
import dev.loupe.format.schema.Table;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Folds, for every row of a table, the entry the row implies in each of the table's indexes into that index's
 * digest. Memory stays constant: nothing about a row outlives its call. Indexes of stored columns hash a sound
 * record's bytes; expressions, WHERE clauses and damaged records go through the decoded row.
 */
final class TableDigestCheck implements RowCheck {

    private final Table table;
    private final List<IndexState> indexes;
    /** Not thread-safe: each part of a split walk has its own. */
    private final RowBinding binding;
    private final TextEncoding encoding;

    /**
     * Per index, the rows whose entry could not be computed that the parts of a split walk hold together (null for
     * this check's own walk): they share {@link UncertainRows#CAP}.
     */
    private final AtomicInteger[] partBudgets;
    private final boolean isPart;

    TableDigestCheck(Table table, List<IndexState> indexes, TextEncoding encoding) {
        this(table, indexes, encoding, null);
    }

    private TableDigestCheck(Table table, List<IndexState> indexes, TextEncoding encoding, AtomicInteger[] budgets) {
        this.table = table;
        this.indexes = List.copyOf(indexes);
        this.binding = new RowBinding(table, encoding);
        this.encoding = encoding;
        this.isPart = budgets != null;
        if (budgets == null) {
            budgets = new AtomicInteger[indexes.size()];
            for (int k = 0; k < budgets.length; k++) {
                budgets[k] = new AtomicInteger();
            }
        }
        this.partBudgets = budgets;
    }

    /** The digests are sums: a part's are added to the whole's ({@link #merge}). */
    @Override
    public RowCheck forPart() {
        return new TableDigestCheck(table, indexes, encoding, partBudgets);
    }

    @Override
    public void merge(RowCheck part, long rowsBefore) {
        Side[] theirs = ((TableDigestCheck) part).sides;
        if (theirs == null) {
            return;
        }
        if (sides == null) {
            sides = theirs;
            return;
        }
        for (int k = 0; k < sides.length; k++) {
            Side mine = sides[k];
            mine.implied.addAll(theirs[k].implied);
            mine.rows += theirs[k].rows;
            mine.damagedRows |= theirs[k].damagedRows;
            // the first reason met in walk order, as one walk would keep it
            if (mine.notEvaluable == null) {
                mine.notEvaluable = theirs[k].notEvaluable;
            }
            mine.uncertain.addAll(theirs[k].uncertain);
        }
    }

    /**
     * One index's side of this walk: the entries the rows imply, the rows seen, why entries could not be computed.
     * Kept here and given to the {@link IndexState} at {@link #end}, made on the walking thread: the state is
     * shared with the index's own walk on another thread, and both writing next to each other for every row and
     * entry stalls both (false sharing).
     */
    private static final class Side {
        final EntryDigest implied;
        long rows;
        String notEvaluable;
        /** A row whose record did not decode cleanly implied an entry: the exact pass looks such rows up anyway. */
        boolean damagedRows;
        /** The rows whose entry could not be computed, when they can be told apart by rowid. */
        final UncertainRows uncertain;

        Side(IndexState s, AtomicInteger partBudget) {
            implied = new EntryDigest(s.implied.rowidRanges());
            notEvaluable = s.notEvaluable;
            uncertain = new UncertainRows(partBudget);
        }
    }

    private Side[] sides;
    private DamagedRowids treeDamage = DamagedRowids.NONE;

    @Override
    public void treeDamaged(DamagedRowids where) {
        treeDamage = treeDamage.and(where);
    }

    @Override
    public void treePages(long pages) {
        for (IndexState s : indexes) {
            s.tablePages = pages;
        }
    }

    @Override
    public void row(TableRow row, FindingSink sink) {
        if (sides == null) {
            sides = new Side[indexes.size()];
            for (int k = 0; k < sides.length; k++) {
                sides[k] = new Side(indexes.get(k), isPart ? partBudgets[k] : null);
            }
        }
        for (int k = 0; k < sides.length; k++) {
            IndexState s = indexes.get(k);
            Side side = sides[k];
            side.rows++;
            if (side.notEvaluable != null) {
                continue;
            }
            if (s.generator.hashable(row.record(), row.hasRowid())) {
                side.implied.add(s.generator.hash(row.record(), row.rowid()), row.rowid());
                continue;
            }
            ImpliedEntry e = s.generator.entryFor(row.row(), binding);
            if (e instanceof ImpliedEntry.Entry entry) {
                side.implied.add(EntryHash.of(entry.values(), encoding), row.rowid());
                side.damagedRows |= !row.row().problems().isEmpty();
            } else if (e instanceof ImpliedEntry.NotEvaluable ne) {
                uncertain(s, side, row, ne);
            }
        }
    }

    /**
     * A row whose entry could not be computed is held by its rowid, or in a WITHOUT ROWID table by its PRIMARY KEY (its
     * entry found by that after the walks, and the rest of the index compared: {@link UncertainEntries}); past
     * {@link UncertainRows#CAP} such rows the index is not compared at all.
     */
    private void uncertain(IndexState s, Side side, TableRow row, ImpliedEntry.NotEvaluable ne) {
        if (!row.hasRowid() && s.primaryKey == null) {
            side.notEvaluable = ne.reason();
            return;
        }
        long[] hashes = null;
        if (ne.candidates() != null) {
            hashes = new long[ne.candidates().size()];
            for (int i = 0; i < hashes.length; i++) {
                hashes[i] = EntryHash.of(ne.candidates().get(i), encoding);
            }
        }
        long key = row.hasRowid() ? row.rowid() : s.primaryKey.ofRow(row.row());
        side.uncertain.add(key, row.row().page(), row.row().cellIndex(), ne.needsEntry(), hashes,
                ne.reason());
        if (side.uncertain.overflowed()) {
            side.notEvaluable = ne.reason() + " (and so for more than " + UncertainRows.CAP + " rows)";
        }
    }

    @Override
    public void end(FindingSink sink) {
        for (IndexState s : indexes) {
            s.tableDamage = s.tableDamage.and(treeDamage);
        }
        if (sides == null) {
            return;
        }
        for (int k = 0; k < sides.length; k++) {
            IndexState s = indexes.get(k);
            s.implied.addAll(sides[k].implied);
            s.rows += sides[k].rows;
            s.damagedRows |= sides[k].damagedRows;
            if (s.notEvaluable == null) {
                s.notEvaluable = sides[k].notEvaluable;
            }
            s.uncertain.addAll(sides[k].uncertain);
        }
    }
}
