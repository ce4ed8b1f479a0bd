package dev.loupe.check.index;

import dev.loupe.check.CheckContext;
import dev.loupe.check.CheckModule;
import dev.loupe.check.CheckPlan;
import dev.loupe.format.schema.Index;
import dev.loupe.format.schema.Schema;
import dev.loupe.format.schema.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Index against table consistency without per-row lookups: while the checker walks a table, each row's implied
 * entry in every index of the table (key terms with the values as stored, then the rowid or primary key; none when
 * a partial index's WHERE is not true; expressions evaluated) is folded into an order-independent digest; while it
 * walks an index, each entry is folded the same way and UNIQUE and record shape are checked. Afterwards equal
 * digests prove the index matches; different ones trigger an exact pass that names the rows and entries (what
 * integrity_check reports as "row N missing from index I", "wrong # of entries in index I"...). Expressions the
 * evaluator cannot compute leave the index checked for its count and uniqueness only, with a NOT_CHECKED finding.
 */
public final class IndexChecks implements CheckModule {

    private final boolean narrowLookups;
    private final LongAdder lookups;
    private final int hold;
    private final boolean locate;
    private final LongAdder located;

    public IndexChecks() {
        this(true, null, RowResidues.CAP, true, null);
    }

    /**
     * @param narrowLookups whether the exact pass looks up only the rows and entries of the digest buckets that
     *                      differ (false: every one; bound to name the same ones, for the test that holds it to that)
     * @param lookups       counts the rows and entries the exact pass looks up, or null
     * @param hold          rows of the differing buckets the exact pass may hold back to match with entries before
     *                      looking any up ({@link RowResidues}; 0: each is looked up as it is met)
     * @param locate        whether the exact pass, with lookups narrowed and rows held, takes the rows and entries
     *                      by which the digests differ from the digests when it can, instead of scanning the table
     *                      for them ({@link LoneDifferences}; false: it always scans, for the test that holds the
     *                      two ways to the same findings)
     * @param located       counts the indexes whose differing rows were found that way, or null
     */
    IndexChecks(boolean narrowLookups, LongAdder lookups, int hold, boolean locate, LongAdder located) {
        this.narrowLookups = narrowLookups;
        this.lookups = lookups;
        this.hold = hold;
        this.locate = locate;
        this.located = located;
    }

    @Override
    public void plan(CheckContext context, CheckPlan plan) {
        Schema schema = context.schema();
        for (Table table : schema.tables()) {
            if (table.virtual() || !context.options().includes(table.name())) {
                continue;
            }
            List<IndexState> states = new ArrayList<>();
            for (Index index : schema.indexesOf(table.name())) {
                // a WITHOUT ROWID table's PRIMARY KEY is the table's own tree, not a separate index
                if (index.rootPage() < 1 || index.rootPage() == table.rootPage()) {
                    continue;
                }
                IndexState s = new IndexState(table, index);
                states.add(s);
                plan.onEntries(index, new IndexEntryCheck(s, context.db().encoding()));
            }
            if (!states.isEmpty()) {
                plan.onRows(table, new TableDigestCheck(table, states, context.db().encoding()));
                plan.afterTrees(new IndexComparison(context.db(), states, context.options().maxFindings(),
                        narrowLookups, lookups, hold, locate, located));
            }
        }
    }
}
