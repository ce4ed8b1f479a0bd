package dev.loupe.check.index;

import dev.loupe.check.CheckContext;
import dev.loupe.check.CheckModule;
import dev.loupe.check.CheckPlan;
import dev.loupe.format.schema.Index;
import dev.loupe.format.schema.Schema;
import dev.loupe.format.schema.Table;

import java.util.ArrayList;
import java.util.List;

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

    private final ExactPass exactPass;

    public IndexChecks() {
        this(ExactPass.standard());
    }

    /** @param exactPass how the exact pass names what differs (other than standard: for the tests) */
    IndexChecks(ExactPass exactPass) {
        this.exactPass = exactPass;
    }

    @Override
    public void plan(CheckContext context, CheckPlan plan) {
        Schema schema = context.schema();
        for (Table table : schema.tables()) {
            if (table.virtual() || !context.options().includes(table.name())) {
                continue;
            }
            List<IndexState> states = new ArrayList<>();
            RowidRanges ranges = null;
            for (Index index : schema.indexesOf(table.name())) {
                // a WITHOUT ROWID table's PRIMARY KEY is the table's own tree, not a separate index
                if (index.rootPage() < 1 || index.rootPage() == table.rootPage()) {
                    continue;
                }
                if (ranges == null) {
                    ranges = RowidRanges.of(context.db().pages(), context.db().usableSize(), table);
                }
                IndexState s = new IndexState(table, index, ranges, context.db().encoding());
                states.add(s);
                plan.onEntries(index, new IndexEntryCheck(s, context.db().encoding()));
            }
            if (!states.isEmpty()) {
                plan.onRows(table, new TableDigestCheck(table, states, context.db().encoding()));
                plan.afterTrees(new IndexComparison(context.db(), states, context.options().maxFindings(),
                        exactPass, context.options().threads()));
            }
        }
    }
}
