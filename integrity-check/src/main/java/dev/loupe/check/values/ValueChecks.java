package dev.loupe.check.values;

import dev.loupe.check.CheckContext;
import dev.loupe.check.CheckModule;
import dev.loupe.check.CheckPlan;
import dev.loupe.format.schema.Table;

/**
 * Registers, for every ordinary table the options include, the row checks PRAGMA integrity_check does at table
 * level: NOT NULL, STRICT types, NUMERIC/TEXT affinity, CHECK constraints; and flags records longer than the table.
 * Virtual tables have no b-tree and are skipped, as SQLite skips them (IsOrdinaryTable).
 */
public final class ValueChecks implements CheckModule {

    @Override
    public void plan(CheckContext context, CheckPlan plan) {
        for (Table table : context.schema().tables()) {
            if (table.virtual() || !context.options().includes(table.name())) {
                continue;
            }
            plan.onRows(table, new TableValueCheck(table, context.db().encoding()));
        }
    }
}
